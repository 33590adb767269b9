import ArgumentParser


struct ClusterPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterplan",
        abstract: "Планы работы кластеров школ: расписание, календари, отчёты.",
        discussion: "База данных: --db, иначе $CLUSTERPLAN_DB, иначе ./clusterplan.sqlite.",
        subcommands: [
            ImportCommand.self, ValidateCommand.self, EventsCommand.self, RecordCommand.self, IndicatorCommand.self,
            ScheduleCommand.self, ExportCommand.self, ReportCommand.self, ClusterSchoolsCommand.self,
            ServeCommand.self, PublishCommand.self, BackupCommand.self, RestoreCommand.self, ConvertCommand.self,
            WorkplanCommand.self, NextCycleCommand.self, MaterialCommand.self, UserCommand.self, PrivacyCommand.self,
            ResultsCommand.self, GroupingCommand.self, MigrateCommand.self,
        ]
    )

    @OptionGroup var store: StoreOptions
}
