import Foundation
import TestSupport
import Testing

/// `results import` and `grouping`: the results file into the store, then `cluster-schools`
/// without `--results` prints what it prints from the file.
@Suite struct ResultsCommandTests {
    @Test func storedResultsGiveTheSameClustersAsTheFile() throws {
        let store = try CommandLineStore()
        let file = Fixtures.url("clustering/kirov-2019.csv").path
        let first = try store.run("results", "import", file)
        #expect(first.status == 0)
        #expect(first.stdout == "\(file): результатов: новых 86, изменённых 0, без изменений 0\n")
        #expect(try store.run("results", "import", file).stdout == "\(file): результатов: новых 0, изменённых 0, без изменений 86\n")
        let bad = try store.run("results", "import", Fixtures.url("clustering/bad-rows.csv").path)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad-rows.csv:3:"))
        let fromFile = try store.run("cluster-schools", "--results", file, "--method", "2x2", "--year", "2019/2020")
        let fromStore = try store.run("cluster-schools", "--method", "2x2", "--year", "2019/2020")
        #expect(fromStore.status == 0)
        #expect(fromStore.stdout == fromFile.stdout)
        let grouping = try store.run("grouping", "--method", "2x2", "--year", "2019/2020")
        #expect(grouping.stdout == "Группировка № 1 (2x2, 2019/2020, все предметы): кластер 1 — 12, кластер 2 — 9, кластер 3 — 5, "
            + "кластер 4 — 17; пар 17, без пары 0.\n")
        #expect(try store.run("import", "plans").status == 0)
        let methodist = try store.run("report", "--year", "2020/2021", "--format", "md", "--support", "1")
        #expect(methodist.stdout.contains("## Адресная поддержка"))
        #expect(methodist.stdout.contains("| Кластер №1: сложный контингент, низкие результаты | 12 |"))
        #expect(!(try store.run("report", "--year", "2020/2021", "--format", "md").stdout.contains("Адресная поддержка")))
    }
}
