import CQRencode

/// A QR code as a square of modules, encoded by libqrencode (`CQRencode`). Pure: no I/O, and
/// libqrencode keeps no state between calls when built with pthreads (Debian's is).
public struct QRCode: Hashable, Sendable {
    /// Modules per side, quiet zone not included.
    public let width: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` as 8-bit bytes (its UTF-8) at error correction level M, in the smallest
    /// version that holds it; nil when it is too long for any QR code (about 2,300 bytes at M).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty,
              let code = bytes.withUnsafeBufferPointer({ QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, QR_ECLEVEL_M) })
        else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
        self.width = width
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }

    /// An SVG of the code with a 4-module quiet zone, one path of horizontal runs, drawn `pixels`
    /// wide: crisp at any zoom, about 2 KB for a feed address. Carries no text but its title.
    public func svg(pixels: Int = 200, title: String = "QR-код") -> String {
        let side = width + 8
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < width, isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" \
        role="img"><title>\(escaped(title))</title>\
        <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
        """
    }

    private func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }
}
