import Foundation
import Planning
import Reports

/// `report`: the annual report of a year the plans cover, rendered. A year outside every plan is
/// an error naming the years there are, not an empty report.
public func renderReport(_ snapshot: DistrictSnapshot, year: AcademicYear, cluster: String?, format: ReportFormat,
                         language: Language) throws -> Data {
    guard snapshot.years.contains(year) else {
        throw Failure(UnknownID(kind: .year, id: year.description, known: snapshot.years.map(\.description)).description)
    }
    if let cluster, snapshot.district.cluster(cluster) == nil {
        throw Failure(UnknownID(kind: .cluster, id: cluster, known: snapshot.district.clusters.map(\.id)).description)
    }
    do {
        let report = try buildReport(snapshot, year: year, cluster: cluster, today: localToday(in: snapshot.district.timezone))
        return try render(report, as: format, language: language)
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
