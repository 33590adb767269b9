import Planning
import Testing

@Suite struct MaterialRulesTests {
    @Test(arguments: [
        ("Презентация семинара.pdf", 340_000, nil),
        ("works.DOCX", 1, nil),
        ("page.html", 10, "файлы такого вида не принимаются; можно: doc, docx, jpeg, jpg, odp, ods, odt, pdf, png, ppt, pptx, txt, xls, xlsx, zip"),
        ("drawing.svg", 10, "файлы такого вида не принимаются; можно: doc, docx, jpeg, jpg, odp, ods, odt, pdf, png, ppt, pptx, txt, xls, xlsx, zip"),
        ("pdf", 10, "файлы такого вида не принимаются; можно: doc, docx, jpeg, jpg, odp, ods, odt, pdf, png, ppt, pptx, txt, xls, xlsx, zip"),
        ("../etc/passwd.txt", 10, "имя файла содержит «/», «\\», управляющий знак или начинается с точки"),
        (".hidden.pdf", 10, "имя файла содержит «/», «\\», управляющий знак или начинается с точки"),
        ("empty.pdf", 0, "файл пуст"),
        ("big.pdf", 20 * 1_048_576 + 1, "файл больше 20 МБ"),
        ("", 10, "не указано имя файла"),
    ] as [(String, Int, String?)])
    func whatMayBeAttached(name: String, size: Int, problem: String?) {
        #expect(MaterialRules.problem(fileName: name, size: size) == problem)
    }

    @Test func eachKindIsServedWithItsType() {
        #expect(MaterialRules.contentType(of: "a.PDF") == "application/pdf")
        #expect(MaterialRules.contentType(of: "a.pptx") == "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        #expect(MaterialRules.contentType(of: "a.exe") == nil)
    }
}
