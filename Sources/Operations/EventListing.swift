import Planning
import Site
import Tabular

/// `events`: the events matching a query as a table (display strings), CSV (ISO dates and codes)
/// or JSON (the API's `EventJSON`, byte for byte as `/api/events` encodes it).
public enum EventListFormat: String, CaseIterable, Sendable { case table, csv, json }

public func listEvents(_ snapshot: DistrictSnapshot, query: EventQuery, format: EventListFormat, language: Language,
                       options: SiteOptions = SiteOptions()) throws -> String {
    let events: [EventSnapshot]
    do throws(UnknownID) { events = try query.events(in: snapshot) } catch { throw Failure(error.description) }
    let calendar = snapshot.district.calendar
    switch format {
    case .table:
        return TextTable(header: tableHeader(language), rows: events.map { tableRow($0, calendar: calendar, language: language) },
                         rule: true, maxWidth: 60).text
    case .csv:
        return ([csvKeys] + events.map { csvRow($0, calendar: calendar) }).map(csvRecord).joined()
    case .json:
        let objects = EventJSON.all(events, district: snapshot.district, options: options)
        return String(decoding: try SiteJSON.encode(objects), as: UTF8.self) + "\n"
    }
}

private func tableHeader(_ language: Language) -> [String] {
    switch language {
    case .ru: ["№", "учебный год", "дата", "время", "статус", "формат", "площадка", "название", "версия"]
    case .en: ["id", "year", "date", "time", "status", "format", "host", "title", "seq"]
    }
}

private func tableRow(_ e: EventSnapshot, calendar: DistrictCalendar, language: Language) -> [String] {
    let when: String
    if let date = e.state.date {
        when = language.pick("\(date.weekday.russianShort) \(date.russian)", "\(date.weekday.englishShort) \(date)")
    } else if case .month(let m) = e.event.timing {
        when = language.pick(m.russian, m.english)
    } else {
        when = "\(e.event.timing.firstDay)…\(e.event.timing.lastDay)"
    }
    return [e.id.description, e.event.year.description, when, e.start(defaultStart: calendar.defaultStart)?.description ?? "",
            language.pick(e.state.status.russian, e.state.status.english),
            language.pick(e.event.format.russian, e.event.format.english),
            e.event.host, e.event.title, String(e.state.sequence)]
}

private let csvKeys = ["id", "year", "from", "to", "date", "start", "end", "status", "format", "host", "title", "sequence"]

private func csvRow(_ e: EventSnapshot, calendar: DistrictCalendar) -> [String] {
    [e.id.description, e.event.year.description, e.event.timing.firstDay.description, e.event.timing.lastDay.description,
     e.state.date?.description ?? "", e.start(defaultStart: calendar.defaultStart)?.description ?? "",
     e.end(defaultStart: calendar.defaultStart)?.description ?? "", e.state.status.rawValue, e.event.format.rawValue,
     e.event.host, e.event.title, String(e.state.sequence)]
}
