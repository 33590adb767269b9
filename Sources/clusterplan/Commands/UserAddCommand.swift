import ArgumentParser
import Foundation
import Operations
import Planning

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Добавить учётную запись; пароль читается из стандартного ввода.",
        discussion: """
        Примеры:
          clusterplan user add ivanova --role coordinator --cluster nevsky-exact --password-stdin < пароль.txt
          clusterplan user add school344 --role school --school 344 --password-stdin
        Коды кластеров и школ проверяются по импортированному плану.
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var bcrypt: BcryptOptions
    @Argument(help: "Логин: латинские буквы, цифры, «.», «-», «_».") var login: String
    @Option(help: "Роль.") var role: Role
    @Option(name: .customLong("cluster"), help: ArgumentHelp("Кластер координатора (можно несколько раз).", valueName: "id"))
    var clusters: [String] = []
    @Option(help: ArgumentHelp("Школа для роли school.", valueName: "id")) var school: String?
    @Flag(name: .customLong("password-stdin"), help: "Прочитать пароль из первой строки стандартного ввода.")
    var passwordStdin = false

    func validate() throws {
        // A password on the command line would stay in the shell history and in `ps`.
        guard passwordStdin else { throw ValidationError("укажите --password-stdin и передайте пароль через стандартный ввод") }
        if role != .coordinator, !clusters.isEmpty { throw ValidationError("--cluster только для роли coordinator") }
        if role != .school, school != nil { throw ValidationError("--school только для роли school") }
    }

    func run() async throws {
        try await reportingFailures {
            let password = readLine(strippingNewline: true) ?? ""
            let database = try await store.open()
            let account = try await bcrypt.service(database).add(
                Account(login: login, role: role, clusters: clusters, school: school), password: password,
                in: try await database.read().snapshot?.district)
            print("Учётная запись «\(account.login)» добавлена: \(account.role.label).")
        }
    }
}

extension Role: ExpressibleByArgument {}
