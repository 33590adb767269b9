// Usage: clusterplan-bench <suite>... | all ; each suite prints its figures as Markdown table rows.
let known = ["scheduler", "ical", "report", "clustering", "server", "workspace", "commands"]
let requested = Array(CommandLine.arguments.dropFirst())
for suite in requested == ["all"] || requested.isEmpty ? known : requested {
    switch suite {
    case "scheduler": schedulerBench()
    case "ical": try icalBench()
    case "report": try reportBench()
    case "clustering": clusteringBench()
    case "server": try await serverBench()
    case "workspace": try await workspaceBench()
    case "commands": try await commandBench()
    default:
        print("unknown benchmark suite: \(suite); known: \(known.joined(separator: ", ")), all")
    }
}
