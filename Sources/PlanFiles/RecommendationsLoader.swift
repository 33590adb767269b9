import Clustering
import Foundation
import Yams

/// The recommendations `cluster-schools` writes into plan files: the built-in ones (package
/// resources `Resources/recommendations/*.yaml`, from seeds 000, 001, 004), or every `*.yaml` of a
/// directory the user names. Problems come back as `file:line:col` diagnostics, all of them.
public enum RecommendationsLoader {
    public static func builtIn() throws(PlanLoadError) -> Recommendations {
        let urls = Bundle.module.urls(forResourcesWithExtension: "yaml", subdirectory: "Resources/recommendations") ?? []
        // The resources ship with the package; none at all is a build defect, reported like any other.
        guard !urls.isEmpty else {
            throw PlanLoadError([PlanDiagnostic(file: "Resources/recommendations", line: 1, column: 1,
                                                message: "встроенные рекомендации не найдены")])
        }
        return try load(files: urls.compactMap(\.path))
    }

    public static func load(directory: String) throws(PlanLoadError) -> Recommendations {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw PlanLoadError([PlanDiagnostic(file: directory, line: 1, column: 1, message: "каталог рекомендаций не найден")])
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
        return try load(files: files)
    }

    /// The files in name order, merged.
    static func load(files: [String]) throws(PlanLoadError) -> Recommendations {
        var merged = Recommendations()
        var problems: [PlanDiagnostic] = []
        for path in files.sorted() {
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                problems.append(PlanDiagnostic(file: path, line: 1, column: 1, message: "не удалось прочитать файл"))
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else { continue }
                do {
                    merged.merge(try YAMLDecoder().decode(Recommendations.self, from: node))
                } catch let error as DecodingError {
                    let (keys, message) = describe(error)
                    let mark = locate(keys, in: node)
                    problems.append(PlanDiagnostic(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
                }
            } catch {
                problems.append(PlanDiagnostic(file: path, line: 1, column: 1, message: "\(error)"))
            }
        }
        guard problems.isEmpty else { throw PlanLoadError(problems) }
        return merged
    }
}

/// The failing key path and a one-line Russian message.
private func describe(_ error: DecodingError) -> ([any CodingKey], String) {
    switch error {
    case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
    case .typeMismatch(_, let c), .valueNotFound(_, let c): (c.codingPath, "ожидался список строк")
    case .keyNotFound(let key, let c): (c.codingPath, "нет ключа «\(key.stringValue)»")
    @unknown default: ([], "\(error)")
    }
}

/// The node a coding path points at (its key, for a mapping entry), for the error's line and column.
private func locate(_ path: [any CodingKey], in root: Node) -> Mark? {
    var node = root
    var mark = root.mark
    for key in path {
        if let mapping = node.mapping, let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
            mark = pair.key.mark
            node = pair.value
        } else if let sequence = node.sequence, let index = key.intValue, index < sequence.count {
            node = sequence[index]
            mark = node.mark
        } else {
            break
        }
    }
    return mark
}
