import Tabular
import Testing

/// Issue 14: a CSV cell a spreadsheet would run as a formula is shown as text.
@Suite struct FormulaGuardTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\";\"a\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\""),
        ("+7 900", "'+7 900"), ("@SUM(A1)", "'@SUM(A1)"), ("-x", "'-x"), ("-0.35", "-0.35"),
        ("\tx", "'\tx"), ("Семинар", "Семинар"),
    ])
    func spreadsheetFormulasAreShownNotRun(field: String, cell: String) {
        #expect(csvQuoted(field) == cell)
    }
}
