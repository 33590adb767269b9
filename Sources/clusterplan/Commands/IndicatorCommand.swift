import ArgumentParser
import Operations
import Planning

struct IndicatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator",
        abstract: "Фактические значения показателей плана по учебным годам.",
        subcommands: [Set.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Записать фактическое значение показателя за учебный год.",
            discussion: "Пример: clusterplan indicator set nevsky-exact/events-held --year 2019/2020 --value 3"
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Показатель: кластер/показатель.", valueName: "cluster/indicator")) var indicator: String
        @Option(help: ArgumentHelp("Учебный год.", valueName: "2019/2020")) var year: AcademicYear
        @Option(help: "Значение (число).") var value: Double

        func validate() throws {
            guard indicator.split(separator: "/").count == 2 else {
                throw ValidationError("показатель задаётся как кластер/показатель, например nevsky-exact/events-held")
            }
            guard value >= 0, value.isFinite else { throw ValidationError("--value: ожидается неотрицательное число") }
        }

        func run() async throws {
            try await reportingFailures {
                let parts = indicator.split(separator: "/").map(String.init)
                print(try await setIndicator(cluster: parts[0], indicator: parts[1], year: year, value: value, in: try store.open()))
            }
        }
    }
}
