import Foundation
import Planning
import Store

/// `material add`, and the workspace's upload: a checked file attached to a stored event.
/// Returns the new material; nothing is stored when the file or the event is refused.
public func attachMaterial(to id: EventID, fileName: String, title: String?, bytes: [UInt8], now: Int64,
                           in store: some DistrictStore) async throws -> Material {
    if let problem = MaterialRules.problem(fileName: fileName, size: bytes.count) { throw Failure("\(fileName): \(problem)") }
    let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if title.count > InputLimits.textLength { throw Failure("название материала длиннее \(InputLimits.textLength) символов") }
    let snapshot = try await store.snapshot()
    guard snapshot.events.contains(where: { $0.id == id }) else {
        throw Failure(UnknownID.event(id, in: snapshot).description)
    }
    // Nil by MaterialRules.problem's check above; the name is the title when none is given.
    let contentType = MaterialRules.contentType(of: fileName) ?? "application/octet-stream"
    return try await store.addMaterial(event: id, fileName: fileName, title: title.isEmpty ? fileName : title,
                                       contentType: contentType, bytes: bytes, now: now)
}

/// `material add FILE`: the file read from disk under its own name.
public func attachMaterial(to id: EventID, path: String, title: String?, now: Int64, in store: some DistrictStore) async throws -> Material {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure("\(displayPath(path)): не удалось прочитать файл") }
    return try await attachMaterial(to: id, fileName: URL(fileURLWithPath: path).lastPathComponent, title: title,
                                    bytes: Array(data), now: now, in: store)
}

/// `material remove ID`.
public func detachMaterial(_ id: Int64, in store: some DistrictStore) async throws -> String {
    guard try await store.removeMaterial(id) else { throw Failure("нет материала с номером \(id)") }
    return "Удалён материал \(id)"
}
