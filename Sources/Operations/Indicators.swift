import Planning
import Store

/// `indicator set`: an indicator's actual value for a year of its cluster's plan.
public func setIndicator(cluster id: String, indicator: String, year: AcademicYear, value: Double,
                         in store: some DistrictStore) async throws -> String {
    let snapshot = try await store.snapshot()
    guard let cluster = snapshot.district.cluster(id) else {
        throw Failure(UnknownID(kind: .cluster, id: id, known: snapshot.district.clusters.map(\.id)).description)
    }
    let known = cluster.plan?.indicators.map(\.id) ?? []
    guard known.contains(indicator) else {
        let near = closest(to: indicator, in: known)
        throw Failure("в плане кластера \(cluster.id) нет показателя «\(indicator)»"
                      + (near.isEmpty ? (known.isEmpty ? "" : " (есть: \(known.joined(separator: ", ")))") : "; может быть, «\(near[0])»?"))
    }
    guard cluster.plan?.years.contains(year) == true else {
        throw Failure("учебный год \(year) не входит в план кластера \(cluster.id)")
    }
    try await store.setIndicator(IndicatorValue(cluster: cluster.id, indicator: indicator, year: year, value: value))
    let text = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    return "Записано: \(cluster.id)/\(indicator) за \(year) = \(text)"
}
