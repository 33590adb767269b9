/// One CSV field per RFC 4180: quoted when it holds the separator (a comma, or `;` for a Russian
/// Excel), a quote or a line break (any Unicode line break), with inner quotes doubled. Shared by
/// `events`, the report and `cluster-schools`. A text that a spreadsheet would run as a formula
/// (`=HYPERLINK(…)`, `+`, `@`, `-` before a non-number) gets a leading `'`, so it is shown, never evaluated.
public func csvQuoted(_ field: String) -> String { csvQuoted(field, separator: ",") }

public func csvQuoted(_ field: String, separator: Unicode.Scalar) -> String {
    let field = formulaGuarded(field)
    // Bytes first: the common case (no separator, quote or ASCII break) costs one pass over UTF-8.
    let separatorByte = UInt8(truncatingIfNeeded: separator.value)
    let asciiSpecial = field.utf8.contains { $0 == separatorByte || $0 == 0x22 || (0x0A...0x0D).contains($0) }
    let unicodeBreak = !asciiSpecial && field.utf8.contains { $0 >= 0x80 }
        && field.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    guard asciiSpecial || unicodeBreak else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
}

/// One CSV record: quoted fields joined by commas, ended by CRLF (RFC 4180).
public func csvRecord(_ fields: [String]) -> String { csvRecord(fields, separator: ",") }

/// The same with another separator (`;` for a Russian Excel).
public func csvRecord(_ fields: [String], separator: Unicode.Scalar) -> String {
    fields.map { csvQuoted($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
}

private func formulaGuarded(_ field: String) -> String {
    guard let first = field.utf8.first, [0x3D, 0x2B, 0x40, 0x2D, 0x09, 0x0D].contains(first) else { return field }
    if first == 0x2D, Double(field) != nil { return field }
    return "'" + field
}
