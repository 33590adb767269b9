import Foundation
import Planning

/// What `convert` knows besides the document: the cluster id to give, the schools already known
/// (a `--schools` file or the store) and the district's name for the plan file.
public struct WordPlanOptions: Sendable {
    /// The document's name as the user gave it, for the messages.
    public var fileName: String
    public var clusterID: String
    public var knownSchools: [School]
    public var district: String

    public init(fileName: String, clusterID: String, knownSchools: [School] = [], district: String = "") {
        self.fileName = fileName
        self.clusterID = clusterID
        self.knownSchools = knownSchools
        self.district = district
    }
}

/// One plan read from Word: the cluster with its work plan and the schools it names (known ones
/// as they are, unknown ones made from what the document says, listed in `newSchools`).
public struct WordPlan: Hashable, Sendable {
    public var district: District
    public var newSchools: [String]
}

/// One problem, located by the events table's row (the header row is 1) and column as written.
public struct WordPlanDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    public var message: String

    public var description: String {
        var place = file
        if let row { place += ": строка \(row)" }
        if let column { place += row == nil ? ": «\(column)»" : ", «\(column)»" }
        return "\(place): \(message)"
    }
}

public struct WordPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [WordPlanDiagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The one entry point: the bytes of a `.docx` to a plan, or every problem found. Pure: no file
/// or store is touched, so tests and fuzzers call it directly.
public func readWordPlan(_ docx: Data, options: WordPlanOptions) -> Result<WordPlan, WordPlanError> {
    let body: DocxBody
    do {
        body = try DocxBody(docx: docx)
    } catch {
        let message = switch error {
        case .notAZipPackage: "это не документ Word (.docx): файл не читается как ZIP-архив"
        case .noDocumentPart: "в архиве нет основной части документа (word/document.xml)"
        case .tooLarge: "документ слишком велик (больше \(maxDocumentPartBytes >> 20) МБ текста разметки)"
        case .badXML: "разметка документа (word/document.xml) повреждена"
        case .unreadable: "не удалось сохранить документ во временный файл для чтения"
        case .tooDeep: "разметка документа (word/document.xml) вложена глубже \(maxNestingDepth) уровней: это не обычный документ Word"
        }
        return .failure(WordPlanError(diagnostics: [WordPlanDiagnostic(file: options.fileName, message: message)]))
    }
    var reader = PlanAssembler(options: options)
    return reader.read(body)
}
