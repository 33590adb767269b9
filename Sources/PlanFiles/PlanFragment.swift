import Foundation
import Planning

/// What one plan file contributes, before files are merged and cross-checked.
struct PlanFragment {
    var file: String
    var district: String?
    var methodicalCentre: (Coordinator, SourceLocation)?
    var timezone: (String, SourceLocation)?
    var schools: [(School, SourceLocation)] = []
    var venues: [(Venue, SourceLocation)] = []
    var clusters: [ParsedCluster] = []
    var calendar = CalendarFragment()
    var courses: [ParsedCourse] = []
}

/// A cluster with the places of everything that refers to another id.
struct ParsedCluster {
    var cluster: Cluster
    var location: SourceLocation
    var leadLocation: SourceLocation
    var memberLocations: [String: SourceLocation]
    var events: [ParsedEvent]
}

struct ParsedEvent {
    var event: PlannedEvent
    var location: SourceLocation
    var hostLocation: SourceLocation
    var participantLocations: [(String, SourceLocation)]
    var taskLocations: [(String, SourceLocation)]
    var timingLocation: SourceLocation
    var yearLocation: SourceLocation
}

struct ParsedCourse {
    var course: TrainingCourse
    var location: SourceLocation
    var schoolLocations: [(String, SourceLocation)]
    var clusterLocations: [(String, SourceLocation)]
    var eventLocations: [(EventID, SourceLocation)] = []
}

/// Calendar keys seen in one file; scalar keys may be set in one file only.
struct CalendarFragment {
    var scalars: [String: SourceLocation] = [:]
    var workingDays: Set<Weekday>?
    var defaultStart: TimeOfDay?
    var holidays: [(LocalDate, SourceLocation)] = []
    var vacations: [Vacation] = []
    var busy: [(BusyPeriod, SourceLocation)] = []
    var busyCalendars: [(BusyCalendar, SourceLocation)] = []
    var duringVacations: VacationPolicy?
    var preferredWeekdays: Set<Weekday>?
    var minimumGapDays: Int?
}

extension PlanFragment {
    /// Parses one file's text. `directory` resolves relative `ics:` paths.
    static func parse(text: String, file: String, directory: String, reader: NodeReader) -> PlanFragment {
        var fragment = PlanFragment(file: file)
        let items = ListItemReader(file: file)
        let root: YAMLNode
        do {
            guard let node = try YAMLNode.compose(text, limit: InputLimits.expandedDocumentBytes, handingOff: ListItemReader.keys,
                                                  to: items.read) else {
                reader.report(at: SourceLocation(file: file, line: 1, column: 1), "файл пуст")
                return fragment
            }
            root = node
        } catch {
            reader.report(at: SourceLocation(file: file, line: error.mark.line, column: error.mark.column), error.pastLimit
                          ? "файл плана после раскрытия ссылок YAML (&якорь/*ссылка) больше \(InputLimits.expandedDocumentBytes >> 20) МБ"
                          : "ошибка YAML: \(error.message)")
            return fragment
        }
        let read = items.finish()
        guard let top = reader.mapping(root, "файл плана", allowed: PlanFileKeys.top, required: ["version"]) else {
            return fragment
        }
        reader.report(read.diagnostics)
        if let version = top["version"], let v = reader.int(version, "version", in: 0...Int.max), v != 1 {
            reader.report(version, "version: поддерживается только версия 1, а не \(v)")
        }
        fragment.district = top.string("district")
        if let node = top["methodical_centre"], let contact = parseContact(node, "methodical_centre", reader: reader) {
            fragment.methodicalCentre = (contact, reader.location(of: node))
        }
        if let tz = top.string("timezone") { fragment.timezone = (tz, top.location("timezone")) }
        // The items of `schools` and `clusters` were read while the file was composed (unless the
        // list is an alias), without the district, which may come later in the file.
        if let node = top["schools"] {
            let list = reader.sequence(node, "schools")
            let schools = read.given["schools"] == list.count ? read.schools
                : list.compactMap { parseSchool($0, reader: reader) }
            fragment.schools = schools.map { school, location in
                var school = school
                school.district = fragment.district
                return (school, location)
            }
        }
        if let node = top["venues"] {
            fragment.venues = reader.sequence(node, "venues").compactMap {
                parseVenue($0, district: fragment.district, reader: reader)
            }
        }
        if let node = top["clusters"] {
            let list = reader.sequence(node, "clusters")
            let clusters = read.given["clusters"] == list.count ? read.clusters
                : list.compactMap { parseCluster($0, reader: reader) }
            fragment.clusters = clusters.map { parsed in
                var parsed = parsed
                parsed.cluster.district = fragment.district
                return parsed
            }
        }
        if let node = top["calendar"] {
            fragment.calendar = parseCalendar(node, district: fragment.district, directory: directory, reader: reader)
        }
        if let node = top["courses"] {
            fragment.courses = reader.sequence(node, "courses").compactMap { parseCourse($0, reader: reader) }
        }
        return fragment
    }

