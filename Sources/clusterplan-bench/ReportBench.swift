import Foundation
import Planning
import Reports

/// `report`: the annual report of a synthetic city of 2,000 events in all four formats, best of 3.
func reportBench() throws {
    let snapshot = syntheticCity(schools: 300, clusters: 60, events: 2_000, seed: 7)
    let year = AcademicYear(startYear: 2019)
    let today = LocalDate(year: 2020, month: 6, day: 30)!
    var best = Double.infinity
    var sizes: [ReportFormat: Int] = [:]
    for _ in 0..<3 {
        let start = ContinuousClock.now
        let report = try buildReport(snapshot, year: year, cluster: nil, today: today)
        for format in ReportFormat.allCases { sizes[format] = try render(report, as: format, language: .ru).count }
        best = min(best, (ContinuousClock.now - start) / .milliseconds(1))
    }
    let kib = ReportFormat.allCases.map { "\($0.rawValue) \((sizes[$0] ?? 0) / 1024) KiB" }.joined(separator: ", ")
    print("| report: 2,000 events, html+md+csv+docx | \(Int(best.rounded())) ms (best of 3, target <= 1000) | \(kib) |")
}

/// Until Planning's `SyntheticDistrict` lands: clusters of consecutive schools, events spread over
/// the academic year, roughly two thirds held, a tenth cancelled, the rest postponed or open.
private func syntheticCity(schools: Int, clusters: Int, events: Int, seed: UInt64) -> DistrictSnapshot {
    var rng = seed
    func next(_ n: Int) -> Int {  // xorshift: the same city on every run
        rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
        return Int(rng % UInt64(n))
    }
    let ids = (1...schools).map { String(100 + $0) }
    let perCluster = schools / clusters
    let year = AcademicYear(startYear: 2019)
    var cluster: [Cluster] = []
    var snapshots: [EventSnapshot] = []
    for c in 0..<clusters {
        let members = Array(ids[c * perCluster..<(c + 1) * perCluster])
        let id = "c\(c + 1)"
        var planned: [PlannedEvent] = []
        for n in 0..<(events / clusters + (c < events % clusters ? 1 : 0)) {
            let m = (8 + next(10)) % 12 + 1  // September to June
            let month = YearMonth(year: m >= 9 ? 2019 : 2020, month: m)!
            let event = PlannedEvent(
                id: EventID(cluster: id, number: n + 1), year: year, format: EventFormat.allCases[next(9)],
                title: "Мероприятие \(n + 1) кластера \(id) «Сетевое взаимодействие»", timing: .month(month),
                host: members[next(members.count)], participants: members, tasks: ["T\(next(4) + 1)"])
            planned.append(event)
            let roll = next(100)
            let day = LocalDate(year: month.year, month: month.month, day: 1 + next(28))!
            let state: EventState = switch roll {
            case ..<66: EventState(date: day, lastModified: 0, status: .held, outcome: Outcome(
                heldOn: day, participants: 10 + next(60), schools: members.filter { _ in next(3) > 0 }, note: "Итоги, материалы"))
            case ..<76: EventState(lastModified: 0, status: .cancelled, outcome: Outcome(cancellationReason: "Карантин"))
            case ..<86: EventState(date: day.adding(days: 30), lastModified: 0, status: .postponed)
            default: EventState(date: day, lastModified: 0, status: .scheduled)
            }
            snapshots.append(EventSnapshot(event: event, state: state))
        }
        cluster.append(Cluster(
            id: id, title: "Кластер \(c + 1)", lead: members[0], members: members,
            plan: WorkPlan(years: [year, year.next], theme: "Тема", goal: "Цель",
                           tasks: (1...4).map { PlanTask(id: "T\($0)", text: "Задача \($0)") },
                           indicators: [Indicator(id: "events-held", title: "Проведено", target: 25),
                                        Indicator(id: "participants", title: "Участники", target: 800)],
                           events: planned)))
    }
    let district = District(name: "Синтетический город",
                            schools: ids.map { School(id: $0, name: "ГБОУ СОШ № \($0)") }, clusters: cluster)
    return DistrictSnapshot(district: district, events: snapshots)
}
