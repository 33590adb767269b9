import Foundation
import Planning
import TestSupport

/// The seed plans as snapshots, written out from seeds 003 and 001 until the plan files land.
enum Seeds {
    static let y2019 = AcademicYear(startYear: 2019)
    static let y2020 = AcademicYear(startYear: 2020)

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    // MARK: Seed 003: the Nevsky cluster plan 2019-2021

    static let nevskyMembers = ["344", "498", "329", "572", "331", "512", "625"]

    static func nevskyDistrict(schoolName: (String) -> String = { "ГБОУ № \($0)" }) -> District {
        let rows: [(Int, AcademicYear, EventFormat, String, String, String, [String])] = [
            (1, y2019, .conference, "Стартовая конференция «Кластерный подход как основа сетевого взаимодействия»", "2019-10", "344", ["T1"]),
            (2, y2019, .seminar, "Образовательный семинар «Модели использования результатов ОКО»", "2019-12", "344", ["T1", "T4"]),
            (3, y2019, .seminar, "Семинар по диссеминации опыта «Подходы к разработке инструментария»", "2020-02", "498", ["T2", "T3"]),
            (4, y2019, .roundTable, "Круглый стол «Проектирование модели использования результатов оценочных процедур»", "2020-04", "344", ["T4"]),
            (6, y2020, .conference, "Стартовая конференция «Внедрение модели»", "2020-10", "344", ["T4"]),
            (7, y2020, .workingMeeting, "Рабочая встреча «Реализация модели. Проблемы. Пути решения»", "2020-12", "344", ["T2"]),
            (8, y2020, .roundTable, "Круглый стол «Значение оценочных процедур»", "2021-02", "498", ["T3"]),
            (9, y2020, .conference, "Итоговая конференция «Анализ работы кластера»", "2021-04", "344", ["T1", "T4"]),
        ]
        let events = rows.map { number, year, format, title, m, host, tasks in
            PlannedEvent(id: EventID(cluster: "nevsky-exact", number: number), year: year, format: format, title: title,
                         timing: .month(month(m)), host: host, participants: nevskyMembers, tasks: tasks)
        }
        let plan = WorkPlan(
            years: [y2019, y2020],
            theme: "Система кластерного взаимодействия образовательных организаций Невского района Санкт-Петербурга",
            goal: "Организация работы кластера образовательных организаций Невского района как центра инноваций",
            tasks: [
                PlanTask(id: "T1", text: "Объединить педагогическое сообщество кластера"),
                PlanTask(id: "T2", text: "Разработать новые формы работы и форматы взаимодействия"),
                PlanTask(id: "T3", text: "Интегрировать опыт, возможности, знания и ресурсы участников"),
                PlanTask(id: "T4", text: "Разработать механизмы использования результатов оценочных процедур"),
            ],
            indicators: [
                Indicator(id: "events-held", title: "Проведено мероприятий", target: 4),
                Indicator(id: "participants", title: "Участников мероприятий", target: 100, unit: "чел."),
                Indicator(id: "schools-reached", title: "Школ охвачено", target: 7),
                Indicator(id: "trained", title: "Обучено педагогов", target: 10, unit: "чел."),
                Indicator(id: "share-passed", title: "Доля справившихся с ВПР", target: 75.5, unit: "%"),
            ],
            events: events)
        return District(
            name: "Невский район Санкт-Петербурга",
            schools: nevskyMembers.map { School(id: $0, name: schoolName($0)) },
            clusters: [Cluster(
                id: "nevsky-exact",
                title: "Использование результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин",
                lead: "344", members: nevskyMembers, plan: plan)])
    }

    /// Seed 003 with the outcomes of `Fixtures/reports/nevsky-outcomes.tsv` and two recorded indicators.
    static func nevskySnapshot(schoolName: (String) -> String = { "ГБОУ № \($0)" }) throws -> DistrictSnapshot {
        let district = nevskyDistrict(schoolName: schoolName)
        let text = try String(contentsOf: Fixtures.url("reports/nevsky-outcomes.tsv"), encoding: .utf8)
        var states: [EventID: EventState] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let status = EventStatus(rawValue: f[1])!
            let day = LocalDate(iso: f[2])
            let outcome = Outcome(
                heldOn: status == .held ? day : nil, participants: Int(f[3]),
                schools: f[4].split(separator: ";").map(String.init),
                note: status == .cancelled || f[5].isEmpty ? nil : f[5],
                cancellationReason: status == .cancelled ? f[5] : nil)
            states[EventID(f[0])!] = EventState(date: day, lastModified: 0, status: status, outcome: outcome)
        }
        return DistrictSnapshot(
            district: district,
            events: district.events.map { EventSnapshot(event: $0, state: states[$0.id] ?? EventState(lastModified: 0)) },
            indicatorValues: [
                IndicatorValue(cluster: "nevsky-exact", indicator: "trained", year: y2019, value: 12),
                IndicatorValue(cluster: "nevsky-exact", indicator: "share-passed", year: y2019, value: 71.25),
                IndicatorValue(cluster: "nevsky-exact", indicator: "trained", year: y2020, value: 3),
            ])
    }

    // MARK: Seed 001: the Kirov clusters and the in-school quality-assessment course

    static let kirovClusters: [(String, String, [String])] = [
        ("kirov-1", "Кластер №1: сложный контингент, низкие результаты",
         ["221", "240", "250", "251", "264", "277", "283", "377", "381", "501", "538", "608"]),
        ("kirov-2", "Кластер №2: сложный контингент, высокие результаты",
         ["2", "249", "254", "269", "378", "386", "392", "551", "585"]),
        ("kirov-3", "Кластер №3: благополучный контингент, низкие результаты", ["282", "379", "388", "503", "658"]),
        ("kirov-4", "Кластер №4: благополучный контингент, высокие результаты",
         ["223", "244", "248", "261", "274", "284", "387", "384", "389", "393", "397", "481", "493", "504", "506", "539", "654"]),
    ]

    /// 2019/2020 as in the seed. 2020/2021: one team of 3 listeners from each of the first
    /// `schools2020` schools of cluster 1, plus a team of 2 from school 282 of cluster 3.
    static func kirovSnapshot(schools2020: Int = 12) -> DistrictSnapshot {
        var enrolments: [TrainingCourse.Enrolment] = []
        for school in ["249", "254", "269", "386", "551", "585"] {
            enrolments.append(.init(year: y2019, school: school, teams: 1, listeners: 3))
        }
        for school in ["282", "503"] { enrolments.append(.init(year: y2019, school: school, teams: 1, listeners: 2)) }
        enrolments.append(.init(year: y2019, school: "389", teams: 1, listeners: 3))
        for school in kirovClusters[0].2.prefix(schools2020) {
            enrolments.append(.init(year: y2020, school: school, teams: 1, listeners: 3))
        }
        enrolments.append(.init(year: y2020, school: "282", teams: 1, listeners: 2))
        let course = TrainingCourse(
            id: "vsoko", title: "Внутришкольная система оценки качества образования", provider: "ИМЦ Кировского района",
            enrolments: enrolments, targets: [.init(year: y2020, listeners: 36, schools: 12, cluster: "kirov-1")])
        let district = District(
            name: "Кировский район Санкт-Петербурга",
            schools: kirovClusters.flatMap { $0.2 }.map { School(id: $0, name: $0 == "2" ? "ГБОУ школа-интернат № 2" : "ГБОУ СОШ № \($0)") },
            clusters: kirovClusters.map { Cluster(id: $0.0, title: $0.1, lead: $0.2[0], members: $0.2) },
            courses: [course])
        return DistrictSnapshot(district: district, events: [])
    }
}
