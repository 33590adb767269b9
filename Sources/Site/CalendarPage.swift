import Planning

extension SitePaths {
    /// The school list and its search (`?q=`); a static copy serves the whole list there.
    public static let schools = "/schools"
    /// `/calendar/2019-2020`; without a year, the server picks the current one.
    public static func calendar(_ year: AcademicYear? = nil) -> String { "/calendar" + yearSegment(year) }
    public static func clusterCalendar(_ id: String, _ year: AcademicYear? = nil) -> String {
        cluster(id) + "/calendar" + yearSegment(year)
    }
    public static func schoolCalendar(_ id: String, _ year: AcademicYear? = nil) -> String {
        school(id) + "/calendar" + yearSegment(year)
    }
    private static func yearSegment(_ year: AcademicYear?) -> String { year.map { "/\($0.startYear)-\($0.startYear + 1)" } ?? "" }
}

extension SiteContent {
    /// The year at a glance of a cluster, a school or one district (every district: `.district(nil)`).
    /// `marks`: what a schedule preview says about events (build the content from a snapshot holding
    /// the proposed dates, and mark the moved ones).
    public func yearCalendar(_ scope: CalendarScope, year: AcademicYear,
                             marks: [EventID: CalendarMark] = [:]) throws(SiteError) -> YearCalendar {
        let (events, districtName, busy) = try calendarInputs(scope)
        return YearCalendar(year: year, events: events, calendar: district.calendar, district: districtName, busySchools: busy,
                            clusterTitles: clusters.mapValues(\.title), marks: marks)
    }

    /// The academic years a scope's calendar offers: its plans' and events' years (every year when it has none).
    public func calendarYears(_ scope: CalendarScope) throws(SiteError) -> [AcademicYear] {
        let years: Set<AcademicYear>
        switch scope {
        case .district(nil): return snapshot.years
        case .district(let name?):
            let own = district.clusters.filter { districtName(of: $0) == name }
            years = Set(own.flatMap { $0.plan?.years ?? [] } + own.flatMap { snapshot.events(inCluster: $0.id).map(\.event.year) })
        case .cluster(let id):
            guard let cluster = clusters[id] else { throw .unknownCluster(id) }
            years = Set((cluster.plan?.years ?? []) + snapshot.events(inCluster: id).map(\.event.year))
        case .school(let id):
            guard schools[id] != nil else { throw .unknownSchool(id) }
            years = Set(snapshot.events(forSchool: id).map(\.event.year))
        }
        return years.isEmpty ? snapshot.years : years.sorted()
    }

    /// The year a calendar opens on: the first one not yet over on `today`, else the last.
    public func calendarYear(_ scope: CalendarScope = .district(nil), today: LocalDate) -> AcademicYear? {
        guard let years = try? calendarYears(scope) else { return nil }
        return years.first { $0.lastDay >= today } ?? years.last
    }

    /// The calendar page; `year` nil: the one `calendarYear` picks. A year the scope does not cover is a 404.
    /// `preview`: a schedule preview's calendar in the workspace, with its own year links and way back.
    public func calendarPage(_ scope: CalendarScope, year: AcademicYear?, today: LocalDate,
                             marks: [EventID: CalendarMark] = [:], preview: CalendarPreview? = nil) throws(SiteError) -> String {
        let years = try calendarYears(scope)
        guard let year = year ?? calendarYear(scope, today: today) else { throw .unknownYear("") }
        guard years.contains(year) else { throw .unknownYear("\(year.startYear)-\(year.startYear + 1)") }
        let heading = (preview == nil ? "Календарь" : "Предпросмотр расписания: календарь") + " на \(RussianDates.year(year))"
        let subtitle: String
        var back: Link?, link: (AcademicYear) -> String
        var grids: [CalendarGrid] = []
        switch scope {
        case .cluster(let id):
            subtitle = clusters[id]?.title ?? id
            back = Link(href: options.href(SitePaths.cluster(id)), name: "Страница кластера", isLead: false)
            link = { SitePaths.clusterCalendar(id, $0) }
            grids = [try grid(scope, year: year, gridTitle: nil, anchor: "calendar", marks: marks)]
        case .school(let id):
            subtitle = schoolName(id)
            back = Link(href: options.href(SitePaths.school(id)), name: "Страница школы", isLead: false)
            link = { SitePaths.schoolCalendar(id, $0) }
            grids = [try grid(scope, year: year, gridTitle: nil, anchor: "calendar", marks: marks)]
        case .district(let only):
            subtitle = only ?? "Все районы"
            back = Link(href: options.href("/"), name: "На главную", isLead: false)
            link = { SitePaths.calendar($0) }
            // One grid per district, each with its own vacations; districts with nothing that year are left out.
            for (index, name) in districtNames.enumerated() where only == nil || only == name {
                guard (try? calendarYears(.district(name)))?.contains(year) == true || districtNames.count == 1 else { continue }
                grids.append(try grid(.district(name), year: year, gridTitle: districtNames.count > 1 ? name : nil,
                                      anchor: districtAnchor(index), marks: marks))
            }
        }
        if let preview {
            back = Link(href: options.href(preview.back), name: "Вернуться к предпросмотру", isLead: false)
            link = preview.year
        }
        return pages.render("calendar", CalendarPageModel(
            title: "\(heading): \(subtitle)", home: options.href("/"), timezone: district.timezone,
            heading: heading, subtitle: subtitle, back: back,
            years: years.map { .init(href: options.href(link($0)), title: $0.description, current: $0 == year) },
            grids: grids))
    }

