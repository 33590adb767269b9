/// A file attached to an event (a presentation, the collection of works, recommendations): shown
/// on the event's page and linked from its feed DESCRIPTION. The store keeps the bytes; snapshots
/// carry only this description.
public struct Material: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var event: EventID
    /// The name it was uploaded with, also the last part of its address.
    public var fileName: String
    public var title: String
    public var contentType: String
    public var size: Int
    public var uploadedAt: Int64

    public init(id: Int64, event: EventID, fileName: String, title: String, contentType: String, size: Int, uploadedAt: Int64) {
        self.id = id
        self.event = event
        self.fileName = fileName
        self.title = title
        self.contentType = contentType
        self.size = size
        self.uploadedAt = uploadedAt
    }
}

/// What may be uploaded: documents, presentations, tables, pictures and archives a methodist would
/// hand out, each served with its own type; nothing a browser would run (no HTML, SVG or scripts).
public enum MaterialRules {
    public static let maxBytes = 20 << 20

    public static let contentTypes: [String: String] = [
        "pdf": "application/pdf",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text",
        "odp": "application/vnd.oasis.opendocument.presentation",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "zip": "application/zip",
        "txt": "text/plain; charset=utf-8",
    ]

    /// The type a file is served with, from its extension; nil when it may not be uploaded.
    public static func contentType(of fileName: String) -> String? {
        guard let dot = fileName.lastIndex(of: "."), dot > fileName.startIndex else { return nil }
        return contentTypes[fileName[fileName.index(after: dot)...].lowercased()]
    }

    /// Why a file cannot be attached, in Russian; nil when it can.
    public static func problem(fileName: String, size: Int) -> String? {
        if fileName.isEmpty { return "не указано имя файла" }
        if fileName.count > 200 { return "имя файла длиннее 200 символов" }
        if fileName.hasPrefix(".") || fileName.contains("/") || fileName.contains("\\")
            || fileName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || isInvisibleFormatting($0) }) {
            return "имя файла содержит «/», «\\», управляющий знак или начинается с точки"
        }
        if contentType(of: fileName) == nil {
            return "файлы такого вида не принимаются; можно: " + contentTypes.keys.sorted().joined(separator: ", ")
        }
        if size == 0 { return "файл пуст" }
        if size > maxBytes { return "файл больше \(maxBytes >> 20) МБ" }
        return nil
    }
}
