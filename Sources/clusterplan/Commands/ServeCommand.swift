import ArgumentParser
import Operations
import Planning
import Foundation
import Hummingbird
import Logging
import Server
import SQLiteStore

struct ServeCommand: AsyncParsableCommand, AppArguments {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Календари, страницы и JSON API по HTTP.",
        discussion: """
        Календари: /feeds/district.ics, /feeds/clusters/<id>.ics, /feeds/schools/<id>.ics. \
        Изменения, внесённые в базу другими командами (import, schedule, record), видны не позже чем через секунду.
        """
    )

    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var bcrypt: BcryptOptions
    @Option(help: "Адрес, на котором слушать.") var host = "127.0.0.1"
    @Option(help: "Порт.") var port = 8080
    @Option(name: .customLong("base-url"), help: ArgumentHelp("Публичный адрес сайта для ссылок в календарях; по умолчанию http://host:port.", valueName: "url"))
    var baseURL: String?
    @Option(help: ArgumentHelp("Как часто клиентам обновлять календари (длительность iCalendar), как у export ics.", valueName: "PT4H"))
    var refresh = "PT4H"
    @Option(name: .customLong("log-level"), help: "Подробность журнала: info — запуск, загрузки данных и ошибки; debug — ещё строка на каждый запрос.")
    var level: LogLevel = .info

    @Option(name: .customLong("mail-command"), help: ArgumentHelp(
        "Команда отправки почты (интерфейс sendmail: письмо целиком на стандартный ввод, адресаты из заголовков), например «/usr/sbin/sendmail -t -i»; по умолчанию $CLUSTERPLAN_SENDMAIL. Без неё письма ждут в очереди.",
        valueName: "command"))
    var mailCommandOption: String?
    @Option(name: .customLong("mail-from"), help: ArgumentHelp("Адрес отправителя писем; по умолчанию no-reply@ адреса сайта.", valueName: "email"))
    var mailFrom: String?

    var mailCommand: String? {
        mailCommandOption ?? ProcessInfo.processInfo.environment["CLUSTERPLAN_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    var logLevel: Logger.Level { Logger.Level(rawValue: level.rawValue) ?? .info }
    var bcryptCost: UInt8 { bcrypt.cost }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port: ожидается число от 0 до 65535") }
        if let mailFrom, emailProblem(mailFrom) != nil { throw ValidationError("--mail-from: ожидается адрес почты, например no-reply@plan.example.ru") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url: ожидается адрес вида https://plan.example.ru")
        }
    }

    func run() async throws {
        try await reportingFailures {
            // Held while serving, so `restore` cannot pull the store from under the server.
            // (PostgreSQL has no file to pull: several instances share its database.)
            let lease = store.isPostgres ? nil : try ServerLease(store: store.path)
            let app = try buildApplication(self, store: try await store.open(), today: localToday)
            let base = siteOptions.baseURL ?? "http://\(host):\(port)"
            print("ClusterPlan: \(base)/")
            print("  календарь района: \(base)/feeds/district.ics")
            print("  API: \(base)/api/clusters")
            print("  вход в рабочее место: \(base)/login")
            if siteOptions.isLoopback {
                printError("""
                    предупреждение: адрес сайта \(base) виден только с этого компьютера — учителя не смогут \
                    подписаться на календари; укажите публичный адрес в --base-url (например, https://plan.example.ru)
                    """)
            }
            try await app.runService()
            withExtendedLifetime(lease) {}
        }
    }
}
