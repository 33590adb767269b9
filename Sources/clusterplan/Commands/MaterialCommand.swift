import ArgumentParser

struct MaterialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "material",
        abstract: "Материалы мероприятий: презентации, сборники, рекомендации на странице мероприятия и в календаре.",
        subcommands: [MaterialAddCommand.self, MaterialRemoveCommand.self]
    )
}