    /// Without the district, which the caller sets (it may come later in the file).
    static func parseSchool(_ node: YAMLNode, reader: NodeReader) -> (School, SourceLocation)? {
        guard let f = reader.mapping(node, "school", allowed: PlanFileKeys.school, required: ["id", "name"]),
              let id = f.id("id"), let name = f.string("name") else { return nil }
        var school = School(id: id, name: name, district: nil)
        if f["kind"] != nil { school.kind = f.enum("kind", SchoolKind.self) ?? .other }
        school.address = f.string("address")
        if f["contingent"] != nil { school.contingent = f.enum("contingent", Contingent.self) }
        return (school, reader.location(of: f["id"] ?? node))
    }

    private static func parseVenue(_ node: YAMLNode, district: String?, reader: NodeReader) -> (Venue, SourceLocation)? {
        guard let f = reader.mapping(node, "venue", allowed: PlanFileKeys.venue, required: ["id", "name"]),
              let id = f.id("id"), let name = f.string("name") else { return nil }
        if id == PlannedEvent.online {
            reader.report(at: f.location("id"), "venues: id «\(id)» занят: так обозначаются онлайн-мероприятия (host: online)")
            return nil
        }
        return (Venue(id: id, name: name, address: f.string("address"), district: district), reader.location(of: f["id"] ?? node))
    }

    /// Without the district, as `parseSchool`.
    static func parseCluster(_ node: YAMLNode, reader: NodeReader) -> ParsedCluster? {
        guard let f = reader.mapping(node, "cluster", allowed: PlanFileKeys.cluster,
                                     required: ["id", "title", "lead", "members"]),
              let id = f.id("id"), let title = f.string("title"), let lead = f.string("lead") else { return nil }
        var memberLocations: [String: SourceLocation] = [:]
        var members: [String] = []
        for (member, memberNode) in f["members"].map({ reader.stringList($0, "clusters.\(id).members") }) ?? [] {
            if memberLocations[member] != nil {
                reader.report(memberNode, "кластер \(id): школа \(member) указана в members дважды")
                continue
            }
            members.append(member)
            memberLocations[member] = reader.location(of: memberNode)
        }
        var cluster = Cluster(id: id, title: title, district: nil, profile: f.string("profile"), lead: lead,
                              members: members)
        if let c = f["coordinator"] { cluster.coordinator = parseContact(c, "clusters.\(id).coordinator", reader: reader) }
        if let p = f["privacy"], let pf = reader.mapping(p, "clusters.\(id).privacy", allowed: PlanFileKeys.privacy) {
            cluster.privacy = ClusterPrivacy(contactPrivate: pf.enum("contact", PrivacyChoice.self) == .private,
                                             notesPrivate: pf.enum("notes", PrivacyChoice.self) == .private)
        }
        var events: [ParsedEvent] = []
        if let p = f["plan"] {
            let parsed = parsePlan(p, cluster: cluster, reader: reader)
            cluster.plan = parsed?.plan
            events = parsed?.events ?? []
        }
        return ParsedCluster(cluster: cluster, location: reader.location(of: f["id"] ?? node),
                             leadLocation: f.location("lead"), memberLocations: memberLocations, events: events)
    }

    /// `{name: …, email: …}`; the address must be one a calendar can write as ORGANIZER.
    private static func parseContact(_ node: YAMLNode, _ what: String, reader: NodeReader) -> Coordinator? {
        guard let f = reader.mapping(node, what, allowed: PlanFileKeys.coordinator, required: ["name"]),
              let name = f.string("name") else { return nil }
        var email = f.string("email")
        if let address = email, let problem = emailProblem(address) {
            reader.report(at: f.location("email"), "\(what).email: «\(address.excerpt())» — \(problem)")
            email = nil
        }
        return Coordinator(name: name, email: email)
    }

