import ArgumentParser
import Clustering
import Operations
import Planning
import SQLiteStore
import Store

extension ClusteringMethod: ExpressibleByArgument {}
extension ClusterSchoolsRequest.Format: ExpressibleByArgument {}

struct ClusterSchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-schools",
        abstract: "Сформировать кластеры школ по результатам оценочных процедур.",
        discussion: """
        Метод ci (опыт Невского района): результат ОО с 95%-ным доверительным интервалом против значения района — \
        ниже, в пределах, выше интервала. Метод 2x2 (опыт Кировского района): контингент сложный/благополучный \
        × результаты низкие/высокие, кластеры №1-4. Школам с низкими результатами подбираются опорные площадки \
        со схожим контингентом. С --out пишет файл плана (контракт v1) с кластерами; пороги, рекомендации и пары — \
        комментариями в нём; существующий файл перезаписывается только с --force. Рекомендации встроены; \
        --recommendations DIR берёт свои (*.yaml). Без --results читает результаты, сохранённые в базе \
        командой clusterplan results import. Столбцы CSV: school, assessment, subject, grade, year, students, mean [sd] или success; \
        по желанию name, kind, contingent, special_needs, non_native, social_risk.
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "CSV с результатами по школам; без него — результаты из базы (clusterplan results import).")
    var results: String?

    @Option(help: "Метод: ci или 2x2.")
    var method: ClusteringMethod

    @Option(help: "Только этот предмет (например, «математика»).")
    var subject: String?

    @Option(help: ArgumentHelp("Учебный год результатов; по умолчанию последний в файле.", valueName: "2019/2020"))
    var year: AcademicYear?

    @Option(name: .customLong("previous-year"), help: "Сравнить с этим годом: кто перешёл в другую группу.")
    var previousYear: AcademicYear?

    @Option(help: ArgumentHelp("Записать файл плана с кластерами сюда (без --out ничего не пишется).", valueName: "file"))
    var out: String?

    @Flag(help: "Перезаписать существующий файл --out.")
    var force = false

    @Option(help: "Что напечатать: table, csv или json.")
    var format: ClusterSchoolsRequest.Format = .table

    @Option(help: "Название района для файла плана; по умолчанию имя CSV-файла.")
    var district: String?

    @Option(help: ArgumentHelp("Свой каталог с рекомендациями (*.yaml) вместо встроенных.", valueName: "dir"))
    var recommendations: String?

    @OptionGroup var grouping: GroupingOptions

    func run() async throws {
        try await reportingFailures {
            var request = ClusterSchoolsRequest(results: results ?? "база", method: method)
            request.subject = subject
            request.year = year
            request.previousYear = previousYear
            request.out = out
            request.force = force
            request.format = format
            request.district = district
            request.recommendations = recommendations
            request.capacity = grouping.capacity
            request.options = grouping.options
            let outcome = if results != nil {
                try clusterSchools(request)
            } else {
                try clusterSchools(request, rows: try await store.open().results())
            }
            print(outcome.output, terminator: "")
            if !outcome.note.isEmpty { printError(outcome.note) }
        }
    }
}

/// The pairing capacity and the thresholds: `cluster-schools` and `grouping` take the same.
struct GroupingOptions: ParsableArguments {
    @Option(help: "Сколько школ-подопечных на одну опорную площадку.")
    var capacity: Int = 3

    @Option(name: .customLong("min-students"), help: "Работы, где участников меньше, не учитываются.")
    var minStudents: Int = 10

    @Option(name: .customLong("result-threshold"), help: "2x2: результаты низкие ниже этого процента от значения района.")
    var resultThreshold: Double = 100

    @Option(name: .customLong("contingent-threshold"),
            help: "2x2 без отметки contingent: сложный, если средняя доля маркеров не ниже этого процента.")
    var contingentThreshold: Double = 20

    func validate() throws {
        guard capacity >= 1 else { throw ValidationError("--capacity должно быть не меньше 1") }
        guard minStudents >= 1 else { throw ValidationError("--min-students должно быть не меньше 1") }
        guard resultThreshold.isFinite, contingentThreshold.isFinite else { throw ValidationError("пороги должны быть числами") }
    }

    var options: ClassificationOptions {
        ClassificationOptions(minStudents: minStudents, resultThreshold: resultThreshold / 100, contingentThreshold: contingentThreshold / 100)
    }
}
