// Usage: clusterplan-bench <suite>... ; each suite prints its figures as Markdown table rows.
let suites = CommandLine.arguments.dropFirst()
for suite in suites {
    switch suite {
    case "report": try reportBench()
    case "server": try serverBench()
    default:
        print("unknown benchmark suite: \(suite)")
    }
}
