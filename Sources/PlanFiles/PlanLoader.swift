import Foundation
import Planning

/// Reads plan files (contract v1) into a `District`, reporting every problem at once.
public enum PlanLoader {
    /// Loads files and directories (every `*.yaml`/`*.yml` below a directory, in path order).
    public static func load(paths: [String]) throws(PlanLoadError) -> District {
        let (district, diagnostics) = check(paths: paths)
        guard diagnostics.isEmpty else { throw PlanLoadError(diagnostics) }
        return district
    }

    /// Every problem of the files, sorted, with the district as far as it could be read: later
    /// checks (busy calendars) still run on it, so `validate` reports everything in one run.
    public static func check(paths: [String]) -> (district: District, diagnostics: [PlanDiagnostic]) {
        var diagnostics: [PlanDiagnostic] = []
        var fragments: [PlanFragment] = []
        let fm = FileManager.default
        for file in expand(paths: paths, diagnostics: &diagnostics) {
            guard let data = fm.contents(atPath: file) else {
                diagnostics.append(PlanDiagnostic(file: file, line: 1, column: 1, message: "не удалось прочитать файл"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(PlanDiagnostic(file: file, line: 1, column: 1, message: "файл не в кодировке UTF-8"))
                continue
            }
            let reader = NodeReader(file: file)
            // Absolute, so `ics:` paths still resolve when `schedule` runs from another folder.
            let absolute = file.hasPrefix("/") ? file : fm.currentDirectoryPath + "/" + file
            let directory = ((absolute as NSString).deletingLastPathComponent as NSString).standardizingPath
            fragments.append(PlanFragment.parse(text: text, file: file, directory: directory, reader: reader))
            diagnostics += reader.diagnostics
        }
        let merged = merge(fragments, holidays: PublicHolidaysResource.builtIn, diagnostics: &diagnostics)
        return (merged, diagnostics.sorted())
    }

    /// Parses one plan text, for tests and tools that hold YAML in memory.
    public static func load(text: String, file: String = "plan.yaml") throws(PlanLoadError) -> District {
        let reader = NodeReader(file: file)
        let fragment = PlanFragment.parse(text: text, file: file, directory: ".", reader: reader)
        var diagnostics = reader.diagnostics
        let merged = merge([fragment], holidays: PublicHolidaysResource.builtIn, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { throw PlanLoadError(diagnostics) }
        return merged
    }

    static func expand(paths: [String], diagnostics: inout [PlanDiagnostic]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(PlanDiagnostic(file: path, line: 1, column: 1, message: "нет такого файла или каталога"))
                continue
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                diagnostics.append(PlanDiagnostic(file: path, line: 1, column: 1, message: "в каталоге нет файлов *.yaml"))
            }
            files += found
        }
        return files
    }
}
