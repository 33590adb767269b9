import Dispatch
import Planning

/// Reads the items of a plan file's `schools` and `clusters` lists into plan values on a second
/// thread while libyaml composes the rest of the file: on a country-sized plan composing and
/// reading each take about half of `validate`. Items are read in file order.
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
        if key != pending.key { handOff() }
        pending.key = key
        pending.nodes.append(node)
        if pending.nodes.count == Self.batchSize { handOff() }
    }

    /// Items go to the queue in batches: one at a time, the reading thread went idle between
    /// items and each hand-off woke it again (79,300 futex calls for a country plan, 883 in batches).
    private static let batchSize = 256
    /// Items given but not yet handed off, all of one key; on the composing thread.
    private var pending: (key: String, nodes: [YAMLNode]) = ("", [])

    private func handOff() {
        guard !pending.nodes.isEmpty else { return }
        let (key, nodes) = pending
        pending.nodes = []
        pending.nodes.reserveCapacity(Self.batchSize)
        queue.async { [self] in
            for node in nodes {
                if key == "schools" {
                    if let school = PlanFragment.parseSchool(node, reader: reader) { schools.append(school) }
                } else if let cluster = PlanFragment.parseCluster(node, reader: reader) {
                    clusters.append(cluster)
                }
            }
        }
    }

    /// Waits for the items given so far and returns them with the problems they had.
    func finish() -> (schools: [(School, SourceLocation)], clusters: [ParsedCluster], diagnostics: [PlanDiagnostic], given: [String: Int]) {
        handOff()
        return queue.sync { (schools, clusters, reader.diagnostics, given) }
    }
}
