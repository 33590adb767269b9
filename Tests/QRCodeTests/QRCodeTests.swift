import Foundation
import QRCode
import Testing
import TestSupport

/// The QR codes of the subscribe box, read back by an independent decoder: the SVG drawn by
/// librsvg (`rsvg-convert`) and decoded by zbar (`zbarimg`).
@Suite struct QRCodeTests {
    static let tools = ["/usr/bin/rsvg-convert", "/usr/bin/zbarimg"]
    static let available = tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: available, "rsvg-convert or zbarimg missing; `make test` installs librsvg2-bin and zbar-tools"),
          arguments: ["https://plan.example.ru/feeds/clusters/nevsky-exact.ics",
                      "https://plan.example.ru/feeds/schools/%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F-1.ics"])
    func svgDecodesBackToTheAddress(url: String) throws {
        let code = try #require(QRCode(url))
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("qr.svg"), png = dir.appendingPathComponent("qr.png")
        try code.svg().write(to: svg, atomically: true, encoding: .utf8)
        #expect(try ToolRun.run(Self.tools[0], ["-w", "400", "-o", png.path, svg.path]).status == 0)
        let decoded = try ToolRun.run(Self.tools[1], ["--raw", "-q", png.path])
        #expect(decoded.status == 0)
        #expect(String(decoding: decoded.output, as: UTF8.self).trimmingCharacters(in: .newlines) == url)
    }

    @Test func modulesHaveTheFinderPatternsAndTheSizeOfTheVersion() throws {
        // 55 bytes at level M need version 4: 17 + 4 * 4 = 33 modules a side.
        let code = try #require(QRCode("https://plan.example.ru/feeds/clusters/nevsky-exact.ics"))
        #expect(code.width == 33)
        // The top-left finder: a dark 7x7 ring around a light ring around a dark 3x3 centre.
        let ring = (0..<7).map { i in [(i, 0), (i, 6), (0, i), (6, i)] }.joined()
        #expect(ring.allSatisfy { code.isDark(x: $0.0, y: $0.1) })
        #expect(!code.isDark(x: 1, y: 1) && code.isDark(x: 3, y: 3) && !code.isDark(x: 7, y: 7))
        #expect(code.svg().hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 41 41\""))
    }

    @Test func tooLongTextHasNoCode() {
        #expect(QRCode(String(repeating: "a", count: 5_000)) == nil)
        #expect(QRCode("") == nil)
    }
}
