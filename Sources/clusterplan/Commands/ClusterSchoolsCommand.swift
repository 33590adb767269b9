import ArgumentParser
import Operations
import Clustering
import Foundation
import Planning
import Yams

extension ClusteringMethod: ExpressibleByArgument {}

struct ClusterSchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-schools",
        abstract: "Сформировать кластеры школ по результатам оценочных процедур.",
        discussion: """
        Метод ci (опыт Невского района): результат ОО с 95%-ным доверительным интервалом против значения района — \
        ниже, в пределах, выше интервала. Метод 2x2 (опыт Кировского района): контингент сложный/благополучный \
        × результаты низкие/высокие, кластеры №1-4. Школам с низкими результатами подбираются опорные площадки \
        со схожим контингентом. Пишет файл плана (контракт v1) с кластерами; пороги, рекомендации и пары — \
        комментариями в нём. Столбцы CSV: school, assessment, subject, grade, year, students, mean [sd] или success; \
        по желанию name, kind, contingent, special_needs, non_native, social_risk.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "CSV с результатами по школам.")
    var results: String

    @Option(help: "Метод: ci или 2x2.")
    var method: ClusteringMethod

    @Option(help: "Только этот предмет (например, «математика»).")
    var subject: String?

    @Option(help: "Учебный год результатов, например 2019/2020; по умолчанию последний в файле.")
    var year: String?

    @Option(name: .customLong("previous-year"), help: "Сравнить с этим годом: кто перешёл в другую группу.")
    var previousYear: String?

    @Option(help: "Файл плана, который будет записан.")
    var out: String = "plans/clusters.yaml"

    @Option(help: "Что напечатать: table, csv или json.")
    var format: Format = .table

    @Option(help: "Название района для файла плана; по умолчанию имя CSV-файла.")
    var district: String?

    @Option(help: "Каталог с рекомендациями (*.yaml).")
    var recommendations: String = "data/recommendations"

    @Option(help: "Сколько школ-подопечных на одну опорную площадку.")
    var capacity: Int = 3

    @Option(name: .customLong("min-students"), help: "Работы, где участников меньше, не учитываются.")
    var minStudents: Int = 10

    @Option(name: .customLong("result-threshold"), help: "2x2: результаты низкие ниже этого процента от значения района.")
    var resultThreshold: Double = 100

    @Option(name: .customLong("contingent-threshold"),
            help: "2x2 без отметки contingent: сложный, если средняя доля маркеров не ниже этого процента.")
    var contingentThreshold: Double = 20

    func validate() throws {
        for text in [year, previousYear].compactMap({ $0 }) where AcademicYear(text) == nil {
            throw ValidationError("учебный год «\(text)» не в виде 2019/2020")
        }
        guard capacity >= 1 else { throw ValidationError("--capacity должно быть не меньше 1") }
        guard minStudents >= 1 else { throw ValidationError("--min-students должно быть не меньше 1") }
    }

    func run() async throws {
        try await reportingFailures(cluster)
    }

    private func cluster() throws {
        let rows = try readResults()
        let bySubject = rows.filter { row in subject.map { row.measure.subject.lowercased() == $0.lowercased() } ?? true }
        let latest = bySubject.map(\.measure.year).max()
        guard let year = year.flatMap(AcademicYear.init) ?? latest else {
            throw Failure("\(results): нет результатов\(subject.map { " по предмету «\($0)»" } ?? "")")
        }
        let current = bySubject.filter { $0.measure.year == year }
        guard !current.isEmpty else { throw Failure("\(results): нет результатов за \(year)") }
        var previous: [ResultRow]?
        if let text = previousYear, let previousYear = AcademicYear(text) {
            previous = bySubject.filter { $0.measure.year == previousYear }
            if previous?.isEmpty ?? true { throw Failure("\(results): нет результатов за \(previousYear) для сравнения") }
        }

        let options = ClassificationOptions(minStudents: minStudents, resultThreshold: resultThreshold / 100,
                                            contingentThreshold: contingentThreshold / 100)
        let report = ClusteringReport(
            district: district ?? URL(fileURLWithPath: results).deletingPathExtension().lastPathComponent,
            method: method, options: options, scope: scope(of: current, year: year),
            rows: current, previousRows: previous, capacity: capacity)
        let plan = report.planFile(recommendations: try readRecommendations())
        do {
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try plan.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw Failure("\(out): не удалось записать файл плана: \(error.localizedDescription)")
        }

        let table = report.table()
        switch format {
        case .table:
            print(table.text(), terminator: "")
            print("\nПороги: \(options.statement(for: method))")
            print("Опорные площадки: \(report.pairing.pairs.count) пар, без пары \(report.pairing.unpaired.count).")
            if let transitions = report.transitions {
                print("\nПереходы между группами (\(previousYear ?? "") → \(year)):")
                transitions.matrixLines().forEach { print($0) }
            }
        case .csv:
            print(table.csv(), terminator: "")
        case .json:
            let objects = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.keys, $0)) }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        let counts = report.clusters.map { "\($0.id): \($0.members.count)" }.joined(separator: ", ")
        printError("Записано: \(out) — кластеры \(counts.isEmpty ? "не сформированы" : counts)")
    }

    /// "ВПР, ОГЭ; математика; 2019/2020" — what the clusters were formed from.
    private func scope(of rows: [ResultRow], year: AcademicYear) -> String {
        func distinct(_ values: [String]) -> String {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }.joined(separator: ", ")
        }
        return "\(distinct(rows.map(\.measure.assessment))); \(distinct(rows.map(\.measure.subject))); \(year)"
    }

    private func readResults() throws -> [ResultRow] {
        guard let data = FileManager.default.contents(atPath: results) else { throw Failure("\(results): не удалось прочитать файл") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure("\(results): файл не в кодировке UTF-8") }
        do {
            return try parseResults(csv: text, file: results)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            throw ExitCode(1)
        }
    }

    /// Every `*.yaml` of the directory, merged; a missing default directory only means no recommendations.
    private func readRecommendations() throws -> Recommendations {
        var merged = Recommendations()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: recommendations) else {
            printError("\(recommendations): каталог рекомендаций не найден, рекомендации не добавлены")
            return merged
        }
        var failed = false
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (recommendations as NSString).appendingPathComponent(name)
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                printError("\(path): не удалось прочитать файл")
                failed = true
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else { continue }
                do {
                    merged.merge(try YAMLDecoder().decode(Recommendations.self, from: node))
                } catch let error as DecodingError {
                    let (keys, message) = describe(error)
                    let mark = locate(keys, in: node)
                    printError("\(path):\(mark?.line ?? 1):\(mark?.column ?? 1): \(message)")
                    failed = true
                }
            } catch {
                printError("\(path): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
        return merged
    }
}

/// The failing key path and a one-line Russian message.
private func describe(_ error: DecodingError) -> ([any CodingKey], String) {
    switch error {
    case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
    case .typeMismatch(_, let c), .valueNotFound(_, let c): (c.codingPath, "ожидался список строк")
    case .keyNotFound(let key, let c): (c.codingPath, "нет ключа «\(key.stringValue)»")
    @unknown default: ([], "\(error)")
    }
}

/// The node a coding path points at (its key, for a mapping entry), for the error's line and column.
private func locate(_ path: [any CodingKey], in root: Node) -> Mark? {
    var node = root
    var mark = root.mark
    for key in path {
        if let mapping = node.mapping, let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
            mark = pair.key.mark
            node = pair.value
        } else if let sequence = node.sequence, let index = key.intValue, index < sequence.count {
            node = sequence[index]
            mark = node.mark
        } else {
            break
        }
    }
    return mark
}
