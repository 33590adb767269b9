import Tabular
import Testing

@Suite struct CSVFieldTests {
    @Test(arguments: [
        ("Семинар", "Семинар"),
        ("a,b", "\"a,b\""),
        ("«Точка роста» \"ТР\"", "\"«Точка роста» \"\"ТР\"\"\""),
        ("строка\nвторая", "\"строка\nвторая\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("разрыв\u{2028}строки", "\"разрыв\u{2028}строки\""),
        ("", ""),
    ])
    func fieldsAreQuotedOnlyWhenNeeded(field: String, expected: String) {
        #expect(csvQuoted(field) == expected)
    }
}

@Suite struct TextTableTests {
    @Test func columnsArePaddedByCharactersAndLongCellsCut() {
        let table = TextTable(header: ["№", "название"], rows: [["1", "Семинар"], ["12", "Конференция района"]],
                              rule: true, maxWidth: 8)
        #expect(table.lines == [
            "№   название",
            "──  ────────",
            "1   Семинар",
            "12  Конфере…",
        ])
    }

    @Test func withoutRuleOrLimitEveryCellIsKept() {
        #expect(TextTable(header: ["a", "bb"], rows: [["ccc", ""]]).text == "a    bb\nccc\n")
    }
}
