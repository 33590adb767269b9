import Foundation
import Planning
import Scheduler
import Synthetic
import TestSupport
import Testing

/// Random tight districts decided by an exact solver (OR-Tools CP-SAT, `Tests/Oracle/oracle.py`),
/// all instances in one solver process: the scheduler places every event wherever the oracle
/// can, and where it cannot, each named conflict set is infeasible and becomes feasible without
/// any one of its items.
@Suite struct OracleTests {
    static let available: Bool = (try? runOracle([])) != nil

    /// The oracle's instance: day numbers from the district's first window day.
    struct Instance: Encodable {
        struct Busy: Encodable { let school: String?, from: Int, to: Int }
        struct Event: Encodable { let schools: [String], first: Int, last: Int, group: String, number: Int, fixed: Int? }
        let off: [Int]
        let busy: [Busy]
        let events: [Event]
    }

    /// The request's problem as the oracle reads it, restricted to `items` when given
    /// (events and busy periods outside them left out).
    static func instance(_ request: ScheduleRequest, only items: Set<ConflictItem>? = nil) -> Instance {
        let district = request.district
        let base = district.events.map(\.timing.firstDay).min()!
        let end = district.events.map(\.timing.lastDay).max()!
        let off = (0...base.days(until: end)).filter { district.calendar.dayOff(base.adding(days: $0)) != nil }
        let busy = district.calendar.busy.enumerated().filter { items?.contains(.busyPeriod(index: $0.offset)) ?? true }.map {
            Instance.Busy(school: $0.element.school, from: base.days(until: $0.element.from), to: base.days(until: $0.element.to))
        }
        let events = district.events.filter { items?.contains(.event($0.id)) ?? true }.map { e in
            let pin: LocalDate? = request.pinned[e.id] ?? { if case .pinned(let d) = e.timing { d } else { nil } }()
            return Instance.Event(schools: Array(Set([e.host] + e.participants)).sorted(), first: base.days(until: e.timing.firstDay),
                                  last: base.days(until: e.timing.lastDay), group: "\(e.clusterID) \(e.year.startYear)",
                                  number: e.number, fixed: pin.map { base.days(until: $0) })
        }
        return Instance(off: off, busy: busy, events: events)
    }

    /// One python process decides every instance.
    static func runOracle(_ instances: [Instance]) throws -> [Bool] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/Oracle/oracle.py").path]
        // The instances go through a file: a pipe could block while the oracle's output fills the other one.
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("instances.json")
        try JSONEncoder().encode(instances).write(to: file)
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return try JSONDecoder().decode([Bool].self, from: answer)
    }

    /// Seed `n`: 6-10 schools in 2-3 clusters each, 25-40% busy days, 4-6 events per cluster;
    /// every third instance has published dates (some still valid, so kept), every fifth a pinned event.
    static func request(_ n: Int) -> ScheduleRequest {
        var district = SyntheticDistrict.tight(schools: 6 + n % 5, eventsPerCluster: 4...6, busyPercent: 25...40, seed: UInt64(n))
        var previous: [EventID: Placement] = [:]
        if n % 3 == 0 {
            for (k, e) in district.events.enumerated() where k % 2 == 0 {
                previous[e.id] = Placement(date: e.timing.firstDay.adding(days: (k * 7 + n) % 12), start: district.calendar.defaultStart)
            }
        }
        if n % 5 == 0, let c = district.clusters.indices.last, var plan = district.clusters[c].plan, !plan.events.isEmpty {
            var day = plan.events[0].timing.firstDay.adding(days: n % 7)
            while district.calendar.dayOff(day) != nil { day = day.adding(days: 1) }
            plan.events[0].timing = .pinned(day)
            district.clusters[c].plan = plan
        }
        return ScheduleRequest(district: district, previous: previous, searchSteps: ScheduleRequest.steps(seconds: 10))
    }

    @Test(.enabled(if: available, "python3 with ortools is not installed (python3 -m pip install ortools; `make test` does it)"))
    func theSchedulerIsCompleteOnTightDistricts() throws {
        let requests = (1...200).map(Self.request)
        let results = requests.map(schedule)
        // Main instances first, then each conflict set and the set without each of its items.
        var instances = requests.map { Self.instance($0) }
        var checks: [(instance: Int, set: Int, without: ConflictItem?)] = []
        for (i, (request, result)) in zip(requests, results).enumerated() {
            #expect(HardRules(request.district, result).violations == [], "instance \(i + 1)")
            for (s, set) in result.conflicts.enumerated() {
                let items = Set(set.items)
                checks.append((i, s, nil))
                instances.append(Self.instance(request, only: items))
                for item in set.items {
                    checks.append((i, s, item))
                    instances.append(Self.instance(request, only: items.subtracting([item])))
                }
            }
        }
        let answers = try Self.runOracle(instances)
        try #require(answers.count == instances.count)
        var feasible = 0, repaired = 0, impossible = 0
        for (i, result) in results.enumerated() {
            if answers[i] {
                feasible += 1
                if result.leftByGreedy > 0 { repaired += 1 }
                #expect(result.completeness == .complete, "instance \(i + 1): the oracle places every event")
            } else {
                impossible += 1
                #expect(result.completeness == .impossible, "instance \(i + 1): the oracle finds no placement")
                #expect(!result.conflicts.isEmpty, "instance \(i + 1)")
            }
        }
        for (n, check) in checks.enumerated() {
            let answer = answers[requests.count + n]
            let set = results[check.instance].conflicts[check.set]
            if let item = check.without {
                #expect(answer, "instance \(check.instance + 1): without \(item) the set \(set.items) must be feasible")
            } else {
                #expect(!answer, "instance \(check.instance + 1): the set \(set.items) must be infeasible")
                #expect(!set.lines.isEmpty)
            }
        }
        // The generator must give both kinds, and feasible ones the greedy pass alone does not place.
        #expect(feasible >= 60 && impossible >= 60, "feasible \(feasible), impossible \(impossible)")
        #expect(repaired >= 40, "repaired \(repaired)")
    }
}
