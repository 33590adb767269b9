import Foundation
import Planning
import Synthetic
import Scheduler

/// `clusterplan-bench scheduler`: schedules a synthetic city (best of 5 runs: it is short) and a
/// country (best of 3). Prints wall time and this process's CPU time: on a shared machine the CPU
/// time shows the growth from city to country with less noise from other processes. Explanation
/// lines are rendered when read, so the time to read every line (what `--explain` adds) is shown apart.
func schedulerBench() {
    func measure(_ name: String, schools: Int, clusters: Int, events: Int, runs: Int,
                 limit: Double) -> (wall: Double, cpu: Double) {
        let district = SyntheticDistrict.make(schools: schools, clusters: clusters, events: events, seed: 2019)
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
        print("| scheduler \(name): \(schools) schools, \(clusters) clusters, \(events) events "
            + "| \(String(format: "%.4f", wall)) s (limit \(limit) s, best of \(runs)) "
            + "| CPU \(String(format: "%.4f", cpu)) s, unplaced \(unplaced) |")
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
    let city = measure("city", schools: 700, clusters: 120, events: 2000, runs: 5, limit: 0.3)
    let country = measure("country", schools: 40000, clusters: 5000, events: 80000, runs: 3, limit: 10)
    print("| scheduler country / city | \(String(format: "%.1f", country.wall / city.wall)) (limit 60) "
        + "| CPU \(String(format: "%.1f", country.cpu / city.cpu)); 40x the events |")
    print("| scheduler peak memory (VmHWM) | \(peakMemoryMiB()) MiB (limit 1024) | whole process |")
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
