import Foundation
import Planning
import Tabular

/// One assessment whose results are compared across schools: ВПР, math, grade 5, 2019/2020.
public struct Measure: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var assessment: String
    public var subject: String
    public var grade: Int
    public var year: AcademicYear

    public init(assessment: String, subject: String, grade: Int, year: AcademicYear) {
        self.assessment = assessment
        self.subject = subject
        self.grade = grade
        self.year = year
    }

    public var description: String { "\(assessment), \(subject), \(grade) кл., \(year)" }

    public static func < (a: Measure, b: Measure) -> Bool {
        (a.year, a.assessment, a.subject, a.grade) < (b.year, b.assessment, b.subject, b.grade)
    }
}

/// A school's result on one measure: a mean score (with its standard deviation when known,
/// which the confidence interval needs) or the share of students who passed.
public enum Score: Hashable, Sendable {
    case mean(Double, standardDeviation: Double?)
    case successShare(Double)

    public var value: Double {
        switch self {
        case .mean(let v, _), .successShare(let v): v
        }
    }
}

/// Shares (0...1) of students with special needs, non-native speakers and students at social risk.
public struct ContingentMarkers: Hashable, Sendable {
    public var specialNeeds: Double?
    public var nonNative: Double?
    public var socialRisk: Double?

    public init(specialNeeds: Double? = nil, nonNative: Double? = nil, socialRisk: Double? = nil) {
        self.specialNeeds = specialNeeds
        self.nonNative = nonNative
        self.socialRisk = socialRisk
    }

    public var all: [Double?] { [specialNeeds, nonNative, socialRisk] }
    public var isEmpty: Bool { all.allSatisfy { $0 == nil } }
}

/// What the results file says about a school itself (repeated on each of its rows).
public struct SchoolProfile: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var kind: SchoolKind?
    /// The district's explicit complex/favourable flag; it wins over the markers.
    public var contingent: Contingent?
    public var markers: ContingentMarkers

    public init(id: String, name: String? = nil, kind: SchoolKind? = nil, contingent: Contingent? = nil,
                markers: ContingentMarkers = ContingentMarkers()) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contingent = contingent
        self.markers = markers
    }
}

/// One row of the results file.
public struct ResultRow: Hashable, Sendable {
    public var school: SchoolProfile
    public var measure: Measure
    public var students: Int
    public var score: Score
    /// Line in the source file, for messages.
    public var line: Int

    public init(school: SchoolProfile, measure: Measure, students: Int, score: Score, line: Int = 0) {
        self.school = school
        self.measure = measure
        self.students = students
        self.score = score
        self.line = line
    }
}

public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Every problem of a results file; when there is one, no row is used.
public struct ResultsError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The columns of a results file. Required: school, assessment, subject, grade, year, students
/// and one of mean / success on every row.
public enum ResultsColumn: String, CaseIterable, Sendable {
    case school, name, kind, assessment, subject, grade, year, students, mean, sd, success
    case contingent, specialNeeds = "special_needs", nonNative = "non_native", socialRisk = "social_risk"

    static let required: [ResultsColumn] = [.school, .assessment, .subject, .grade, .year, .students]
}

