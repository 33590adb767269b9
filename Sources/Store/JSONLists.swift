// The event table's JSON list columns (participants, tasks, outcome schools) written and read by
// hand: through Codable each list costs a JSONEncoder or JSONDecoder, which at country scale
// (80,000 events, three lists each) was most of `import`, `schedule` and `export ics`.

/// `["344","498"]`: a JSON array of strings, escaped as RFC 8259 says.
package func jsonArray(_ strings: [String]) -> String {
    var out = "["
    for (i, s) in strings.enumerated() {
        if i > 0 { out += "," }
        out += "\""
        // Ids and names need no escapes: copied whole, not scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            continue
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
    return out + "]"
}

/// Reads a JSON array of strings back (any valid escaping, as other writers may use); nil when the
/// text is not one.
package func parseJSONArray(_ text: String) -> [String]? {
    text.utf8.contains(UInt8(ascii: "\\")) ? parseEscapedJSONArray(text) : parsePlainJSONArray(text)
}

/// A list without a backslash, as the stores write ids: each value cut out of the UTF-8 whole (its
/// quotes are ASCII, so the cut is valid UTF-8). Reading scalar by scalar was a tenth of reading
/// a country's events.
private func parsePlainJSONArray(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
        var i = 0
        func next() -> UInt8? {
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) { return b }
            }
            return nil
        }
        guard next() == UInt8(ascii: "[") else { return nil }
        var result: [String] = []
        var expectValue = true
        while let b = next() {
            if b == UInt8(ascii: "]") { return (expectValue && !result.isEmpty) ? nil : result }
            if !expectValue {
                guard b == UInt8(ascii: ",") else { return nil }
                expectValue = true
                continue
            }
            guard b == UInt8(ascii: "\"") else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += 1 }
            guard i < bytes.count else { return nil }
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            i += 1
            expectValue = false
        }
        return nil
    }
}

private func parseEscapedJSONArray(_ text: String) -> [String]? {
    var scalars = text.unicodeScalars.makeIterator()
    func next() -> Unicode.Scalar? {
        while let s = scalars.next() { if !(s == " " || s == "\n" || s == "\r" || s == "\t") { return s } }
        return nil
    }
    guard next() == "[" else { return nil }
    var result: [String] = []
    var expectValue = true
    while let s = next() {
        if s == "]" { return (expectValue && !result.isEmpty) ? nil : result }
        if !expectValue {
            guard s == "," else { return nil }
            expectValue = true
            continue
        }
        guard s == "\"" else { return nil }
        var value = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while true {
            guard let c = scalars.next() else { return nil }
            if c == "\"" { break }
            guard c == "\\" else { value.append(c); continue }
            guard let e = scalars.next() else { return nil }
            switch e {
            case "\"", "\\", "/": value.append(e)
            case "b": value.append("\u{8}")
            case "f": value.append("\u{C}")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "u":
                var code: UInt32 = 0
                for _ in 0..<4 {
                    guard let h = scalars.next(), h.isASCII, let digit = UInt32(String(h), radix: 16) else { return nil }
                    code = code * 16 + digit
                }
                if (0xD800...0xDBFF).contains(code) { pendingHigh = code; continue }
                if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                    pendingHigh = nil
                    guard let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) else { return nil }
                    value.append(scalar)
                    continue
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                value.append(scalar)
            default: return nil
            }
        }
        result.append(String(value))
        expectValue = false
    }
    return nil
}
