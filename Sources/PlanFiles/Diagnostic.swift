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
/// Output stays bounded: past `repeatsShown` problems of one kind, one line says how many more.
public struct PlanLoadError: Error, Sendable, CustomStringConvertible {
    public static let repeatsShown = 10
    public var diagnostics: [PlanDiagnostic]
    public init(_ diagnostics: [PlanDiagnostic]) { self.diagnostics = collapsed(diagnostics.sorted()) }
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

/// Keeps the first `repeatsShown` problems of each kind (same message up to quoted values and numbers)
/// and adds "… и ещё N таких же" where the rest would be.
private func collapsed(_ sorted: [PlanDiagnostic]) -> [PlanDiagnostic] {
    var seen: [String: Int] = [:]
    var firstHidden: [String: PlanDiagnostic] = [:]
    var kept: [PlanDiagnostic] = []
    for diagnostic in sorted {
        let kind = diagnostic.file + "\u{0}" + kindOf(diagnostic.message)
        let count = seen[kind, default: 0] + 1
        seen[kind] = count
        if count <= PlanLoadError.repeatsShown { kept.append(diagnostic) } else if count == PlanLoadError.repeatsShown + 1 {
            firstHidden[kind] = diagnostic
        }
    }
    for (kind, first) in firstHidden {
        let more = (seen[kind] ?? 0) - PlanLoadError.repeatsShown
        kept.append(PlanDiagnostic(file: first.file, line: first.line, column: first.column,
                                   message: "… и ещё \(more) таких же"))
    }
    return kept.sorted()
}

/// A message with its quoted values and numbers taken out: `школа «344» …` and `школа «498» …` are one kind.
private func kindOf(_ message: String) -> String {
    var result = ""
    var quoted = 0
    for c in message {
        if c == "«" { quoted += 1; continue }
        if c == "»" { quoted = max(quoted - 1, 0); continue }
        if quoted == 0, !c.isNumber { result.append(c) }
    }
    return result
}
