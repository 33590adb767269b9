import Planning
import Testing

/// Issue 14: values refused at input, and text made safe for terminals, spreadsheets and feeds.
@Suite struct InputLimitsTests {
    @Test func controlCharactersAndBidiOverridesAreStripped() {
        #expect("a\u{1B}[2Jb\u{202E}c\u{85}d\u{7}\te\nf".withoutControlCharacters == "a[2Jbcd\te\nf")
        #expect("plain".withoutControlCharacters == "plain")
        #expect(String(repeating: "я", count: 100).excerpt(10) == String(repeating: "я", count: 10) + "…")
    }

    /// The UTF-8 scan finds each stripped scalar, at either end and between Cyrillic letters, and
    /// lets their neighbours in the same byte ranges through.
    @Test(arguments: [0x00, 0x1F, 0x7F, 0x80, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069] as [UInt32])
    func everyStrippedScalarIsFound(value: UInt32) throws {
        let scalar = String(try #require(Unicode.Scalar(value)))
        for text in [scalar, "я" + scalar, scalar + "я", "кл\(scalar)астер"] {
            #expect(text.withoutControlCharacters == text.replacing(scalar, with: ""))
        }
    }

    @Test(arguments: [0x09, 0x0A, 0x20, 0x7E, 0xA0, 0x061B, 0x061D, 0x200D, 0x2010, 0x2029, 0x202F, 0x2065, 0x206A, 0x2014] as [UInt32])
    func theirNeighboursAreKept(value: UInt32) throws {
        let text = "я" + String(try #require(Unicode.Scalar(value))) + "ё"
        #expect(text.withoutControlCharacters == text)
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

    /// Each kind of refused character inside an address, ASCII or not, and an address of Cyrillic
    /// letters, which is fine.
    @Test(arguments: ["(", ")", "<", ">", "[", "]", ":", ";", ",", "\"", "\\", " ", "\u{0}", "\t", "\u{1F}", "\u{7F}",
                      "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}"])
    func anEmailWithASpaceControlOrSeparatorIsRefused(character: String) {
        #expect(emailProblem("ivanova\(character)x@school.ru") == "содержит пробел, перевод строки или недопустимый знак")
    }

    @Test func anEmailIsMeasuredInCharacters() {
        let domain = "@школа.рф"
        let fits = String(repeating: "я", count: InputLimits.emailLength - domain.count) + domain
        #expect(fits.utf8.count > InputLimits.emailLength)
        #expect(emailProblem(fits) == nil)
        #expect(emailProblem("я" + fits) == "длиннее \(InputLimits.emailLength) символов")
    }

    @Test func academicYearsStopBeforeThreeThousand() {
        #expect(AcademicYear("2019/2020")?.startYear == 2019)
        #expect(AcademicYear("2999/3000") == nil)
        #expect(AcademicYear("3000/3001") == nil)
    }
}
