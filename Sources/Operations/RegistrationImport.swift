import Planning
import Store
import Tabular

/// A CSV exported from Google Forms or Яндекс Формы, read as registrations: columns found by their
/// headers (the mapping is shown to the coordinator), schools by id, name or "№ N", every bad row
/// reported by its line, and nothing stored unless every row is good.
public struct RegistrationImport: Sendable {
    /// The registration field each column gives (`name` may come from several: Фамилия, Имя, Отчество).
    public var mapping: [(field: String, header: String)]
    public var rows: [(line: Int, registrant: Registrant)]

    /// Form fields and the header words that name them, lower-case.
    static let headerWords: [(field: String, words: [String])] = [
        ("email", ["почт", "email", "e-mail", "mail"]),
        ("consent", ["согла", "consent"]),
        ("school", ["школ", "образовательн", "организац", "учреждени", "school", "оо"]),
        ("position", ["должност", "position"]),
        ("name", ["фио", "фамилия", "имя", "отчество", "name"]),
    ]

    /// Russian names of the fields, for the mapping table.
    public static let fieldNames = ["name": "ФИО", "school": "Школа", "position": "Должность", "email": "Эл. почта", "consent": "Согласие"]

    /// Reads the text; `FieldProblems` (field `file`) lists every problem, "строка N: …".
    public init(csv text: String, schools: [School]) throws(FieldProblems) {
        let records: [CSVRecord]
        do throws(CSVProblem) { records = try csvRecords(text) } catch {
            switch error {
            case .unclosedQuote(let line): throw FieldProblems(field: "file", "строка \(line): кавычка не закрыта до конца файла")
            }
        }
        guard let header = records.first else { throw FieldProblems(field: "file", "файл пуст") }
        var columns: [String: [Int]] = [:]
        var mapping: [(field: String, header: String)] = []
        for (index, title) in header.fields.enumerated() {
            let lower = title.lowercased()
            let words = lower.split(whereSeparator: { !$0.isLetter }).map(String.init)
            guard let field = Self.headerWords.first(where: { entry in
                entry.words.contains { w in w.count <= 2 ? words.contains(w) : lower.contains(w) }
            })?.field, field == "name" || columns[field] == nil else { continue }
            columns[field, default: []].append(index)
            mapping.append((field, title.trimmingWhitespace))
        }
        let missing = ["name", "school", "email", "consent"].filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw FieldProblems(field: "file", "нет столбцов: " + missing.compactMap { Self.fieldNames[$0] }.joined(separator: ", ")
                                + " (заголовки: " + header.fields.map { "«\($0.excerpt(40))»" }.joined(separator: ", ") + ")")
        }
        let ids = Set(schools.map(\.id))
        var problems: [FieldProblem] = []
        var rows: [(line: Int, registrant: Registrant)] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() where record.fields.contains(where: { !$0.trimmingWhitespace.isEmpty }) {
            func value(_ field: String) -> String {
                (columns[field] ?? []).map { $0 < record.fields.count ? record.fields[$0].trimmingWhitespace : "" }
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }
            let schoolText = value("school")
            let school = Self.school(schoolText, in: schools) ?? schoolText
            let registrant = Registrant(name: value("name"), school: school, position: value("position"), email: value("email"),
                                        consent: Self.agrees(value("consent"))).normalised
            var messages = RegistrationRules.problems(registrant, schools: ids).map(\.message)
            if let email = registrant.email, let earlier = seen[email] {
                messages.append("адрес \(email) уже есть в строке \(earlier)")
            } else if let email = registrant.email {
                seen[email] = record.line
            }
            if messages.isEmpty { rows.append((record.line, registrant)) }
            problems += messages.map { FieldProblem(field: "file", "строка \(record.line): \($0)") }
        }
        if !problems.isEmpty { throw FieldProblems(problems) }
        if rows.isEmpty { throw FieldProblems(field: "file", "в файле нет ни одной строки с данными") }
        self.mapping = mapping
        self.rows = rows
    }

    /// A school by id, full name (case and spaces aside) or the number after "№" (`ГБОУ СОШ № 344` is 344).
    static func school(_ text: String, in schools: [School]) -> String? {
        let key = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let s = schools.first(where: { $0.id == text || $0.name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") == key }) {
            return s.id
        }
        guard let sign = text.firstIndex(of: "№") else { return nil }
        let number = String(text[text.index(after: sign)...].drop(while: \.isWhitespace).prefix(while: \.isNumber))
        return schools.contains { $0.id == number } ? number : nil
    }

    /// A consent column's answer: a ticked box's text, "да", "yes"; empty, "нет", "no" or "0" is no consent.
    static func agrees(_ text: String) -> Bool {
        let t = text.lowercased()
        return !t.isEmpty && !["нет", "no", "false", "0", "не согласен", "не согласна"].contains(t)
    }

    /// Stores the rows (all or nothing): an address already registered is reported with its line.
    public func store(for id: EventID, attended: Bool, in store: some DistrictStore, now: Int64) async throws -> [Registration] {
        let snapshot = try await store.snapshot()
        guard snapshot.events.contains(where: { $0.id == id }) else { throw UnknownID.event(id, in: snapshot) }
        let registered = Set(try await store.registrations(for: id).filter(\.isActive).compactMap(\.registrant.email))
        let taken = rows.filter { $0.registrant.email.map(registered.contains) == true }
        if !taken.isEmpty {
            throw FieldProblems(taken.map { FieldProblem(field: "file", "строка \($0.line): адрес \($0.registrant.email ?? "") уже зарегистрирован") })
        }
        let news = rows.map { NewRegistration($0.registrant, tokenDigest: Credentials.digest(Credentials.newSecret()), attended: attended) }
        return try await store.register(news, for: id, now: now)
    }
}
