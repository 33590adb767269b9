import Foundation
import Planning
import Scheduler

/// `clusterplan-bench scheduler`: schedules a synthetic city and country, best of 3 runs each.
func schedulerBench() {
    func measure(_ name: String, schools: Int, clusters: Int, events: Int, limit: Double) -> Double {
        let district = SyntheticDistrict.make(schools: schools, clusters: clusters, events: events, seed: 2019)
        let request = ScheduleRequest(district: district)
        var best = Duration.seconds(1000)
        var result: ScheduleResult?
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            result = schedule(request)
            best = min(best, clock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let unplaced = result?.events.filter { $0.decision == .unplaced }.count ?? 0
        print("| scheduler \(name): \(schools) schools, \(clusters) clusters, \(events) events "
            + "| \(String(format: "%.3f", seconds)) s (limit \(limit) s) | unplaced \(unplaced) |")
        return seconds
    }
    print("| case | best of 3 | notes |")
    print("|---|---|---|")
    let city = measure("city", schools: 700, clusters: 120, events: 2000, limit: 0.3)
    let country = measure("country", schools: 40000, clusters: 5000, events: 80000, limit: 10)
    print("| scheduler country / city | \(String(format: "%.1f", country / city)) (limit 60) | 40x the events |")
    print("| scheduler peak memory (VmHWM) | \(peakMemoryMiB()) MiB (limit 1024) | whole process |")
}

/// Peak resident memory of this process, from /proc/self/status (Linux).
private func peakMemoryMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
    return kib / 1024
}
