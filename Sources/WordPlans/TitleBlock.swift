import Planning

/// The paragraphs above the events table, as seed 003 writes them: «Тема: …», «Примерный план
/// работы кластера «…» на 2019-2020 и 2020-2021 уч. г.», «Состав кластера: …», «Цель: …»,
/// «Задачи:» with numbered lines, «Направления деятельности:» with titled, dashed lists.
struct TitleBlock: Equatable {
    var theme: String?
    var title: String?
    var years: [AcademicYear] = []
    /// As written, one entry per school; the lead is marked.
    var members: [(text: String, lead: Bool)] = []
    var goal: String?
    var tasks: [String] = []
    var directions: [(title: String, items: [String])] = []

    static func == (a: TitleBlock, b: TitleBlock) -> Bool {
        a.theme == b.theme && a.title == b.title && a.years == b.years && a.goal == b.goal && a.tasks == b.tasks
            && a.members.map(\.text) == b.members.map(\.text) && a.members.map(\.lead) == b.members.map(\.lead)
            && a.directions.map(\.title) == b.directions.map(\.title) && a.directions.map(\.items) == b.directions.map(\.items)
    }
}

extension TitleBlock {
    init(paragraphs: [(text: String, numbered: Bool)]) {
        enum Section { case none, tasks, directions }
        var section = Section.none
        var pendingPrefix: String?  // «-для педагогов:» waits for the line that follows it
        var titleParagraph = false
        for (raw, numbered) in paragraphs {
            let text = DistrictWords.tidy(raw)
            guard !text.isEmpty else { continue }
            let words = DistrictWords.words(text)
            let first = words.first ?? ""
            if first == "тема" {
                theme = unquoted(after(":", in: text)); section = .none
            } else if words.contains("план") && words.contains(where: { $0.hasPrefix("кластер") }) && title == nil {
                title = quoted(in: text) ?? unquoted(after("кластера", in: text))
                years += yearsNamed(in: text)
                titleParagraph = true
                continue
            } else if titleParagraph && first == "на" {
                years += yearsNamed(in: text)
            } else if first == "состав" {
                members = memberEntries(after(":", in: text)); section = .none
            } else if first == "цель" || first == "цели" {
                goal = after(":", in: text); section = .none
            } else if first == "задачи" {
                section = .tasks
                let rest = after(":", in: text)
                if !rest.isEmpty { tasks.append(rest) }
            } else if first == "направления" {
                section = .directions
            } else {
                switch section {
                case .none: break
                case .tasks:
                    let (number, rest) = leadingNumber(text)
                    if number != nil || numbered { tasks.append(rest) } else if !tasks.isEmpty { tasks[tasks.count - 1] += " " + text }
                case .directions:
                    readDirectionLine(text, numbered: numbered, pending: &pendingPrefix)
                }
            }
            titleParagraph = false
        }
        if let pendingPrefix, !directions.isEmpty { directions[directions.count - 1].items.append(pendingPrefix) }
    }

    private mutating func readDirectionLine(_ text: String, numbered: Bool, pending: inout String?) {
        if text.hasPrefix("-") || text.hasPrefix("–") || text.hasPrefix("—") || text.hasPrefix("•") {
            if let p = pending, !directions.isEmpty { directions[directions.count - 1].items.append(p) }
            pending = nil
            let item = DistrictWords.tidy(String(text.dropFirst()))
            if item.hasSuffix(":") { pending = item } else if !directions.isEmpty { directions[directions.count - 1].items.append(item) }
            return
        }
        let (number, rest) = leadingNumber(text)
        if number != nil || numbered || (text.hasSuffix(":") && pending == nil) {
            if let p = pending, !directions.isEmpty { directions[directions.count - 1].items.append(p) }
            pending = nil
            var title = rest
            if title.hasSuffix(":") { title.removeLast() }
            directions.append((DistrictWords.tidy(title), []))
        } else if let p = pending {
            // «-для учителей:» then «совместное проведение …»: one item, as the plan file writes it.
            if !directions.isEmpty { directions[directions.count - 1].items.append(p + " " + text) }
            pending = nil
        } else if !directions.isEmpty {
            directions[directions.count - 1].items.append(text)
        }
    }
}

/// The text after the first `marker`, trimmed; the whole text when there is none.
func after(_ marker: String, in text: String) -> String {
    guard let range = text.range(of: marker) else { return text }
    return DistrictWords.tidy(String(text[range.upperBound...]))
}

/// The text between the first «opening» and the last «closing» quote.
func quoted(in text: String) -> String? {
    guard let open = text.firstIndex(where: { $0 == "«" || $0 == "\"" || $0 == "“" }),
          let close = text.lastIndex(where: { $0 == "»" || $0 == "\"" || $0 == "”" }), open < close else { return nil }
    return DistrictWords.tidy(String(text[text.index(after: open)..<close]))
}

func unquoted(_ text: String) -> String {
    quoted(in: text) ?? text
}

/// «1. Объединить …» -> (1, «Объединить …»); also «1.Исследовательское:» and «1) …».
func leadingNumber(_ text: String) -> (Int?, String) {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return (nil, text) }
    var rest = text.dropFirst(digits.count)
    guard let mark = rest.first, mark == "." || mark == ")" else { return (nil, text) }
    rest = rest.dropFirst()
    return (n, DistrictWords.tidy(String(rest)))
}

/// «на 2019-2020 и 2020-2021 уч. г.» -> both years.
private func yearsNamed(in text: String) -> [AcademicYear] {
    let numbers = DistrictWords.words(text).compactMap { $0.count == 4 ? Int($0) : nil }
    var years: [AcademicYear] = []
    var i = 0
    while i + 1 < numbers.count {
        if numbers[i + 1] == numbers[i] + 1 { years.append(AcademicYear(startYear: numbers[i])); i += 2 } else { i += 1 }
    }
    return years
}

/// «344 (ответственный за работу кластера), ГБОУ гимназия №498, …»: split at commas outside
/// parentheses; the entry marked «ответственный», «базовая» or «ведущая» is the lead.
private func memberEntries(_ text: String) -> [(text: String, lead: Bool)] {
    var entries: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
        switch ch {
        case "(": depth += 1; current.append(ch)
        case ")": depth = max(depth - 1, 0); current.append(ch)
        case "," where depth == 0, ";" where depth == 0: entries.append(current); current = ""
        default: current.append(ch)
        }
    }
    entries.append(current)
    return entries.compactMap { entry in
        var name = DistrictWords.tidy(entry)
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty else { return nil }
        var lead = false
        if let open = name.firstIndex(of: "(") {
            let remark = DistrictWords.words(String(name[open...]))
            lead = remark.contains { $0.hasPrefix("ответствен") || $0.hasPrefix("базов") || $0.hasPrefix("ведущ") }
            name = DistrictWords.tidy(String(name[..<open]))
        }
        return (name, lead)
    }
}
