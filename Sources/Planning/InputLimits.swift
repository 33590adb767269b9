/// Bounds on what users give us, checked where the value enters (plan files, `record`, `indicator`,
/// the API), so nothing downstream can overflow, run away or write an unreadable feed.
public enum InputLimits {
    /// People or schools in one count: participants, listeners, teams, a course target.
    public static let count = 0...1_000_000
    /// An indicator's target or recorded value.
    public static let indicatorValue = 0.0...1_000_000_000.0
    /// An event's number within its cluster.
    public static let eventNumber = 1...100_000
    /// Years a plan may name; from 3000 on libical writes DTSTART as `00000000T000000`.
    public static let academicYearStart = 1900...2998
    /// Characters of one text field (a title, a goal, a note): a page of text is far below.
    public static let textLength = 20_000
    /// Characters of one id (school, cluster, task, indicator, course).
    public static let idLength = 64
    /// Characters of an e-mail address (RFC 5321's path limit).
    public static let emailLength = 254
    /// An event link: what browsers and calendar clients reliably keep.
    public static let linkLength = 2_000
    /// A plan document's size once YAML aliases are expanded; the bench's 13 MB country plan fits.
    public static let expandedDocumentBytes = 64 << 20
    /// Occurrences one busy calendar may expand to within the plan's years.
    public static let busyOccurrencesPerFile = 20_000
}

/// Why an id cannot be used: it goes into file names, URLs and feed lines. Nil when it is fine.
public func idProblem(_ id: String) -> String? {
    if id.count > InputLimits.idLength { return "длиннее \(InputLimits.idLength) символов" }
    if id == "." || id.contains("..") { return "содержит «..»" }
    if id.contains("/") || id.contains("\\") { return "содержит «/» или «\\»" }
    if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace
        || isInvisibleFormatting($0) }) {
        return "содержит пробел, перевод строки или управляющий символ"
    }
    return nil
}

/// Why an e-mail address cannot be used as a calendar ORGANIZER; nil when it looks like one.
public func emailProblem(_ email: String) -> String? {
    // Bytes first: no more bytes than the limit is no more characters, without counting them.
    if email.utf8.count > InputLimits.emailLength, email.count > InputLimits.emailLength {
        return "длиннее \(InputLimits.emailLength) символов"
    }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
    else { return "ожидается адрес вида имя@домен" }
    if email.unicodeScalars.contains(where: { isControlOrSpace($0) || "()<>[]:;,\"\\".unicodeScalars.contains($0) }) {
        return "содержит пробел, перевод строки или недопустимый знак"
    }
    return nil
}

/// A control character or white space; Unicode's tables are looked up only beyond ASCII, since
/// every cluster's address is checked each time a feed is built.
private func isControlOrSpace(_ s: Unicode.Scalar) -> Bool {
    s.isASCII ? s.value <= 0x20 || s.value == 0x7F : s.properties.generalCategory == .control || s.properties.isWhitespace
}

/// Why a link cannot be given to subscribers as an event's URL; nil for an http(s) address with a host.
/// Pure: no URL parsing from Foundation, just what a calendar client and a page need.
public func linkProblem(_ link: String) -> String? {
    if link.count > InputLimits.linkLength { return "длиннее \(InputLimits.linkLength) символов" }
    let lower = link.lowercased()
    guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else {
        return "ожидается адрес вида https://…"
    }
    let rest = link.dropFirst(scheme.count)
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if host.isEmpty || host.hasPrefix(".") || host.contains("@") { return "в адресе нет имени сайта" }
    if link.unicodeScalars.contains(where: { isControlOrSpace($0) || "<>\"\\".unicodeScalars.contains($0) }) {
        return "содержит пробел, перевод строки или недопустимый знак"
    }
    return nil
}

extension String {
    /// Text safe to show in a terminal or a calendar: C0 and C1 control characters (but tab and line
    /// feed) and bidirectional overrides removed, so no escape sequence or reordering reaches the reader.
    public var withoutControlCharacters: String {
        guard utf8.withContiguousStorageIfAvailable(hasUnsafeScalar) ?? unicodeScalars.contains(where: isUnsafeScalar) else {
            return self
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.filter { !isUnsafeScalar($0) })
        return String(scalars)
    }

    /// On one line: without control characters, tabs and newlines as spaces (a CN parameter, an
    /// error line).
    public var singleLine: String {
        let clean = withoutControlCharacters
        guard clean.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return clean }
        return clean.replacing("\n", with: " ").replacing("\t", with: " ")
    }

    /// At most `length` characters, with "…" when cut: for echoing a user's value in an error line.
    public func excerpt(_ length: Int = 60) -> String {
        let clean = singleLine
        return clean.count <= length ? clean : String(clean.prefix(length)) + "…"
    }
}

private func isUnsafeScalar(_ s: Unicode.Scalar) -> Bool {
    if s == "\t" || s == "\n" { return false }
    // General category Cc is exactly C0, DEL and C1 (a stable Unicode property); compared as values,
    // since looking the category up was a fifth of building a country's feed.
    return s.value < 0x20 || (0x7F...0x9F).contains(s.value) || isInvisibleFormatting(s)
}

/// `isUnsafeScalar` of some scalar, read from the UTF-8 bytes: every text of a feed is checked,
/// and decoding scalars was most of building its properties' values.
private func hasUnsafeScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
        let byte = bytes[i]
        i += 1
        // Only these bytes start an unsafe scalar: the rest (letters, digits, Cyrillic) pass at once.
        guard byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 else { continue }
        let next = i < bytes.count ? bytes[i] : 0
        let third = i + 1 < bytes.count ? bytes[i + 1] : 0
        switch byte {
        case 0x09, 0x0A: break
        case ..<0x20, 0x7F: return true
        case 0xC2 where (0x80...0x9F).contains(next): return true                   // C1: U+0080-009F
        case 0xD8 where next == 0x9C: return true                                   // U+061C
        case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)),
             0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): return true   // U+200E/F, 202A-E, 2066-9
        default: break
        }
    }
    return false
}

/// Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and marks (U+200E/F, U+061C).
func isInvisibleFormatting(_ s: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F
        || s.value == 0x061C
}
