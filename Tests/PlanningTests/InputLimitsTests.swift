import Planning
import Testing

/// Issue 14: values refused at input, and text made safe for terminals, spreadsheets and feeds.
@Suite struct InputLimitsTests {
    @Test func controlCharactersAndBidiOverridesAreStripped() {
        #expect("a\u{1B}[2Jb\u{202E}c\u{85}d\u{7}\te\nf".withoutControlCharacters == "a[2Jbcd\te\nf")
        #expect("plain".withoutControlCharacters == "plain")
        #expect(String(repeating: "я", count: 100).excerpt(10) == String(repeating: "я", count: 10) + "…")
    }

    @Test(arguments: ["a/b", "..", "x..y", "a\r\nb", "a\u{0}", "a b", "\u{202E}x", String(repeating: "x", count: 65)])
    func idsThatBreakPathsOrLinesHaveAProblem(id: String) {
        #expect(idProblem(id) != nil)
    }

    @Test(arguments: ["nevsky-exact", "344", "кластер-1", "a.b_c"])
    func plainIdsAreFine(id: String) {
        #expect(idProblem(id) == nil)
    }

    @Test func emailsAreCheckedForTheirShape() {
        #expect(emailProblem("imc@nevsky.spb.ru") == nil)
        #expect(emailProblem("a@b.ru\r\nBEGIN:VEVENT") != nil)
        #expect(emailProblem("a@b") != nil)
        #expect(emailProblem("a;b@c.ru") != nil)
    }

    @Test func academicYearsStopBeforeThreeThousand() {
        #expect(AcademicYear("2019/2020")?.startYear == 2019)
        #expect(AcademicYear("2999/3000") == nil)
        #expect(AcademicYear("3000/3001") == nil)
    }
}
