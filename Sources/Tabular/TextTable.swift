/// The one plain-text table of the command line: columns padded by character count (so Cyrillic
/// aligns in a terminal), trailing spaces trimmed, cells longer than `maxWidth` cut with `…`.
public struct TextTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// A `───` line under the header.
    public var rule: Bool
    public var maxWidth: Int?

    public init(header: [String], rows: [[String]], rule: Bool = false, maxWidth: Int? = nil) {
        self.header = header
        self.rows = rows
        self.rule = rule
        self.maxWidth = maxWidth
    }

    public var lines: [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            let widest = all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
            return maxWidth.map { max(1, min($0, widest)) } ?? widest
        }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { column, cell in
                let width = widths[column]
                let cut = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
                return cut + String(repeating: " ", count: width - cut.count)
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let ruleLine = rule ? [widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] : []
        return [line(header)] + ruleLine + rows.map(line)
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }
}
