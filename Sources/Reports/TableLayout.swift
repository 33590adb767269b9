/// Column widths for print: every column at least as wide as its longest word (so no word is
/// broken mid-word), the rest shared by how much text each column holds (narrow №, wide titles);
/// a table whose words do not fit across a portrait page, or with many columns, goes landscape.
struct TableLayout: Equatable {
    /// Twips (1/1440 inch), summing to the text width of the chosen orientation.
    var widths: [Int]
    var landscape: Bool

    /// A4 with 2 cm margins: 21 cm - 4 cm and 29.7 cm - 4 cm of text width.
    static let portraitWidth = 9638
    static let landscapeWidth = 14570

    /// A character of 10 pt Times New Roman is about 90 twips on average; wide Cyrillic letters
    /// need more, and each cell has 108 twips of margin on both sides.
    private static let charTwips = 105
    private static let cellMargin = 216
    /// Beyond this, a longer cell wraps instead of widening its column further.
    private static let comfortableChars = 48

    init(_ table: Table) {
        let columns = max(table.header.count, 1)
        var minimum = Array(repeating: 1, count: columns)
        var desired = Array(repeating: 1, count: columns)
        for (r, row) in ([table.header] + table.rows).enumerated() where row.count == columns {
            for (i, cell) in row.enumerated() {
                let longestWord = cell.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
                // Header words are bold: about a fifth wider.
                minimum[i] = max(minimum[i], r == 0 ? (longestWord * 6 + 4) / 5 : longestWord)
                desired[i] = max(desired[i], min(cell.count, Self.comfortableChars))
            }
        }
        let minTwips = minimum.map { $0 * Self.charTwips + Self.cellMargin }
        let desiredTwips = zip(desired, minimum).map { max($0, $1) * Self.charTwips + Self.cellMargin }
        landscape = columns >= 6 || minTwips.reduce(0, +) > Self.portraitWidth
            || desiredTwips.reduce(0, +) > Self.portraitWidth * 2
        let available = landscape ? Self.landscapeWidth : Self.portraitWidth
        widths = Self.share(available, minimum: minTwips, desired: desiredTwips)
    }

    private static func share(_ available: Int, minimum: [Int], desired: [Int]) -> [Int] {
        let least = minimum.reduce(0, +)
        var widths: [Int]
        if least >= available {
            // Even the longest words do not fit: shrink them alike (rare: a cell of one endless word).
            widths = minimum.map { $0 * available / max(least, 1) }
        } else {
            let wants = zip(desired, minimum).map { max($0 - $1, 0) }
            let totalWant = wants.reduce(0, +)
            let spare = available - least
            widths = zip(minimum, wants).map { m, w in
                m + (totalWant == 0 ? spare / minimum.count : w * spare / totalWant)
            }
        }
        // Rounding leftovers go to the widest column, so the table spans exactly the text width.
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) { widths[widest] += available - widths.reduce(0, +) }
        return widths
    }
}