    private func grid(_ scope: CalendarScope, year: AcademicYear, gridTitle: String?, anchor: String,
                      marks: [EventID: CalendarMark]) throws(SiteError) -> CalendarGrid {
        let calendar = try yearCalendar(scope, year: year, marks: marks)
        let showCluster: Bool = if case .cluster = scope { false } else { true }
        func cell(_ item: YearCalendar.Item, departed: Bool) -> CalendarGrid.CellEvent {
            var classes = ["ev"]
            if item.cancelled { classes.append("cancelled") }
            switch item.mark {
            case .moved?: classes.append("moved")
            case .added?: classes.append("added")
            case nil: break
            }
            if departed { classes = ["ev", "was"] }
            let time = item.start.map { ", \($0)" } ?? ""
            let cluster = showCluster ? " (\(item.clusterTitle))" : ""
            return .init(href: options.href(SitePaths.event(item.id)), label: "\(item.id.number)",
                         title: "№ \(item.id.number). \(item.format): \(item.title)\(time)\(cluster)\(departed ? " — перенесено отсюда" : "")",
                         classes: classes.joined(separator: " "))
        }
        let shades = Set(calendar.months.flatMap { $0.days.flatMap(\.shades) })
        return CalendarGrid(
            gridTitle: gridTitle, anchor: anchor, dayNumbers: Array(1...31),
            months: calendar.months.map { month in
                .init(name: RussianDates.month(month.month),
                      pad: Array(repeating: 0, count: month.month.firstDay.weekday.index),
                      cells: month.days.map { day in
                          .init(day: day.date.day, iso: day.date.description,
                                classes: (["day"] + day.shades.map(\.rawValue)).joined(separator: " "),
                                note: day.notes.isEmpty ? nil : RussianDates.long(day.date) + " — " + day.notes.joined(separator: ", "),
                                events: day.events.map { cell($0, departed: false) },
                                departed: day.departed.map { cell($0, departed: true) })
                      },
                      blanks: Array(repeating: 0, count: 31 - month.days.count))
            },
            legend: YearCalendar.Shade.allCases.filter(shades.contains).map { CalendarGrid.LegendItem(css: $0.rawValue, text: $0.russian) }
                + (marks.isEmpty ? [] : [CalendarGrid.LegendItem(css: "moved", text: "перенесённое мероприятие")]),
            hasEvents: !calendar.items.isEmpty,
            list: calendar.items.map { date, item in
                let mark: String? = switch item.mark {
                case .moved(let from?)?: "перенесено с \(RussianDates.day(from))"
                case .moved(nil)?: "получит дату"
                case .added?: "новое"
                case nil: nil
                }
                return .init(date: RussianDates.long(date), href: options.href(SitePaths.event(item.id)), number: item.id.number,
                             format: item.format, title: item.title, showCluster: showCluster, clusterTitle: item.clusterTitle,
                             cancelled: item.cancelled, mark: mark)
            })
    }

    /// The events, the district whose vacations apply and whose busy days count, per scope.
    private func calendarInputs(_ scope: CalendarScope) throws(SiteError) -> ([EventSnapshot], String?, Set<String>?) {
        switch scope {
        case .district(nil):
            return (snapshot.events, nil, nil)
        case .district(let name?):
            let own = Set(district.clusters.filter { districtName(of: $0) == name }.map(\.id))
            return (snapshot.events.filter { own.contains($0.event.clusterID) }, name, nil)
        case .cluster(let id):
            guard let cluster = clusters[id] else { throw .unknownCluster(id) }
            return (snapshot.events(inCluster: id), districtName(of: cluster), Set(cluster.members + [cluster.lead]))
        case .school(let id):
            guard let school = schools[id] else { throw .unknownSchool(id) }
            return (snapshot.events(forSchool: id), districtName(of: school), [id])
        }
    }
}

// Read by the templates through reflection: field names are template keys.

/// Where a previewed calendar's links go: back to the preview, and each year's preview calendar.
public struct CalendarPreview {
    public var back: String
    public var year: (AcademicYear) -> String
    public init(back: String, year: @escaping (AcademicYear) -> String) { self.back = back; self.year = year }
}

struct CalendarPageModel {
    struct YearLink { var href: String; var title: String; var current: Bool }

    var title: String
    var home: String
    var timezone: String
    var heading: String
    var subtitle: String
    var back: Link?
    var years: [YearLink]
    var grids: [CalendarGrid]
    /// The page uses the whole window: 31 day columns.
    var wide = true
}

/// One year's table: a row per month, a column per day number; on narrow screens each month wraps
/// into weeks, `pad` holding the empty cells before the first (Monday-first).
struct CalendarGrid {
    struct CellEvent { var href: String; var label: String; var title: String; var classes: String }
    struct Cell {
        var day: Int
        var iso: String
        var classes: String
        var note: String?
        var events: [CellEvent]
        var departed: [CellEvent]
    }
    struct MonthRow { var name: String; var pad: [Int]; var cells: [Cell]; var blanks: [Int] }
    struct LegendItem { var css: String; var text: String }
    struct ListItem {
        var date: String
        var href: String
        var number: Int
        var format: String
        var title: String
        var showCluster: Bool
        var clusterTitle: String
        var cancelled: Bool
        var mark: String?
    }

    /// The district's name when the page has a grid per district (not `title`: Mustache would find the page's).
    var gridTitle: String?
    var anchor: String
    var dayNumbers: [Int]
    var months: [MonthRow]
    var legend: [LegendItem]
    var hasEvents: Bool
    var list: [ListItem]
}
