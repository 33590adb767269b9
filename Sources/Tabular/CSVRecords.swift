/// One pass over a CSV text's bytes (RFC 4180 quoting): linear in the text's length, whatever the
/// number of rows, and each record knows the line it starts on (quoted fields may span lines).
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [String]
}

public enum CSVProblem: Error {
    /// A quoted field that never closes, opened on this line.
    case unclosedQuote(line: Int)
}

/// The separator the header line uses most: comma, semicolon or tab (comma when none).
func guessedDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
    var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
    var quoted = false
    for byte in bytes {
        if byte == 0x22 { quoted.toggle() }
        if !quoted, byte == 0x0A || byte == 0x0D { break }
        if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
    }
    return [0x2C, 0x3B, 0x09].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? 0x2C
}

/// Every record of `text`; a line break is CR LF, LF or CR. A leading byte-order mark is skipped.
public func csvRecords(_ text: String) throws(CSVProblem) -> [CSVRecord] {
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let delimiter = guessedDelimiter(bytes)
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var inQuotes = false
    var i = 0
    func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }
    while i < bytes.count {
        let byte = bytes[i]
        if inQuotes {
            if byte == 0x22 {
                if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                inQuotes = false
            } else {
                if byte == 0x0A || (byte == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { line += 1 }
                field.append(byte)
            }
            i += 1
            continue
        }
        switch byte {
        case 0x22 where field.isEmpty:
            inQuotes = true
            quoteLine = line
        case delimiter:
            endField()
        case 0x0D, 0x0A:
            if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
            line += 1
            recordLine = line
        default:
            field.append(byte)
        }
        i += 1
    }
    if inQuotes { throw .unclosedQuote(line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty {
        endField()
        records.append(CSVRecord(line: recordLine, fields: fields))
    }
    return records
}