/// Parses a results CSV (comma, semicolon or tab separated; decimal point or comma; shares as
/// `0.85` or `85%`). Collects every problem before throwing.
public func parseResults(csv: String, file: String) throws(ResultsError) -> [ResultRow] {
    var diagnostics: [Diagnostic] = []
    func problem(_ line: Int, _ message: String) { diagnostics.append(Diagnostic(file: file, line: line, message: message)) }

    let all: [CSVRecord]
    do throws(CSVProblem) {
        all = try csvRecords(csv)
    } catch {
        guard case .unclosedQuote(let line) = error else { throw ResultsError(diagnostics: []) }
        throw ResultsError(diagnostics: [Diagnostic(file: file, line: line, message: "кавычка не закрыта до конца файла")])
    }
    guard let first = all.first else {
        throw ResultsError(diagnostics: [Diagnostic(file: file, line: 1, message: "пустой файл: нужна строка заголовка")])
    }
    let header = first.fields.map { $0.trimmed.lowercased() }
    let records = all.dropFirst()

    var columnIndex: [ResultsColumn: Int] = [:]
    for (index, name) in header.enumerated() {
        guard let column = ResultsColumn(rawValue: name) else {
            problem(1, "неизвестный столбец «\(name.excerpt())»; допустимы: \(ResultsColumn.allCases.map(\.rawValue).joined(separator: ", "))")
            continue
        }
        if columnIndex[column] != nil { problem(1, "столбец «\(name)» повторяется") }
        columnIndex[column] = index
    }
    for column in ResultsColumn.required where columnIndex[column] == nil {
        problem(1, "нет обязательного столбца «\(column.rawValue)»")
    }
    if columnIndex[.mean] == nil && columnIndex[.success] == nil {
        problem(1, "нужен столбец «mean» (средний балл) или «success» (доля успешных)")
    }
    guard diagnostics.isEmpty else { throw ResultsError(diagnostics: diagnostics) }

    var rows: [ResultRow] = []
    rows.reserveCapacity(records.count)
    var seenMeasures: [SchoolMeasureKey: Int] = [:]
    var profiles: [String: (profile: SchoolProfile, line: Int)] = [:]
    for record in records {
        let fields = record.fields
        let line = record.line
        if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
        if fields.count > header.count {
            problem(line, "полей \(fields.count), а столбцов в заголовке \(header.count)")
            continue
        }
        var reader = FieldReader(fields: fields, columns: columnIndex, line: line)
        let row = reader.row()
        diagnostics += reader.problems.map { Diagnostic(file: file, line: line, message: $0) }
        guard let row else { continue }

        let key = SchoolMeasureKey(school: row.school.id, measure: row.measure)
        if let first = seenMeasures[key] {
            problem(line, "повтор: результат школы «\(row.school.id)» (\(row.measure)) уже есть в строке \(first)")
        } else {
            seenMeasures[key] = line
        }
        if let known = profiles[row.school.id] {
            if let merged = merge(known.profile, row.school) {
                profiles[row.school.id] = (merged, known.line)
            } else {
                problem(line, "сведения о школе «\(row.school.id)» (название, вид, контингент) расходятся со строкой \(known.line)")
            }
        } else {
            profiles[row.school.id] = (row.school, line)
        }
        rows.append(row)
    }
    guard diagnostics.isEmpty else { throw ResultsError(diagnostics: diagnostics) }
    // Every row carries the school's full profile, whichever of its rows gave each part.
    for i in rows.indices { rows[i].school = profiles[rows[i].school.id]?.profile ?? rows[i].school }
    return rows
}

private struct SchoolMeasureKey: Hashable {
    var school: String
    var measure: Measure
}

/// Combines two rows' views of one school: a blank cell agrees with anything, two values must match.
private func merge(_ a: SchoolProfile, _ b: SchoolProfile) -> SchoolProfile? {
    func pick<T: Equatable>(_ x: T?, _ y: T?) -> T?? {
        switch (x, y) {
        case (nil, _): .some(y)
        case (_, nil): .some(x)
        case let (x?, y?): x == y ? .some(x) : nil
        }
    }
    guard let name = pick(a.name, b.name), let kind = pick(a.kind, b.kind),
          let contingent = pick(a.contingent, b.contingent),
          let specialNeeds = pick(a.markers.specialNeeds, b.markers.specialNeeds),
          let nonNative = pick(a.markers.nonNative, b.markers.nonNative),
          let socialRisk = pick(a.markers.socialRisk, b.markers.socialRisk) else { return nil }
    return SchoolProfile(id: a.id, name: name, kind: kind, contingent: contingent,
                         markers: ContingentMarkers(specialNeeds: specialNeeds, nonNative: nonNative, socialRisk: socialRisk))
}

/// Reads one record's cells, noting every problem instead of stopping at the first.
private struct FieldReader {
    let fields: [String]
    let columns: [ResultsColumn: Int]
    let line: Int
    var problems: [String] = []

    init(fields: [String], columns: [ResultsColumn: Int], line: Int) {
        self.fields = fields
        self.columns = columns
        self.line = line
    }

    func text(_ column: ResultsColumn) -> String? {
        guard let index = columns[column], index < fields.count else { return nil }
        let value = fields[index].trimmed
        return value.isEmpty ? nil : value
    }

