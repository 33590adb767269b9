import Clustering
import Foundation
import PlanFiles
import Planning
import Site

/// `cluster-schools`: read the results file, classify, pair support sites, and render; the plan
/// file is written only when an output path is given, and never over an existing file unless forced.
public struct ClusterSchoolsRequest: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public var results: String
    public var method: ClusteringMethod
    public var subject: String?
    public var year: AcademicYear?
    public var previousYear: AcademicYear?
    public var out: String?
    public var force = false
    public var format: Format = .table
    public var district: String?
    /// nil: the built-in recommendations.
    public var recommendations: String?
    public var capacity = 3
    public var options = ClassificationOptions()

    public init(results: String, method: ClusteringMethod) {
        self.results = results
        self.method = method
    }
}

/// What the command prints (stdout) and notes (stderr) after running.
public struct ClusterSchoolsOutcome: Sendable {
    public var output: String
    public var note: String
}

public func clusterSchools(_ request: ClusterSchoolsRequest) throws -> ClusterSchoolsOutcome {
    try clusterSchools(request, rows: try readResults(request.results))
}

/// The same from rows already read (the store's results): `request.results` names them in messages.
public func clusterSchools(_ request: ClusterSchoolsRequest, rows: [ResultRow]) throws -> ClusterSchoolsOutcome {
    if let out = request.out, !request.force, FileManager.default.fileExists(atPath: out) {
        throw Failure("\(out) уже существует: укажите --force, чтобы перезаписать")
    }
    let bySubject = rows.filter { row in request.subject.map { row.measure.subject.lowercased() == $0.lowercased() } ?? true }
    guard let year = request.year ?? bySubject.map(\.measure.year).max() else {
        throw Failure("\(request.results): нет результатов\(request.subject.map { " по предмету «\($0)»" } ?? "")")
    }
    let current = bySubject.filter { $0.measure.year == year }
    guard !current.isEmpty else { throw Failure("\(request.results): нет результатов за \(year)") }
    var previous: [ResultRow]?
    if let previousYear = request.previousYear {
        previous = bySubject.filter { $0.measure.year == previousYear }
        if previous?.isEmpty ?? true { throw Failure("\(request.results): нет результатов за \(previousYear) для сравнения") }
    }
    let report = ClusteringReport(
        district: request.district ?? URL(fileURLWithPath: request.results).deletingPathExtension().lastPathComponent,
        method: request.method, options: request.options, scope: scope(of: current, year: year),
        rows: current, previousRows: previous, capacity: request.capacity)

    var note = ""
    if let out = request.out {
        let plan = report.planFile(recommendations: try recommendations(request.recommendations))
        do {
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try plan.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw Failure("\(out): не удалось записать файл плана: \(error.localizedDescription)")
        }
        let counts = report.clusters.map { "\($0.id): \($0.members.count)" }.joined(separator: ", ")
        note = "Записано: \(out) — кластеры \(counts.isEmpty ? "не сформированы" : counts)"
    }
    return ClusterSchoolsOutcome(output: try render(report, request: request, year: year), note: note)
}

private func render(_ report: ClusteringReport, request: ClusterSchoolsRequest, year: AcademicYear) throws -> String {
    let table = report.table()
    switch request.format {
    case .table:
        var lines = [table.text(), "Пороги: \(report.options.statement(for: report.method))",
                     "Опорные площадки: \(report.pairing.pairs.count) пар, без пары \(report.pairing.unpaired.count)."]
        if let transitions = report.transitions {
            lines.append("\nПереходы между группами (\(request.previousYear?.description ?? "") → \(year)):")
            lines += transitions.matrixLines()
        }
        return lines.joined(separator: "\n") + "\n"
    case .csv:
        return table.csv()
    case .json:
        return String(decoding: try SiteJSON.encode(ClusteringJSON(report)), as: UTF8.self) + "\n"
    }
}

/// "ВПР, ОГЭ; математика; 2019/2020" — what the clusters were formed from.
private func scope(of rows: [ResultRow], year: AcademicYear) -> String {
    func distinct(_ values: [String]) -> String {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
    return "\(distinct(rows.map(\.measure.assessment))); \(distinct(rows.map(\.measure.subject))); \(year)"
}

private func recommendations(_ directory: String?) throws -> Recommendations {
    do throws(PlanLoadError) {
        if let directory { return try RecommendationsLoader.load(directory: directory) }
        return try RecommendationsLoader.builtIn()
    } catch {
        throw Failure(located: error.diagnostics.map(\.description))
    }
}
