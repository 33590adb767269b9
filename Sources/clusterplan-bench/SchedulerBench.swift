import Foundation
import Planning
import Synthetic
import Scheduler

/// `clusterplan-bench scheduler`: schedules a synthetic city (best of 5 runs: it is short), a
/// country (best of 3) and a tight city where the greedy pass leaves events for the search (best
/// of 3). Prints wall time and this process's CPU time: on a shared machine the CPU time shows
/// the work with less noise from other processes. Explanation lines are rendered when read, so
/// the time to read every line (what `--explain` adds) is shown apart.
func schedulerBench() {
    func measure(_ name: String, _ district: District, runs: Int, limit: Double?) -> (wall: Double, cpu: Double) {
        let request = ScheduleRequest(district: district)
        var wall = Double.infinity, cpu = Double.infinity
        var result: ScheduleResult?
        for _ in 0..<runs {
            result = nil  // free the previous run's result outside the timed part
            let clock = ContinuousClock()
            let start = clock.now, cpuStart = processCPUSeconds()
            result = schedule(request)
            let elapsed = clock.now - start
            cpu = min(cpu, processCPUSeconds() - cpuStart)
            wall = min(wall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        let unplaced = result?.events.filter { $0.decision == .unplaced }.count ?? 0
        let search = result.map { r in
            ", left by the greedy pass \(r.leftByGreedy), search steps \(r.searchStepsUsed), \(r.completeness)"
                + (r.conflicts.isEmpty ? "" : " (\(r.conflicts.count) conflict sets)")
        } ?? ""
        print("| scheduler \(name): \(district.schools.count) schools, \(district.clusters.count) clusters, "
            + "\(district.events.count) events | \(String(format: "%.4f", wall)) s (\(limit.map { "limit \($0) s, " } ?? "")best of \(runs)) "
            + "| CPU \(String(format: "%.4f", cpu)) s, unplaced \(unplaced)\(search) |")
        if let result {
            let clock = ContinuousClock()
            let start = clock.now
            var lines = 0, bytes = 0
            for e in result.events { for line in e.explanation.lines { lines += 1; bytes += line.utf8.count } }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("| scheduler \(name): read every explanation line | \(String(format: "%.3f", seconds)) s "
                + "| \(lines) lines, \(bytes / 1024) KiB; not part of a run |")
        }
        return (wall, cpu)
    }
    print("| case | best (wall) | notes |")
    print("|---|---|---|")
    let city = measure("city", SyntheticDistrict.make(schools: 700, clusters: 120, events: 2000, seed: 2019), runs: 5, limit: 0.05)
    let country = measure("country", SyntheticDistrict.make(schools: 40000, clusters: 5000, events: 80000, seed: 2019),
                          runs: 3, limit: 2)
    print("| scheduler country / city | \(String(format: "%.1f", country.wall / city.wall)) "
        + "| CPU \(String(format: "%.1f", country.cpu / city.cpu)); 40x the events |")
    _ = measure("tight city", SyntheticDistrict.tight(schools: 700, eventsPerCluster: 4...6, busyPercent: 30...30, seed: 2019),
                runs: 3, limit: nil)
    // How fast search steps go here: a search that never finishes runs until its share of the budget is spent.
    let clock = ContinuousClock()
    var exhausted: ScheduleResult?
    let spent = clock.measure { exhausted = schedule(ScheduleRequest(district: pigeonhole())) }
    let seconds = Double(spent.components.seconds) + Double(spent.components.attoseconds) / 1e18
    let steps = exhausted?.searchStepsUsed ?? 0
    print("| scheduler search steps per second (budget counted as \(ScheduleRequest.stepsPerSecond) a second) | "
        + "\(String(format: "%.1f", Double(steps) / seconds / 1e6)) M | 13 events, 12 days, one school: "
        + "\(exhausted.map { "\($0.completeness)" } ?? ""), \(steps) steps in \(String(format: "%.3f", seconds)) s |")
    print("| scheduler peak memory (VmHWM) | \(peakMemoryMiB()) MiB (limit 512) | whole process |")
}

private func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Peak resident memory of this process, from /proc/self/status (Linux).
private func peakMemoryMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
    return kib / 1024
}

/// A district whose search cannot finish: 13 one-event clusters sharing one host school in a
/// window of 12 working days (a pigeonhole the search proves only by trying every order), so the
/// run spends its steps and its time shows how fast they go on this machine.
private func pigeonhole() -> District {
    let window = EventTiming.window(from: LocalDate(year: 2019, month: 10, day: 14)!, to: LocalDate(year: 2019, month: 10, day: 29)!)
    let clusters = (1...13).map { c in
        Cluster(id: "p\(c)", title: "Кластер \(c)", lead: "1", members: ["1"], plan: WorkPlan(
            years: [AcademicYear(startYear: 2019)], goal: "—",
            events: [PlannedEvent(id: EventID(cluster: "p\(c)", number: 1), year: AcademicYear(startYear: 2019), format: .seminar,
                                  title: "Семинар", timing: window, host: "1", participants: ["1"])]))
    }
    return District(name: "Голубятня", schools: [School(id: "1", name: "Школа № 1")], clusters: clusters,
                    calendar: DistrictCalendar(publicHolidays: SyntheticDistrict.russianHolidays2019to2021))
}
