import Foundation
import NIOPosix
import Store

/// The system's `sendmail` interface: a command run by `/bin/sh -c` with the whole message on its
/// standard input, which takes the recipients from the message's headers (`/usr/sbin/sendmail -t -i`,
/// msmtp `-t`, or any script). Configured by `serve --mail-command` or `CLUSTERPLAN_SENDMAIL`.
public struct Sendmail: Sendable, Hashable {
    public var command: String
    /// A command that takes longer is stopped and the attempt counts as failed.
    public var timeoutSeconds: Double

    public init(command: String, timeoutSeconds: Double = 60) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }

    /// Runs the command once for `mail` on a thread of NIO's pool (it blocks while the command runs).
    /// The recipient is also in `CLUSTERPLAN_RECIPIENT`, for scripts that want it as an argument.
    public func send(_ mail: OutgoingMail) async throws(MailFailure) {
        let result: Result<Void, MailFailure>
        do {
            result = try await NIOThreadPool.singleton.runIfActive { run(mail) }
        } catch {
            throw MailFailure(line: "поток отправки недоступен: \(error)")
        }
        try result.get()
    }

    private func run(_ mail: OutgoingMail) -> Result<Void, MailFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["CLUSTERPLAN_RECIPIENT"] = mail.recipient
        process.environment = environment
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch { return .failure(MailFailure(line: "команда почты не запускается: \(error)")) }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timer)
        defer { timer.cancel() }
        // A command that exits without reading its input must not kill the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(mail.message.utf8))
        try? input.fileHandleForWriting.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let how = process.terminationReason == .exit ? "код \(process.terminationStatus)" : "остановлена"
            return .failure(MailFailure(line: "команда почты завершилась неудачно (\(how))\(said.isEmpty ? "" : ": \(said)")"))
        }
        return .success(())
    }
}

/// One failed attempt to hand a mail over, as one line for the outbox and the log.
public struct MailFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: String
    public var description: String { line }
}

/// Drains the outbox: every due mail handed to `sendmail` once, marked sent, or failed with the
/// next attempt put off by `retryDelay`.
public enum MailDelivery {
    /// One minute after the first failure, doubling up to six hours: a mail server down for a night
    /// is retried about every six hours, and nothing is dropped.
    public static func retryDelay(attempts: Int) -> Int64 {
        let exponent = min(max(attempts, 0), 9)
        return min(60 << Int64(exponent), 6 * 3600)
    }

    /// Sends what is due at `now`; returns how many went and how many failed.
    @discardableResult
    public static func sendDue(store: some OutboxStore, sendmail: Sendmail, now: Int64, limit: Int = 50)
        async throws(StoreError) -> (sent: Int, failed: Int) {
        var sent = 0, failed = 0
        // Claimed for ten minutes: another server on the same store leaves them alone meanwhile.
        for queued in try await store.claimDueMail(now: now, limit: limit, lease: 600) {
            do {
                try await sendmail.send(queued.mail)
                try await store.markSent(queued.id, at: now)
                sent += 1
            } catch let failure as MailFailure {
                try await store.markFailed(queued.id, error: failure.line, retryAt: now + retryDelay(attempts: queued.attempts))
                failed += 1
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.unavailable(String(describing: error))
            }
        }
        return (sent, failed)
    }
}
