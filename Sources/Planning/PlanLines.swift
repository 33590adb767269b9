// The plan's lists as the workspace's text areas hold them, one item a line, in the same shape
// the audit log writes them (`Cluster.fieldValues`):
//   tasks       `T1: Провести мониторинг`
//   directions  `research: Исследовательское; пункт; пункт`
//   indicators  `trained: Обучено педагогов; 36 чел.; 2019/2020=12; 2020/2021=24`
// A line that does not read is a problem of its field naming the line; empty lines are skipped.

extension PlanTask {
    public var line: String { "\(id): \(text)" }
}

extension Direction {
    public var line: String { ([("\(id): \(title)")] + items).joined(separator: "; ") }
}

public enum PlanLines {
    public static func tasks(_ text: String) throws(FieldProblems) -> [PlanTask] {
        try parse(text, "tasks") { id, rest, _ in
            guard let first = rest.first, !first.isEmpty else { return nil }
            // A task's text may itself hold "; ".
            return PlanTask(id: id, text: rest.joined(separator: "; "))
        }
    }

    public static func directions(_ text: String) throws(FieldProblems) -> [Direction] {
        try parse(text, "directions") { id, rest, _ in
            guard let title = rest.first, !title.isEmpty else { return nil }
            return Direction(id: id, title: title, items: rest.dropFirst().filter { !$0.isEmpty })
        }
    }

    public static func indicators(_ text: String) throws(FieldProblems) -> [Indicator] {
        try parse(text, "indicators") { id, rest, problem in
            guard let title = rest.first, !title.isEmpty else { return nil }
            var indicator = Indicator(id: id, title: title)
            for part in rest.dropFirst() where !part.isEmpty {
                let halves = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
                if halves.count == 2 {
                    guard let year = AcademicYear(halves[0]), let value = Double(halves[1].replacingComma) else {
                        problem("«\(part.excerpt())»: ожидается «2019/2020=12»")
                        continue
                    }
                    indicator.targets[year] = value
                } else {
                    let number = part.prefix { $0.isNumber || $0 == "." || $0 == "," }
                    guard !number.isEmpty, let value = Double(String(number).replacingComma) else {
                        problem("«\(part.excerpt())»: ожидается цель числом («36 чел.») или «2019/2020=12»")
                        continue
                    }
                    indicator.target = value
                    let unit = String(part.dropFirst(number.count)).trimmingWhitespace
                    indicator.unit = unit.isEmpty ? nil : unit
                }
            }
            return indicator
        }
    }

    /// Each non-empty line as `id: part; part; ...`; `make` returns nil when the parts do not make an item.
    private static func parse<T>(_ text: String, _ field: String,
                                 _ make: (String, [String], (String) -> Void) -> T?) throws(FieldProblems) -> [T] {
        var items: [T] = []
        var problems: [FieldProblem] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw).trimmingWhitespace.withoutControlCharacters
            guard !line.isEmpty else { continue }
            func problem(_ message: String) { problems.append(FieldProblem(field: field, "строка \(index + 1): \(message)")) }
            if line.count > InputLimits.textLength { problem("длиннее \(InputLimits.textLength) символов"); continue }
            guard let colon = line.firstIndex(of: ":") else { problem("нужно «id: текст»"); continue }
            let id = String(line[..<colon]).trimmingWhitespace
            let rest = line[line.index(after: colon)...].split(separator: ";", omittingEmptySubsequences: false)
                .map { String($0).trimmingWhitespace }
            guard let item = make(id, rest, problem) else { problem("после «\(id.excerpt()):» нужен текст"); continue }
            items.append(item)
        }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        return items
    }
}

extension String {
    /// "1,5" as Russian writes a decimal.
    fileprivate var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
