import ArgumentParser
import Foundation
import Operations
import PlanFiles
import Planning
import WordPlans

struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "План работы кластера из Word (.docx) — в файл плана.",
        discussion: """
        Читает шапку (тема, название кластера и годы, «Состав кластера», цель, задачи, направления) и \
        таблицу мероприятий («№ | Название мероприятия | Цель проведения | Время проведения | Площадка», \
        строки учебных годов). Школы сверяются с --schools или с базой; незнакомые становятся новыми \
        школами с номером в качестве id. Все ошибки сразу: «PLAN.docx: строка N, «Столбец»: сообщение» \
        (строка заголовка — 1), код выхода 1, файл не пишется.
        Пример: clusterplan convert план.docx --id nevsky-exact --schools plans/nevsky --out nevsky.yaml
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Документ Word (.docx).") var path: String
    @Option(help: "Id кластера; по умолчанию — из имени файла.") var id: String?
    @Option(help: "Файл плана; по умолчанию — стандартный вывод.") var out: String?
    @Option(help: "Файл или каталог плана со школами; по умолчанию — школы из базы, если она есть.") var schools: String?

    func run() async throws {
        try await reportingFailures {
            guard let data = FileManager.default.contents(atPath: path) else { throw Failure("\(path): не удалось прочитать файл") }
            let known = try await knownSchools()
            let options = WordPlanOptions(fileName: path, clusterID: id ?? clusterID(fromFile: path),
                                          knownSchools: known.schools, district: known.district)
            let plan: WordPlan
            switch readWordPlan(data, options: options) {
            case .success(let read): plan = read
            case .failure(let error):
                error.diagnostics.forEach { printError($0.description) }
                printError("Найдено ошибок: \(error.diagnostics.count)")
                throw ExitCode(1)
            }
            let yaml: String
            do {
                yaml = try PlanWriter.yaml(plan.district, header: ["Из «\((path as NSString).lastPathComponent)» (clusterplan convert)."])
                _ = try PlanLoader.load(text: yaml, file: out ?? "план")
            } catch let error as PlanLoadError {
                throw Failure("план из документа не проходит проверку:\n\(error)")
            }
            for id in plan.newSchools {
                printError("Новая школа \(id): «\(plan.district.school(id)?.name ?? id)» — проверьте название и тип.")
            }
            try write(Data(yaml.utf8), to: out)
            if let out { printError("План записан: \(out)") }
        }
    }

    /// `--schools`, else the store's schools when a store exists; `convert` never creates one.
    private func knownSchools() async throws -> (schools: [School], district: String) {
        if let schools {
            do throws(PlanLoadError) {
                let district = try PlanLoader.load(paths: [schools])
                return (district.schools, district.schools.lazy.compactMap(\.district).first ?? district.name)
            } catch {
                throw Failure("--schools: \(error)")
            }
        }
        guard FileManager.default.fileExists(atPath: store.path) else { return ([], "") }
        let (_, snapshot) = try await store.snapshot()
        return (snapshot.district.schools, snapshot.district.schools.lazy.compactMap(\.district).first ?? snapshot.district.name)
    }
}

/// «Nevsky Plan 2019.docx» -> «nevsky-plan-2019»; Cyrillic names give «cluster».
private func clusterID(fromFile path: String) -> String {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    var id = ""
    for ch in stem {
        if ch.isASCII && (ch.isLetter || ch.isNumber) { id.append(ch) } else if !id.isEmpty && !id.hasSuffix("-") { id.append("-") }
    }
    while id.hasSuffix("-") { id.removeLast() }
    return id.isEmpty ? "cluster" : id
}
