import Foundation
import Hummingbird

extension Request {
    /// The boundary of a `multipart/form-data` post, nil for any other body.
    var multipartBoundary: String? {
        let type = headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return Form.parameter("boundary", in: Substring(type)).flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension Form {
    /// A form posted as `multipart/form-data` (a file input) or urlencoded. Each part becomes one
    /// field, a file's content as its text (the results upload reads CSV only).
    init(uploaded request: Request, _ context: AppRequestContext) async throws {
        guard let boundary = request.multipartBoundary else {
            self = try await Form(request, context)
            return
        }
        pairs = Self.parts(String(buffer: try await request.body.collect(upTo: context.maxUploadSize)), boundary: boundary)
    }

    /// The fields of a multipart body: each part's `name` and its content.
    static func parts(_ text: String, boundary: String) -> [(String, String)] {
        text.components(separatedBy: "--" + boundary).dropFirst().compactMap { part in
            guard let split = part.range(of: "\r\n\r\n") else { return nil }
            guard let name = parameter("name", in: part[part.startIndex..<split.lowerBound]) else { return nil }
            var body = part[split.upperBound...]
            if body.hasSuffix("\r\n") { body = body.dropLast() }
            return (name, String(body))
        }
    }

    /// `key="value"` or `key=value` in a header line.
    static func parameter(_ key: String, in header: Substring) -> String? {
        for item in header.split(whereSeparator: { $0 == ";" || $0 == "\r\n" || $0 == "\n" }) {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            return String(pair.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
