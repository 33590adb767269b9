import Hummingbird
import MultipartKit
import Planning

/// A `multipart/form-data` body (the workspace's upload form), parsed by MultipartKit: its fields
/// by name, files with the name the browser gave them.
struct MultipartForm {
    struct Part {
        var name: String
        var fileName: String?
        var body: ByteBuffer
    }

    var parts: [Part]

    /// The most a form may carry: the largest material and room for its few text fields.
    static let maxBytes = MaterialRules.maxBytes + (64 << 10)

    init(_ buffer: ByteBuffer, contentType: String) throws {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw HTTPError(.badRequest, message: "в multipart/form-data нет boundary")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var disposition = ""
        var body = ByteBuffer()
        parser.onHeader = { field, value in if field.lowercased() == "content-disposition" { disposition = value } }
        parser.onBody = { body.writeBuffer(&$0) }
        parser.onPartComplete = {
            if let name = Self.parameter("name", in: disposition) {
                parts.append(Part(name: name, fileName: Self.parameter("filename", in: disposition), body: body))
            }
            disposition = ""
            body = ByteBuffer()
        }
        do { try parser.execute(buffer) } catch { throw HTTPError(.badRequest, message: "форма с файлом не читается") }
        self.parts = parts
    }

    func value(_ name: String) -> String? { parts.first { $0.name == name }.map { String(buffer: $0.body) } }
    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }

    /// `name="value"` (or unquoted) of a header such as `form-data; name="file"; filename="a.pdf"`.
    static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].lowercased()
            var value = ""
            var tail = rest[rest.index(after: equals)...]
            if tail.first == "\"" {
                tail = tail.dropFirst()
                var escaped = false
                while let c = tail.first {
                    tail = tail.dropFirst()
                    if escaped { value.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else {
                        value.append(c)
                    }
                }
            } else {
                let end = tail.firstIndex(of: ";") ?? tail.endIndex
                value = String(tail[..<end]).trimmingWhitespace
                tail = tail[end...]
            }
            if name == key { return value }
            rest = tail
        }
        return nil
    }
}

extension Request {
    var isMultipartForm: Bool { headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true }
}
