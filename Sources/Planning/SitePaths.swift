/// The paths of the published site, shared by the router, the pages, `publish` and the feeds'
/// event URLs. Every id is one percent-encoded path segment.
public enum SitePaths {
    public static let districtFeed = "/feeds/district.ics"
    public static func clusterFeed(_ id: String) -> String { "/feeds/clusters/\(segment(id)).ics" }
    public static func schoolFeed(_ id: String) -> String { "/feeds/schools/\(segment(id)).ics" }
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
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
                 UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                 UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
