import ArgumentParser
import Operations

struct MaterialRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Удалить материал по его номеру (номер печатает material add и показывает адрес файла)."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Номер материала.", valueName: "ID")) var id: Int64

    func run() async throws {
        try await reportingFailures { print(try await detachMaterial(id, in: try store.open())) }
    }
}
