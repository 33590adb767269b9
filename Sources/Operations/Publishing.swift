import Foundation
import Planning
import Site
import Store

/// `publish`: every file of the site (`Site.Publisher`) written under `directory`; returns how many.
/// `today`: the day the reports are "as of".
public func publishSite(_ snapshot: DistrictSnapshot, options: SiteOptions, today: LocalDate, to directory: String) throws -> Int {
    let files: [(path: String, text: String)]
    do {
        let content = SiteContent(snapshot: snapshot, options: options, pages: try PageRenderer())
        files = try Publisher(content: content, today: today).files()
    } catch let error as Publisher.PublishError {
        throw Failure(error.description)
    } catch let error as SiteError {
        throw Failure(error.description)
    }
    let root = URL(fileURLWithPath: directory)
    for (path, text) in files { try write(Data(text.utf8), to: root.appendingPathComponent(path)) }
    return files.count
}

/// `publish`, second part: the events' materials as files at the addresses the pages and feeds link.
public func publishMaterials(_ snapshot: DistrictSnapshot, from store: some MaterialStore, to directory: String) async throws -> Int {
    let root = URL(fileURLWithPath: directory)
    var count = 0
    for material in snapshot.materials {
        guard let (_, bytes) = try await store.materialContent(material.id) else { continue }
        // The name as uploaded (checked: no "/", no leading dot): a static host decodes the link's escapes to it.
        try write(Data(bytes), to: root.appendingPathComponent("materials/\(material.id)/\(material.fileName)"))
        count += 1
    }
    return count
}

private func write(_ data: Data, to url: URL) throws(Failure) {
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    } catch {
        throw Failure("не удалось записать \(url.path): \(error.localizedDescription)")
    }
}
