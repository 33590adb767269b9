import TestSupport
import Testing

/// ArgumentParser's own messages as a user sees them: Russian, with "did you mean".
@Suite struct ArgumentMessagesTests {
    func firstLine(_ arguments: [String]) throws -> (Int32, String) {
        let run = try CommandLineRun.clusterplan(arguments)
        return (run.status, String(run.stderr.split(separator: "\n").first ?? ""))
    }

    @Test(arguments: [
        (["evnets"], "ошибка: неизвестная команда «evnets»; может быть, «events»? (команды: import, validate, events, record, "
            + "indicator, schedule, export, report, cluster-schools, serve, publish, backup, restore, convert, workplan, next-cycle, material, user, privacy, results, grouping, migrate)"),
        (["events", "--clster", "x"], "ошибка: неизвестный параметр «--clster»; может быть, «--cluster»?"),
        (["events", "--cluster"], "ошибка: нет значения для «--cluster <cluster>»"),
        (["events", "extra"], "ошибка: лишний аргумент «extra»"),
        (["events", "--format", "xml"], "ошибка: недопустимое значение «xml» для «--format <format>»; допустимо: table, csv, json"),
        (["record"], "ошибка: не указан обязательный аргумент «<cluster/number>»"),
        (["record", "nevsky-exact/1"], "ошибка: укажите ровно одно: --held, --cancelled или --postponed"),
    ])
    func usageErrorsAreRussian(arguments: [String], expected: String) throws {
        let (status, line) = try firstLine(arguments)
        #expect(status == 64)
        #expect(line == expected)
    }

    @Test func helpHeadingsAreRussian() throws {
        let help = try CommandLineRun.clusterplan(["events", "--help"])
        #expect(help.status == 0)
        for heading in ["ОПИСАНИЕ:", "ИСПОЛЬЗОВАНИЕ:", "ПАРАМЕТРЫ:", "Показать эту справку.", "(значения: table, csv, json; по умолчанию: table)"] {
            #expect(help.stdout.contains(heading), "\(heading)")
        }
        #expect(!help.stdout.contains("OPTIONS:"))
    }
}
