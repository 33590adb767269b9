import Dispatch
import Planning

/// Reads the items of a plan file's `schools` and `clusters` lists into plan values on a second
/// thread while libyaml composes the rest of the file: on a country-sized plan composing and
/// reading each take about half of `validate`. Items are read in file order, one at a time.
/// A list written as an alias (`clusters: *other`) gives nothing here and is read as before.
final class ListItemReader: @unchecked Sendable {
    static let keys: Set<String> = ["schools", "clusters"]

    // The parsed items are touched only on `queue`, then by `finish` once the queue is done.
    private let queue = DispatchQueue(label: "clusterplan.plan-list-items")
    private let reader: NodeReader
    private var schools: [(School, SourceLocation)] = []
    private var clusters: [ParsedCluster] = []
    /// Items given per key, on the composing thread.
    private var given: [String: Int] = [:]

    init(file: String) { reader = NodeReader(file: file) }

    func read(_ key: String, _ node: YAMLNode) {
        given[key, default: 0] += 1
        queue.async { [self] in
            if key == "schools" {
                if let school = PlanFragment.parseSchool(node, reader: reader) { schools.append(school) }
            } else if let cluster = PlanFragment.parseCluster(node, reader: reader) {
                clusters.append(cluster)
            }
        }
    }

    /// Waits for the items given so far and returns them with the problems they had.
    func finish() -> (schools: [(School, SourceLocation)], clusters: [ParsedCluster], diagnostics: [PlanDiagnostic], given: [String: Int]) {
        queue.sync { (schools, clusters, reader.diagnostics, given) }
    }
}
