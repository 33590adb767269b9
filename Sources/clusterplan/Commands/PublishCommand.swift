import ArgumentParser
import Operations
import Foundation
import Site

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Календари и страницы статическими файлами для любого веб-сервера.",
        discussion: """
        Файлы календарей совпадают байт в байт с тем, что отдаёт serve с тем же --base-url. \
        Страницы лежат как <путь>/index.html и открываются на любом статическом хостинге; пример настройки nginx: docs/nginx.conf.example.
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Каталог, куда записать сайт.", valueName: "dir")) var out: String
    @Option(name: .customLong("base-url"), help: ArgumentHelp("Публичный адрес сайта для ссылок в календарях и кнопок подписки.", valueName: "url"))
    var baseURL: String?
    @Option(help: ArgumentHelp("Как часто клиентам обновлять календари (длительность iCalendar), как у export ics.", valueName: "PT4H"))
    var refresh = "PT4H"

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url: ожидается адрес вида https://plan.example.ru")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let (database, snapshot) = try await store.snapshot()
            let count = try publishSite(snapshot, options: SiteOptions(baseURL: baseURL, refreshInterval: refresh),
                                        today: localToday(in: snapshot.district.timezone), to: out)
                + (try await publishMaterials(snapshot, from: database, to: out))
            print("записано файлов: \(count) в \(out)")
        }
    }
}
