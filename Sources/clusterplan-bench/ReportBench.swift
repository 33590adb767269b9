import Foundation
import Planning
import Synthetic
import Reports

/// `report`: the annual report of a synthetic city with 2,000 events in the year, in all four
/// formats, best of 3.
func reportBench() throws {
    // Plans cover two years: 4,000 planned events put 2,000 in the reported year.
    let snapshot = syntheticCity(schools: 400, clusters: 70, events: 4_000, seed: 7)
    let year = AcademicYear(startYear: 2019)
    let inYear = snapshot.events.filter { $0.event.year == year }.count
    let today = LocalDate(year: 2020, month: 6, day: 30)!
    // Stage times of the fastest of three runs: building the model, then each format.
    var best: [Double] = []
    var sizes: [Int] = []
    for _ in 0..<3 {
        var times: [Double] = []
        var clock = ContinuousClock.now
        func lap() { times.append((ContinuousClock.now - clock) / .milliseconds(1)); clock = .now }
        let report = try buildReport(snapshot, year: year, cluster: nil, today: today)
        lap()
        sizes = try ReportFormat.allCases.map { format in
            defer { lap() }
            return try render(report, as: format, language: .ru).count
        }
        if best.isEmpty || times.reduce(0, +) < best.reduce(0, +) { best = times }
    }
    let stages = zip(["model"] + ReportFormat.allCases.map(\.rawValue), best).map { "\($0) \(Int($1.rounded()))" }
    let kib = zip(ReportFormat.allCases, sizes).map { "\($0.rawValue) \($1 / 1024) KiB" }
    print("| report: \(inYear) events in \(year), model + html, md, csv, docx | \(Int(best.reduce(0, +).rounded())) ms best of 3 (target <= 1000)"
        + " | \(stages.joined(separator: ", ")) ms | \(kib.joined(separator: ", ")) |")
}

/// `SyntheticDistrict` with outcomes recorded for every event: about two thirds held, a tenth
/// cancelled, a tenth postponed, the rest still open. Deterministic, like the district itself.
private func syntheticCity(schools: Int, clusters: Int, events: Int, seed: UInt64) -> DistrictSnapshot {
    let district = SyntheticDistrict.make(schools: schools, clusters: clusters, events: events, seed: seed)
    var rng = seed | 1
    func next(_ n: Int) -> Int {  // xorshift
        rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
        return Int(rng % UInt64(n))
    }
    let snapshots = district.events.map { event in
        let day = event.timing.firstDay.adding(days: next(event.timing.firstDay.days(until: event.timing.lastDay) + 1))
        let state: EventState = switch next(100) {
        case ..<66: EventState(date: day, lastModified: 0, status: .held, outcome: Outcome(
            heldOn: day, participants: 10 + next(60), schools: event.participants.filter { _ in next(3) > 0 },
            note: "Итоги, материалы"))
        case ..<76: EventState(lastModified: 0, status: .cancelled, outcome: Outcome(cancellationReason: "Карантин"))
        case ..<86: EventState(date: day.adding(days: 30), lastModified: 0, status: .postponed)
        default: EventState(date: day, lastModified: 0, status: .scheduled)
        }
        return EventSnapshot(event: event, state: state)
    }
    return DistrictSnapshot(district: district, events: snapshots)
}
