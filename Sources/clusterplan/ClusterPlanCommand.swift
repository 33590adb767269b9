import ArgumentParser

@main
struct ClusterPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterplan",
        abstract: "Планы работы кластеров школ: расписание, календари, отчёты.",
        subcommands: [ClusterSchoolsCommand.self]
    )
}
