/// One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break (any Unicode
/// line break), with inner quotes doubled. Shared by `events`, the report and `cluster-schools`.
public func csvQuoted(_ field: String) -> String {
    // Bytes first: the common case (no comma, quote or ASCII break) costs one pass over UTF-8.
    let asciiSpecial = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || (0x0A...0x0D).contains($0) }
    let unicodeBreak = !asciiSpecial && field.utf8.contains { $0 >= 0x80 }
        && field.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    guard asciiSpecial || unicodeBreak else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
}

/// One CSV record: quoted fields joined by commas, ended by CRLF (RFC 4180).
public func csvRecord(_ fields: [String]) -> String { fields.map(csvQuoted).joined(separator: ",") + "\r\n" }
