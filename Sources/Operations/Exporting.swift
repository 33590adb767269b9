import Foundation
import ICal
import PlanFiles
import Planning

/// `export ics`: one feed written piece by piece to a file (through a temporary file renamed at the
/// end, so a failed run leaves no half feed) or to stdout. Returns the undated events left out.
public func exportFeed(_ snapshot: DistrictSnapshot, scope: FeedScope, options: FeedOptions, to out: String?) throws -> [EventID] {
    let target = out.map { URL(fileURLWithPath: $0) }
    let partial = target.map { $0.deletingLastPathComponent().appendingPathComponent(".\($0.lastPathComponent).partial") }
    let handle: FileHandle
    if let partial {
        guard FileManager.default.createFile(atPath: partial.path, contents: nil), let file = try? FileHandle(forWritingTo: partial)
        else { throw Failure("\(out ?? ""): не удалось записать файл") }
        handle = file
    } else {
        handle = FileHandle.standardOutput
    }
    var failed = false
    let undated: [EventID]
    do throws(FeedError) {
        undated = try writeFeed(snapshot, scope: scope, options: options) { bytes in
            guard !failed else { return }
            do { try handle.write(contentsOf: bytes) } catch { failed = true }
        }
    } catch {
        if let partial { try? FileManager.default.removeItem(at: partial) }
        throw Failure(error.description)
    }
    guard let target, let partial else { return undated }
    try? handle.close()
    // rename(2) replaces the target in one step.
    guard !failed, rename(partial.path, target.path) == 0 else {
        try? FileManager.default.removeItem(at: partial)
        throw Failure("\(target.path): не удалось записать файл")
    }
    return undated
}

/// One cluster as a contract-v1 plan file, with the schools it names, that `validate` accepts
/// (`/manage/clusters/<id>/plan.yaml`).
public func clusterPlanFile(_ cluster: Cluster, in snapshot: DistrictSnapshot) throws -> String {
    let named = Set(cluster.members + (cluster.plan?.events.flatMap { [$0.host] + $0.participants } ?? []))
    let district = District(name: cluster.district ?? snapshot.district.name, timezone: snapshot.district.timezone,
                            schools: snapshot.district.schools.filter { named.contains($0.id) }, clusters: [cluster])
    return try PlanWriter.yaml(district, header: ["Кластер \(cluster.id), выгружен из рабочего места ClusterPlan"])
}
