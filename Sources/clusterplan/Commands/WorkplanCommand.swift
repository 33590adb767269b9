import ArgumentParser
import Foundation
import Operations
import Planning
import Reports

extension WorkPlanFormat: ExpressibleByArgument {}

struct WorkplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workplan",
        abstract: "План работы кластера в том виде, как его пишет район (docx, html, md).",
        discussion: """
        Тема, название и годы, состав кластера, цель, задачи, направления и таблица мероприятий по \
        учебным годам: «Октябрь 2019», после назначения — «Октябрь 2019, 16.10». \
        «clusterplan convert» читает этот документ обратно в тот же план.
        Пример: clusterplan workplan --cluster nevsky-exact --format docx --out план.docx
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Id кластера.") var cluster: String
    @Option(help: "docx, html (для печати) или md.") var format: WorkPlanFormat
    @Option(help: "Файл; по умолчанию — стандартный вывод.") var out: String?

    func run() async throws {
        try await reportingFailures {
            let (_, snapshot) = try await store.snapshot()
            let data: Data
            do throws(WorkPlanError) {
                data = try renderWorkPlan(snapshot, cluster: cluster, as: format, today: localToday(in: snapshot.district.timezone))
            } catch {
                switch error {
                case .unknownCluster(let id): throw Failure("неизвестный кластер «\(id)»")
                case .noPlan(let id): throw Failure("у кластера «\(id)» нет плана работы (plan:)")
                case .render(let e): throw Failure("не удалось собрать документ: \(e)")
                }
            }
            try write(data, to: out)
            if let out { printError("План записан: \(out)") }
        }
    }
}
