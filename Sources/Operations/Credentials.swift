import Crypto
import HummingbirdBcrypt
import NIOPosix

/// The secrets of sign-in and what the store keeps of them: bcrypt hashes of passwords, SHA-256
/// digests of session ids and API tokens. Nothing here keeps a secret after returning it.
public enum Credentials {
    /// bcrypt's own bounds on its cost (log2 of the rounds).
    public static let costs: ClosedRange<UInt8> = 4...31
    /// About a quarter of a second per sign-in on a 2-core machine (see BENCHMARKS.md).
    public static let defaultCost: UInt8 = 12

    /// bcrypt is slow on purpose: it runs on NIO's blocking pool, not on the tasks serving requests.
    public static func hash(password: String, cost: UInt8) async -> String {
        let cost = min(max(cost, costs.lowerBound), costs.upperBound)
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) })
            ?? Bcrypt.hash(password, cost: cost)
    }

    public static func verify(password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) })
            ?? Bcrypt.verify(password, hash: hash)
    }

    /// 256 random bits as 64 hex digits: a session id or an API token. `SystemRandomNumberGenerator`
    /// reads the operating system's cryptographic source (getrandom on Linux).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// What the store keeps of a session id or token: its SHA-256, hex.
    public static func digest(_ secret: String) -> String {
        hex(Array(SHA256.hash(data: Array(secret.utf8))))
    }

    /// The CSRF token of a session, derived from its secret id, so it needs no storage and no one
    /// without the cookie can compute it.
    public static func csrfToken(session: String) -> String {
        digest("csrf:" + session)
    }

    /// Compares two tokens in time that does not depend on where they differ.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
