import Planning

/// One problem in a plan file, printed as `file:line:col: message`.
public struct PlanDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    public static func < (a: PlanDiagnostic, b: PlanDiagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// Every problem found in a set of plan files, sorted; loading never stops at the first one.
public struct PlanLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PlanDiagnostic]
    public init(_ diagnostics: [PlanDiagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A place in a plan file, kept for checks that can only run once every file is read.
struct SourceLocation: Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int

    func diagnostic(_ message: String) -> PlanDiagnostic {
        PlanDiagnostic(file: file, line: line, column: column, message: message)
    }
}