    private static func parsePlan(_ node: YAMLNode, cluster: Cluster, reader: NodeReader) -> (plan: WorkPlan, events: [ParsedEvent])? {
        let what = "clusters.\(cluster.id).plan"
        guard let f = reader.mapping(node, what, allowed: PlanFileKeys.plan, required: ["years", "goal"]) else { return nil }
        let years = (f["years"].map { reader.sequence($0, "\(what).years") } ?? []).compactMap {
            reader.academicYear($0, "\(what).years")
        }
        var plan = WorkPlan(years: years, theme: f.string("theme"), goal: f.string("goal") ?? "")
        var taskIDs: Set<String> = []
        for item in f["tasks"].map({ reader.sequence($0, "\(what).tasks") }) ?? [] {
            guard let t = reader.mapping(item, "\(what).tasks", allowed: PlanFileKeys.task, required: ["id", "text"]),
                  let id = t.id("id"), let text = t.string("text") else { continue }
            if !taskIDs.insert(id).inserted {
                reader.report(item, "кластер \(cluster.id): задача \(id) повторяется")
                continue
            }
            plan.tasks.append(PlanTask(id: id, text: text))
        }
        for item in f["directions"].map({ reader.sequence($0, "\(what).directions") }) ?? [] {
            guard let d = reader.mapping(item, "\(what).directions", allowed: PlanFileKeys.direction, required: ["id", "title"]),
                  let id = d.id("id"), let title = d.string("title") else { continue }
            let items = d["items"].map { reader.stringList($0, "\(what).directions.\(id).items").map(\.0) } ?? []
            plan.directions.append(Direction(id: id, title: title, items: items))
        }
        for item in f["indicators"].map({ reader.sequence($0, "\(what).indicators") }) ?? [] {
            guard let i = reader.mapping(item, "\(what).indicators", allowed: PlanFileKeys.indicator, required: ["id", "title"]),
                  let id = i.id("id"), let title = i.string("title") else { continue }
            let range = InputLimits.indicatorValue
            let expected = "ожидается число от 0 до \(Int(range.upperBound))"
            let bounded: (String) -> Double? = { Double($0).flatMap { range.contains($0) ? $0 : nil } }
            let target = i.parsed("target", expected: expected, bounded)
            var targets: [AcademicYear: Double] = [:]
            if let node = i["targets"] {
                if case .mapping(let byYear, _) = node {
                    for (yearNode, value) in byYear {
                        let place = "\(what).indicators.\(id).targets"
                        guard let year = reader.academicYear(yearNode, place),
                              let n = reader.parsed(value, place, expected: expected, bounded) else { continue }
                        if !years.contains(year) { reader.report(yearNode, "\(place): \(year) не входит в years плана") }
                        targets[year] = n
                    }
                } else {
                    reader.report(node, "\(what).indicators.\(id).targets: ожидается словарь {2019/2020: 4, 2020/2021: 4}")
                }
            }
            plan.indicators.append(Indicator(id: id, title: title, target: target, targets: targets, unit: i.string("unit")))
        }
        var events: [ParsedEvent] = []
        var numbers: Set<Int> = []
        for item in f["events"].map({ reader.sequence($0, "\(what).events") }) ?? [] {
            guard let event = parseEvent(item, cluster: cluster, reader: reader) else { continue }
            if !numbers.insert(event.event.number).inserted {
                reader.report(at: event.location, "кластер \(cluster.id): мероприятие № \(event.event.number) повторяется")
                continue
            }
            events.append(event)
        }
        events.sort { $0.event.number < $1.event.number }
        plan.events = events.map(\.event)
        return (plan, events)
    }

