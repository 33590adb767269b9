import Planning

/// Reads typed values out of a composed YAML node, recording a located diagnostic for every
/// problem instead of throwing, so one pass reports all of a file's errors.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [PlanDiagnostic] = []

    init(file: String) { self.file = file }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    func report(_ node: YAMLNode, _ message: String) {
        diagnostics.append(location(of: node).diagnostic(message))
    }

    func report(at location: SourceLocation, _ message: String) {
        diagnostics.append(location.diagnostic(message))
    }

    func report(_ found: [PlanDiagnostic]) {
        diagnostics += found
    }

    /// A mapping node with its keys checked against `allowed`; nil (and a diagnostic) otherwise.
    func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String, allowed: Set<String>, required: [String] = []) -> Fields? {
        guard case .mapping(let mapping, _) = node else {
            report(node, "\(what()): ожидается словарь (ключ: значение)")
            return nil
        }
        var fields: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if !allowed.contains(key) {
                report(keyNode, "\(what()): неизвестный ключ «\(key.excerpt())»" + suggestion(for: key, among: allowed))
            } else if fields[key] != nil {
                report(keyNode, "\(what()): ключ «\(key)» повторяется")
            } else {
                fields[key] = value
            }
        }
        for key in required where fields[key] == nil {
            report(node, "\(what()): нет обязательного ключа «\(key)»")
        }
        return Fields(node: node, values: fields, what: what(), reader: self)
    }

    func sequence(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [YAMLNode] {
        guard case .sequence(let sequence, _) = node else {
            report(node, "\(what()): ожидается список")
            return []
        }
        return sequence
    }

    /// A scalar as text; ids such as `344` may be written without quotes.
    func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(what()): ожидается строка")
            return nil
        }
        if node.isNull {
            report(node, "\(what()): пустое значение")
            return nil
        }
        // utf8.count first: a cheap upper bound that spares counting characters of short texts.
        if scalar.string.utf8.count > InputLimits.textLength, scalar.string.count > InputLimits.textLength {
            report(node, "\(what()): текст длиннее \(InputLimits.textLength) символов")
            return nil
        }
        return scalar.string
    }

    /// An id: it becomes part of file names, URLs and feed lines, so it must be plain.
    func id(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard let text = string(node, what()) else { return nil }
        if let problem = idProblem(text) {
            report(node, "\(what()): «\(text.excerpt())» \(problem)")
            return nil
        }
        return text
    }

    func parsed<T>(_ node: YAMLNode, _ what: @autoclosure () -> String, expected: @autoclosure () -> String, _ parse: (String) -> T?) -> T? {
        guard let text = string(node, what()) else { return nil }
        guard let value = parse(text) else {
            report(node, "\(what()): «\(text.excerpt())» — \(expected())")
            return nil
        }
        return value
    }

    func int(_ node: YAMLNode, _ what: @autoclosure () -> String, in range: ClosedRange<Int> = InputLimits.count) -> Int? {
        parsed(node, what(), expected: "ожидается целое число от \(range.lowerBound) до \(range.upperBound)") {
            Int($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    func date(_ node: YAMLNode, _ what: @autoclosure () -> String) -> LocalDate? {
        parsed(node, what(), expected: "ожидается дата ГГГГ-ММ-ДД") { LocalDate(iso: $0) }
    }

    func academicYear(_ node: YAMLNode, _ what: @autoclosure () -> String) -> AcademicYear? {
        parsed(node, what(), expected: "ожидается учебный год вида 2019/2020") { AcademicYear($0) }
    }

    func stringList(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [(String, YAMLNode)] {
        sequence(node, what()).compactMap { item in string(item, what()).map { ($0, item) } }
    }

    private func suggestion(for key: String, among allowed: Set<String>) -> String {
        let close = allowed.sorted().first { editDistance($0, key) <= 2 }
        return close.map { " (может быть, «\($0)»?)" } ?? ""
    }
}

/// The checked fields of one mapping node.
struct Fields {
    let node: YAMLNode
    let values: [String: YAMLNode]
    var what: String
    unowned let reader: NodeReader

    subscript(key: String) -> YAMLNode? { values[key] }

    func string(_ key: String) -> String? { values[key].flatMap { reader.string($0, "\(what).\(key)") } }
    func id(_ key: String) -> String? { values[key].flatMap { reader.id($0, "\(what).\(key)") } }
    func int(_ key: String, in range: ClosedRange<Int> = InputLimits.count) -> Int? {
        values[key].flatMap { reader.int($0, "\(what).\(key)", in: range) }
    }
    func date(_ key: String) -> LocalDate? { values[key].flatMap { reader.date($0, "\(what).\(key)") } }

    func parsed<T>(_ key: String, expected: @autoclosure () -> String, _ parse: (String) -> T?) -> T? {
        values[key].flatMap { reader.parsed($0, "\(what).\(key)", expected: expected(), parse) }
    }

    func `enum`<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        parsed(key, expected: "допустимо: " + E.allCases.map(\.rawValue).joined(separator: ", ")) { E(rawValue: $0) }
    }

    func location(_ key: String) -> SourceLocation { reader.location(of: values[key] ?? node) }
}
