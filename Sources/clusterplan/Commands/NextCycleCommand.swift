import ArgumentParser
import Foundation
import Operations
import Planning

struct NextCycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-cycle",
        abstract: "Скопировать план кластера в следующий двухлетний цикл: новый кластер, месяцы на два года позже, ничего не назначено.",
        discussion: "Пример: clusterplan next-cycle nevsky-exact --id nevsky-exact-2021"
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Кластер, чей план копируется.", valueName: "CLUSTER")) var cluster: String
    @Option(name: .long, help: ArgumentHelp("Код нового кластера.", valueName: "ID")) var id: String

    func run() async throws {
        try await reportingFailures {
            let copy = try await ClusterEditing.nextCycle(of: cluster, as: id, by: Author(login: currentUser(), source: .cli),
                                                          in: try store.open(), now: Int64(Date().timeIntervalSince1970))
            let years = copy.plan?.years.map(\.description).joined(separator: ", ") ?? ""
            print("Создан кластер \(copy.id) на \(years): \(copy.plan?.events.count ?? 0) мероприятий, даты не назначены.")
        }
    }
}
