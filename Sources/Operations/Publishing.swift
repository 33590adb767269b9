import Foundation
import Planning
import Site

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
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw Failure("не удалось записать \(url.path): \(error.localizedDescription)")
        }
    }
    return files.count
}
