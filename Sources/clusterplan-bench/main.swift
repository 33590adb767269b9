// Usage: clusterplan-bench <suite>... ; each suite prints its figures as Markdown table rows.
let suites = CommandLine.arguments.dropFirst()
for suite in suites {
    switch suite {
    case "ical": try benchICal()
    case "report": try reportBench()
    case "clustering": clusteringBench()
    default:
        print("unknown benchmark suite: \(suite)")
    }
}
