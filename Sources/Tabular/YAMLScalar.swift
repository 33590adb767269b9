/// A YAML double-quoted scalar: always valid, whatever the text holds.
public func yamlQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let hex = String(scalar.value, radix: 16)
            result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
