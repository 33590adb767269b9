import ArgumentParser
import Foundation
import Planning

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Список мероприятий с датами и статусами.",
        discussion: "Фильтры сочетаются: --cluster nevsky-exact --year 2019/2020."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "Только мероприятия этого кластера.") var cluster: String?
    @Option(help: "Только мероприятия, где школа — площадка или участник.") var school: String?
    @Option(help: ArgumentHelp("Только этот учебный год.", valueName: "2019/2020")) var year: String?
    @Option(help: "Вид вывода.") var format: Format = .table
    @Option(help: "Язык заголовков и статусов.") var lang: OutputLanguage = .ru

    func validate() throws {
        if let year, AcademicYear(year) == nil { throw ValidationError("--year: ожидается учебный год вида 2019/2020, а не «\(year)»") }
    }

    func run() throws {
        try reportingFailures {
            let (_, snapshot) = try store.snapshot()
            if let cluster, snapshot.district.cluster(cluster) == nil { throw Failure("неизвестный кластер «\(cluster)»") }
            if let school, snapshot.district.school(school) == nil { throw Failure("неизвестная школа «\(school)»") }
            let rows = snapshot.events
                .filter { cluster == nil || $0.event.clusterID == cluster }
                .filter { school == nil || $0.event.host == school || $0.event.participants.contains(school!) }
                .filter { year == nil || $0.event.year.description == year }
                .map { EventListRow($0, calendar: snapshot.district.calendar, lang: lang) }
            print(render(rows), terminator: "")
        }
    }

    private func render(_ rows: [EventListRow]) -> String {
        switch format {
        case .table: return TextTable(header: EventListRow.header(lang), rows: rows.map(\.cells)).text
        case .csv: return ([EventListRow.keys] + rows.map(\.cells)).map { $0.map(csvQuoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(EventListRow.keys, $0.cells)) }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}

/// One event as the `events` command shows it.
struct EventListRow {
    var cells: [String]

    static let keys = ["id", "year", "date", "time", "status", "format", "host", "title", "sequence"]

    static func header(_ lang: OutputLanguage) -> [String] {
        switch lang {
        case .ru: ["№", "уч. год", "дата", "время", "статус", "формат", "площадка", "название", "вер."]
        case .en: ["id", "year", "date", "time", "status", "format", "host", "title", "seq"]
        }
    }

    init(_ e: EventSnapshot, calendar: DistrictCalendar, lang: OutputLanguage) {
        let when: String
        if let date = e.state.date {
            when = lang == .ru ? "\(date.weekday.russianShort) \(date.russian)" : "\(date.weekday.englishShort) \(date)"
        } else if case .month(let m) = e.event.timing {
            when = lang == .ru ? m.russian : m.english
        } else {
            when = "\(e.event.timing.firstDay)…\(e.event.timing.lastDay)"
        }
        let time = e.state.date == nil ? "" : (e.state.start ?? e.event.start ?? calendar.defaultStart).description
        cells = [e.id.description, e.event.year.description, when, time,
                 lang == .ru ? e.state.status.russian : e.state.status.english,
                 lang == .ru ? e.event.format.russian : e.event.format.english,
                 e.event.host, e.event.title, String(e.state.sequence)]
    }
}

/// A plain-text table with columns padded by character count (Cyrillic-safe); long titles are cut.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    var maxWidth = 60

    var text: String {
        // Terminal escapes and bidi overrides in a title must not reach the terminal; a cell is one line.
        let all = ([header] + rows).map { $0.map { $0.withoutControlCharacters.replacing("\n", with: " ") } }
        let widths = header.indices.map { i in min(maxWidth, all.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, w in
                let cut = cell.count > w ? String(cell.prefix(w - 1)) + "…" : cell
                return cut + String(repeating: " ", count: w - cut.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(all[0]), rule] + all.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
