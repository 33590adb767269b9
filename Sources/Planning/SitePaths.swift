/// The paths of the published site, shared by the router, the pages, `publish` and the feeds'
/// event URLs. Every id is one percent-encoded path segment.
public enum SitePaths {
    public static let districtFeed = "/feeds/district.ics"
    public static func clusterFeed(_ id: String) -> String { "/feeds/clusters/\(segment(id)).ics" }
    public static func schoolFeed(_ id: String) -> String { "/feeds/schools/\(segment(id)).ics" }
    /// One event alone, to add it to a calendar without subscribing.
    public static func eventFeed(_ id: EventID) -> String { "/feeds/events/\(segment(id.cluster))/\(id.number).ics" }
    public static func cluster(_ id: String) -> String { "/clusters/\(segment(id))" }
    public static func school(_ id: String) -> String { "/schools/\(segment(id))" }
    public static func event(_ id: EventID) -> String { "/events/\(segment(id.cluster))/\(id.number)" }
    /// A material's file: its id, then its name so a browser saves it as uploaded.
    public static func material(_ m: Material) -> String { "/materials/\(m.id)/\(segment(m.fileName))" }
    /// `2019/2020` is written `2019-2020` in URLs.
    public static func report(_ year: AcademicYear) -> String { "/reports/\(year.startYear)-\(year.startYear + 1)" }

    /// One path segment: RFC 3986 unreserved characters and sub-delimiters kept, every other byte
    /// of the UTF-8 (`/`, `%`, `?`, `#`, `;`, spaces, Cyrillic) percent-encoded.
    public static func segment(_ id: String) -> String {
        percentEncoded(id) { byte in
            isUnreserved(byte) || "!$&'()*+,=:@".utf8.contains(byte)
        }
    }

    /// A query parameter's value (a whole URL given to a calendar app): unreserved characters and
    /// `:` `/` kept, every other byte (`&`, `=`, `+`, `%`, `#`, spaces, Cyrillic) percent-encoded.
    public static func queryValue(_ text: String) -> String {
        percentEncoded(text) { isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static func percentEncoded(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = ""
        for byte in text.utf8 {
            if keep(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