    private static func parseEvent(_ node: YAMLNode, cluster: Cluster, reader: NodeReader) -> ParsedEvent? {
        guard var f = reader.mapping(node, "мероприятие кластера \(cluster.id)", allowed: PlanFileKeys.event,
                                     required: ["number", "year", "format", "title", "host"]),
              let number = f.int("number", in: InputLimits.eventNumber) else { return nil }
        let id = EventID(cluster: cluster.id, number: number)
        let what = "мероприятие \(id)"
        f.what = what
        let year = f["year"].flatMap { reader.academicYear($0, "\(what).year") }
        let format = f.enum("format", EventFormat.self)
        let title = f.string("title")
        let host = f.string("host")
        let start = f.parsed("start", expected: "ожидается время ЧЧ:ММ") { TimeOfDay($0) }
        let duration = f.parsed("duration", expected: "ожидается длительность вида 2h, 90m, 1h30m") { parseDurationMinutes($0) }

        var timing: EventTiming?
        var timingKey = "month"
        let given = ["month", "date", "from"].filter { f[$0] != nil }
        if given.count > 1 {
            reader.report(node, "\(what): укажите что-то одно: month, date или from/to")
        } else if f["month"] != nil {
            timing = f.parsed("month", expected: "ожидается месяц ГГГГ-ММ") { YearMonth(iso: $0) }.map(EventTiming.month)
        } else if f["date"] != nil {
            timingKey = "date"
            timing = f.date("date").map(EventTiming.pinned)
        } else if f["from"] != nil || f["to"] != nil {
            timingKey = f["from"] != nil ? "from" : "to"
            if let from = f.date("from"), let to = f.date("to") {
                if to < from { reader.report(at: f.location("to"), "\(what): to раньше from") } else { timing = .window(from: from, to: to) }
            } else if f["from"] == nil || f["to"] == nil {
                reader.report(node, "\(what): окно задаётся парой from и to")
            }
        } else {
            reader.report(node, "\(what): нет срока — укажите month, date или from/to")
        }
        let participants = f["participants"].map { reader.stringList($0, "\(what).participants") }
        let tasks = f["tasks"].map { reader.stringList($0, "\(what).tasks") } ?? []
        var link = f.string("link")
        if let given = link, let problem = linkProblem(given) {
            reader.report(at: f.location("link"), "\(what).link: «\(given.excerpt())» — \(problem)")
            link = nil
        } else if host == PlannedEvent.online, link == nil, f["link"] == nil {
            reader.report(at: f.location("host"), "\(what): онлайн-мероприятию (host: online) нужна ссылка link: https://…")
        }
        guard let year, let format, let title, let host, let timing else { return nil }
        let event = PlannedEvent(id: id, year: year, format: format, title: title, purpose: f.string("purpose"),
                                 timing: timing, start: start, durationMinutes: duration, host: host,
                                 participants: participants?.map(\.0) ?? cluster.members, tasks: tasks.map(\.0),
                                 link: link)
        return ParsedEvent(event: event, location: reader.location(of: f["number"] ?? node),
                           hostLocation: f.location("host"),
                           participantLocations: (participants ?? []).map { ($0.0, reader.location(of: $0.1)) },
                           taskLocations: tasks.map { ($0.0, reader.location(of: $0.1)) },
                           timingLocation: f.location(timingKey), yearLocation: f.location("year"))
    }

