import Foundation
import Hummingbird
import Planning

/// A response body built once and served many times: the bytes as a `ByteBuffer` (shared, never
/// copied per request) and the validators clients send back for a 304.
public struct Resource: Sendable {
    public let body: ByteBuffer
    public let contentType: String
    /// Strong entity tag, quoted: depends on the bytes only, so unchanged content keeps its tag.
    public let etag: String
    /// Unix seconds; nil for resources that have no meaningful modification time.
    public let lastModified: Int64?
    public let cacheControl: String
    /// The response headers, formatted once: a 304 then costs a lookup and a comparison.
    let headers: HTTPFields

    init(text: String, contentType: String, lastModified: Int64?, cacheControl: String) {
        let body = ByteBuffer(string: text)
        self.init(body: body, contentType: contentType, etag: Self.entityTag(of: body), lastModified: lastModified,
                  cacheControl: cacheControl)
    }

    init(copying other: Resource, lastModified: Int64?) {
        self.init(body: other.body, contentType: other.contentType, etag: other.etag, lastModified: lastModified,
                  cacheControl: other.cacheControl)
    }

    private init(body: ByteBuffer, contentType: String, etag: String, lastModified: Int64?, cacheControl: String) {
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.cacheControl = cacheControl
        var headers: HTTPFields = [.contentType: contentType, .eTag: etag, .cacheControl: cacheControl]
        if let lastModified { headers[.lastModified] = httpDate(lastModified) }
        self.headers = headers
    }

    /// Length and two FNV-1a 64 hashes (different offsets) of the bytes: enough to tell versions apart.
    static func entityTag(of buffer: ByteBuffer) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x84222325CBF29CE4
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return "\"\(String(buffer.readableBytes, radix: 16))-\(String(a, radix: 16))\(String(b, radix: 16))\""
    }

    /// 200 with the body, or 304 when the request's validators match (RFC 9110 13.1: If-None-Match
    /// wins over If-Modified-Since). HEAD is derived from GET by Hummingbird, keeping these headers.
    func response(to request: Request) -> Response {
        if notModified(request.headers) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    func notModified(_ headers: HTTPFields) -> Bool {
        if let match = headers[.ifNoneMatch] {
            // Fast path: a client sends back exactly the tag it was given.
            if match == etag || match == "*" { return true }
            return match.split(separator: ",").contains { tag in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return trimmed == etag || trimmed == "W/" + etag
            }
        }
        if let since = headers[.ifModifiedSince], let lastModified, let date = parseHTTPDate(since) {
            return lastModified <= date
        }
        return false
    }
}

private let monthNames = YearMonth.englishShortNames

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form HTTP senders may generate.
func httpDate(_ unixSeconds: Int64) -> String {
    let days = Int(unixSeconds.floorDiv(86_400))
    let seconds = Int(unixSeconds - Int64(days) * 86_400)
    let date = LocalDate(daysSinceEpoch: days)
    let c = date.components
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(date.weekday.englishShort), \(two(c.day)) \(monthNames[c.month - 1]) \(c.year) "
        + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) GMT"
}

/// Reads an IMF-fixdate back; other (obsolete) forms give nil, so the request gets a full answer.
func parseHTTPDate(_ text: String) -> Int64? {
    let parts = text.split(separator: " ")
    guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
          let month = monthNames.firstIndex(of: String(parts[2])), let year = Int(parts[3]) else { return nil }
    let time = parts[4].split(separator: ":")
    guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
          (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s),
          let date = LocalDate(year: year, month: month + 1, day: day) else { return nil }
    return Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + m * 60 + s)
}

extension Int64 {
    fileprivate func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
