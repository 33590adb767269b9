import ArgumentParser
import Operations
import Planning

struct MaterialAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Прикрепить файл к мероприятию (PDF, DOCX, PPTX, XLSX, ODF, PNG, JPEG, ZIP, TXT; до 20 МБ).",
        discussion: "Пример: clusterplan material add nevsky-exact/1 презентация.pdf --title \"Презентация семинара\""
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Мероприятие: кластер/номер.", valueName: "cluster/number")) var event: String
    @Argument(help: ArgumentHelp("Файл.", valueName: "FILE")) var file: String
    @Option(help: ArgumentHelp("Название на странице (по умолчанию имя файла).", valueName: "text")) var title: String?

    func validate() throws {
        guard EventID(event) != nil else { throw ValidationError("мероприятие задаётся как кластер/номер, например nevsky-exact/1") }
    }

    func run() async throws {
        try await reportingFailures {
            guard let id = EventID(event) else { return }
            let material = try await attachMaterial(to: id, path: file, title: title, now: currentTime(), in: try store.open())
            print("Прикреплён материал \(material.id) к \(id): \(material.title) (\(material.size) байт)")
        }
    }
}
