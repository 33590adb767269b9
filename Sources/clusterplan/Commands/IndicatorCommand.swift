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
        @Option(help: ArgumentHelp("Учебный год.", valueName: "2019/2020")) var year: String
        @Option(help: "Значение (число).") var value: Double

        func validate() throws {
            guard AcademicYear(year) != nil else { throw ValidationError("--year: ожидается учебный год вида 2019/2020") }
            guard indicator.split(separator: "/").count == 2 else {
                throw ValidationError("показатель задаётся как кластер/показатель, например nevsky-exact/events-held")
            }
            guard value >= 0, value.isFinite else { throw ValidationError("--value: ожидается неотрицательное число") }
        }

        func run() async throws {
            try await reportingFailures {
                let parts = indicator.split(separator: "/").map(String.init)
                let (database, snapshot) = try await store.snapshot()
                guard let cluster = snapshot.district.cluster(parts[0]) else { throw Failure("неизвестный кластер «\(parts[0])»") }
                guard let plan = cluster.plan, plan.indicators.contains(where: { $0.id == parts[1] }) else {
                    throw Failure("в плане кластера \(cluster.id) нет показателя «\(parts[1])»")
                }
                guard let academicYear = AcademicYear(year), plan.years.contains(academicYear) else {
                    throw Failure("учебный год \(year) не входит в план кластера \(cluster.id)")
                }
                try await database.setIndicator(IndicatorValue(cluster: cluster.id, indicator: parts[1], year: academicYear, value: value))
                print("Записано: \(indicator) за \(year) = \(value.formatted())")
            }
        }
    }
}

extension Double {
    /// `3` rather than `3.0` for whole numbers.
    func formatted() -> String { rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