    mutating func required(_ column: ResultsColumn) -> String? {
        guard let value = text(column) else {
            problems.append("пусто в столбце «\(column.rawValue)»")
            return nil
        }
        return value
    }

    mutating func integer(_ column: ResultsColumn, in range: ClosedRange<Int>) -> Int? {
        guard let raw = required(column) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            problems.append("«\(column.rawValue)»: ожидалось целое от \(range.lowerBound) до \(range.upperBound), а не «\(raw.excerpt())»")
            return nil
        }
        return value
    }

    /// A number with a decimal point or comma; `nil` for a blank cell, `.none` noted as a problem.
    mutating func number(_ column: ResultsColumn, share: Bool) -> Double?? {
        guard let raw = text(column) else { return .some(nil) }
        var digits = raw.utf8.contains(0x2C) ? raw.replacingOccurrences(of: ",", with: ".") : raw
        var divisor = 1.0
        if share, digits.hasSuffix("%") {
            digits = String(digits.dropLast()).trimmed
            divisor = 100
        }
        guard let parsed = Double(digits), parsed.isFinite, parsed >= 0 else {
            problems.append("«\(column.rawValue)»: ожидалось неотрицательное число, а не «\(raw.excerpt())»")
            return nil
        }
        let value = parsed / divisor
        if share && value > 1 {
            problems.append("«\(column.rawValue)»: доля должна быть от 0 до 1 (или в процентах: 85%), а не «\(raw.excerpt())»")
            return nil
        }
        return .some(value)
    }

    mutating func row() -> ResultRow? {
        let school = required(.school)
        let assessment = required(.assessment)
        let subject = required(.subject)
        let grade = integer(.grade, in: 1...11)
        let students = integer(.students, in: 0...100_000)
        var year: AcademicYear?
        if let raw = required(.year) {
            year = AcademicYear(raw.replacingOccurrences(of: "-", with: "/"))
            if year == nil { problems.append("«year»: ожидался учебный год вида 2019/2020, а не «\(raw.excerpt())»") }
        }
        var kind: SchoolKind?
        if let raw = text(.kind) {
            kind = SchoolKind(rawValue: raw)
            if kind == nil {
                problems.append("«kind»: «\(raw.excerpt())» — допустимы \(SchoolKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var contingent: Contingent?
        if let raw = text(.contingent) {
            contingent = parseContingent(raw)
            if contingent == nil { problems.append("«contingent»: «\(raw.excerpt())» — допустимы complex/сложный, favourable/благополучный") }
        }
        let mean = number(.mean, share: false)
        let sd = number(.sd, share: false)
        let success = number(.success, share: true)
        let specialNeeds = number(.specialNeeds, share: true)
        let nonNative = number(.nonNative, share: true)
        let socialRisk = number(.socialRisk, share: true)

        var score: Score?
        switch (mean, success) {
        case (.some(let m?), .some(nil)):
            if case .some(let s) = sd { score = .mean(m, standardDeviation: s) }
        case (.some(nil), .some(let s?)):
            score = .successShare(s)
        case (.some(nil), .some(nil)):
            problems.append("нет результата: заполните «mean» или «success»")
        case (.some(_?), .some(_?)):
            problems.append("заполнены и «mean», и «success»: оставьте одно")
        default:
            break  // the malformed number is already noted
        }
        guard problems.isEmpty, let school, let assessment, let subject, let grade, let year, let students, let score,
              case .some(let specialNeeds) = specialNeeds, case .some(let nonNative) = nonNative,
              case .some(let socialRisk) = socialRisk else { return nil }
        let profile = SchoolProfile(id: school, name: text(.name), kind: kind, contingent: contingent,
                                    markers: ContingentMarkers(specialNeeds: specialNeeds, nonNative: nonNative, socialRisk: socialRisk))
        return ResultRow(school: profile, measure: Measure(assessment: assessment, subject: subject, grade: grade, year: year),
                         students: students, score: score, line: line)
    }
}

private func parseContingent(_ raw: String) -> Contingent? {
    switch raw.lowercased() {
    case "complex", "сложный": .complex
    case "favourable", "favorable", "благополучный": .favourable
    default: nil
    }
}

extension String {
    /// Without leading and trailing white space; the common case (nothing to trim) costs no copy of characters.
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