    private static func parseCalendar(_ node: YAMLNode, district: String?, directory: String, reader: NodeReader) -> CalendarFragment {
        var c = CalendarFragment()
        guard let f = reader.mapping(node, "calendar", allowed: PlanFileKeys.calendar) else { return c }
        for key in ["working_days", "default_start", "during_vacations", "preferred_weekdays", "min_gap_days"] where f[key] != nil {
            c.scalars[key] = f.location(key)
        }
        func weekdays(_ key: String) -> Set<Weekday>? {
            f[key].map { node in
                Set(reader.sequence(node, "calendar.\(key)").compactMap {
                    reader.parsed($0, "calendar.\(key)", expected: "дни недели: mon, tue, wed, thu, fri, sat, sun") {
                        Weekday(rawValue: $0)
                    }
                })
            }
        }
        c.workingDays = weekdays("working_days")
        c.preferredWeekdays = weekdays("preferred_weekdays")
        c.defaultStart = f.parsed("default_start", expected: "ожидается время ЧЧ:ММ") { TimeOfDay($0) }
        c.duringVacations = f.enum("during_vacations", VacationPolicy.self)
        c.minimumGapDays = f.int("min_gap_days", in: 0...366)
        for item in f["holidays"].map({ reader.sequence($0, "calendar.holidays") }) ?? [] {
            if let d = reader.date(item, "calendar.holidays") { c.holidays.append((d, reader.location(of: item))) }
        }
        for item in f["vacations"].map({ reader.sequence($0, "calendar.vacations") }) ?? [] {
            guard let v = reader.mapping(item, "calendar.vacations", allowed: PlanFileKeys.vacation, required: ["title", "from", "to"]),
                  let title = v.string("title"), let from = v.date("from"), let to = v.date("to") else { continue }
            if to < from { reader.report(at: v.location("to"), "каникулы «\(title)»: to раньше from"); continue }
            c.vacations.append(Vacation(title: title, from: from, to: to, district: district))
        }
        for item in f["busy"].map({ reader.sequence($0, "calendar.busy") }) ?? [] {
            guard let b = reader.mapping(item, "calendar.busy", allowed: PlanFileKeys.busy) else { continue }
            let school = b.string("school")
            let location = reader.location(of: b["school"] ?? item)
            if let ics = b.string("ics") {
                if b["from"] != nil || b["to"] != nil { reader.report(item, "calendar.busy: ics и from/to не сочетаются") }
                if let path = pathInside(directory, ics) {
                    c.busyCalendars.append((BusyCalendar(school: school, path: path), location))
                } else {
                    reader.report(at: b.location("ics"), "calendar.busy.ics: «\(ics.excerpt())» — файл должен лежать в папке плана "
                                  + "(путь относительно файла, без «..» наружу)")
                }
            } else if b["from"] == nil || b["to"] == nil {
                reader.report(item, "calendar.busy: нужны from и to (или ics)")
            } else if let from = b.date("from"), let to = b.date("to") {
                if to < from { reader.report(at: b.location("to"), "calendar.busy: to раньше from"); continue }
                c.busy.append((BusyPeriod(school: school, from: from, to: to, reason: b.string("reason")), location))
            }
        }
        return c
    }

    private static func parseCourse(_ node: YAMLNode, reader: NodeReader) -> ParsedCourse? {
        guard let f = reader.mapping(node, "course", allowed: PlanFileKeys.course, required: ["id", "title"]),
              let id = f.id("id"), let title = f.string("title") else { return nil }
        var course = TrainingCourse(id: id, title: title, provider: f.string("provider"))
        var schools: [(String, SourceLocation)] = []
        var clusters: [(String, SourceLocation)] = []
        for item in f["enrolments"].map({ reader.sequence($0, "courses.\(id).enrolments") }) ?? [] {
            guard let e = reader.mapping(item, "courses.\(id).enrolments", allowed: PlanFileKeys.enrolment,
                                         required: ["year", "school", "listeners"]),
                  let year = e["year"].flatMap({ reader.academicYear($0, "courses.\(id).enrolments.year") }),
                  let school = e.string("school"), let listeners = e.int("listeners") else { continue }
            course.enrolments.append(.init(year: year, school: school, teams: e.int("teams") ?? 1, listeners: listeners))
            schools.append((school, e.location("school")))
        }
        for item in f["targets"].map({ reader.sequence($0, "courses.\(id).targets") }) ?? [] {
            guard let t = reader.mapping(item, "courses.\(id).targets", allowed: PlanFileKeys.courseTarget,
                                         required: ["year", "listeners", "schools"]),
                  let year = t["year"].flatMap({ reader.academicYear($0, "courses.\(id).targets.year") }),
                  let listeners = t.int("listeners"), let count = t.int("schools") else { continue }
            let cluster = t.string("cluster")
            if let cluster { clusters.append((cluster, t.location("cluster"))) }
            course.targets.append(.init(year: year, listeners: listeners, schools: count, cluster: cluster))
        }
        var events: [(EventID, SourceLocation)] = []
        for (text, node) in f["events"].map({ reader.stringList($0, "courses.\(id).events") }) ?? [] {
            guard let event = EventID(text) else {
                reader.report(at: reader.location(of: node), "courses.\(id).events: «\(text)» — ожидается кластер/номер, например kirov-1/3")
                continue
            }
            course.events.append(event)
            events.append((event, reader.location(of: node)))
        }
        return ParsedCourse(course: course, location: f.location("id"), schoolLocations: schools, clusterLocations: clusters,
                            eventLocations: events)
    }
}
