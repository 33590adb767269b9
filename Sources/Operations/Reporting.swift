import Foundation
import Planning
import Reports

/// `report`: the annual report of a year the plans cover, rendered. A year outside every plan is
/// an error naming the years there are, not an empty report.
/// `support`: the methodist's version, with the section «Адресная поддержка».
public func renderReport(_ snapshot: DistrictSnapshot, year: AcademicYear, cluster: String?, format: ReportFormat,
                         language: Language, csvDialect: CSVDialect = .excel, support: SupportSection? = nil) throws -> Data {
    guard snapshot.years.contains(year) else {
        throw Failure(UnknownID(kind: .year, id: year.description, known: snapshot.years.map(\.description)).description)
    }
    if let cluster, snapshot.district.cluster(cluster) == nil {
        throw Failure(UnknownID(kind: .cluster, id: cluster, known: snapshot.district.clusters.map(\.id)).description)
    }
    do {
        var report = try buildReport(snapshot, year: year, cluster: cluster, today: localToday(in: snapshot.district.timezone))
        report.support = support
        return try render(report, as: format, language: language, csvDialect: csvDialect)
    } catch ReportError.nothingInYear(let y) {
        throw Failure("за \(y) учебный год отчитываться не о чем: ни один план кластера его не охватывает, курсов в нём нет")
    } catch {
        throw Failure("не удалось построить отчёт: \(error)")
    }
}

/// Writes command output to a file, or to stdout when no file is named.
public func write(_ data: Data, to out: String?) throws {
    guard let out else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
        throw Failure("\(out): не удалось записать файл")
    }
}
