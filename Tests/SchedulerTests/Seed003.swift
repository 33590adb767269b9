import Planning

/// Seed 003, the Nevsky cluster's 2019-2021 plan, built by hand until `plans/nevsky` and its loader land.
enum Seed003 {
    static let cluster = "nevsky-exact"
    static let members = ["344", "498", "329", "572", "331", "512", "625"]

    static func id(_ n: Int) -> EventID { EventID(cluster: cluster, number: n) }

    static func event(_ n: Int, _ format: EventFormat, _ month: String, host: String) -> PlannedEvent {
        let m = YearMonth(iso: month)!
        return PlannedEvent(id: id(n), year: AcademicYear(containing: m.firstDay), format: format,
                            title: "\(format.russian) №\(n)", timing: .month(m), host: host, participants: members)
    }

    static var events: [PlannedEvent] {
        [event(1, .conference, "2019-10", host: "344"), event(2, .seminar, "2019-12", host: "344"),
         event(3, .seminar, "2020-02", host: "498"), event(4, .roundTable, "2020-04", host: "344"),
         event(6, .conference, "2020-10", host: "344"), event(7, .workingMeeting, "2020-12", host: "344"),
         event(8, .roundTable, "2021-02", host: "498"), event(9, .conference, "2021-04", host: "344")]
    }

    static func district(events: [PlannedEvent] = events, busy: [BusyPeriod] = [], busyIntervals: [BusyInterval] = [],
                         preferences: SchedulingPreferences = SchedulingPreferences()) -> District {
        let plan = WorkPlan(years: [AcademicYear(startYear: 2019), AcademicYear(startYear: 2020)],
                            goal: "Организация работы кластера", events: events)
        let calendar = DistrictCalendar(publicHolidays: SyntheticDistrict.russianHolidays2019to2021,
                                        vacations: SyntheticDistrict.stPetersburgVacations, busy: busy,
                                        busyIntervals: busyIntervals, preferences: preferences)
        return District(name: "Невский район Санкт-Петербурга",
                        schools: members.map { School(id: $0, name: "ГБОУ № \($0)") },
                        clusters: [Cluster(id: cluster, title: "Использование результатов оценочных процедур",
                                           lead: "344", members: members, plan: plan)],
                        calendar: calendar)
    }
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
