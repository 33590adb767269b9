import Planning

/// Seed 003: the Nevsky cluster work plan 2019-2021 (`/work/shared/seeds/003_*.txt`), with example
/// dates, as a DistrictSnapshot. Built here until `plans/nevsky/*.yaml` exists in the repository.
enum Seed003 {
    static let districtName = "Невский район Санкт-Петербурга"
    static let clusterID = "nevsky-exact"
    static let clusterTitle = "Использование результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин"
    /// 2019-09-01T09:00:00Z
    static let imported: Int64 = 1_567_328_400

    static let tasks = [
        PlanTask(id: "T1", text: "Объединить педагогическое сообщество кластера для совместной аналитической и исследовательской деятельности"),
        PlanTask(id: "T2", text: "Разработать новые формы работы и форматы взаимодействия (сетевые проекты и программы, условия обмена образовательными результатами, средства для личностного и профессионального роста и др.)"),
        PlanTask(id: "T3", text: "Интегрировать опыт, возможности, знания и ресурсы участников кластера"),
        PlanTask(id: "T4", text: "Разработать механизмы использования результатов оценочных процедур для повышения информированности участников образовательных отношений"),
    ]

    static let schools = [
        School(id: "344", name: "ГБОУ лицей № 344 Невского района", district: districtName, kind: .lyceum,
               address: "Санкт-Петербург, ул. Тестовая, д. 1"),
        School(id: "498", name: "ГБОУ гимназия № 498 Невского района", district: districtName, kind: .gymnasium),
        School(id: "329", name: "ГБОУ лицей № 329", district: districtName, kind: .lyceum),
        School(id: "572", name: "ГБОУ СОШ № 572", district: districtName),
        School(id: "331", name: "ГБОУ СОШ № 331", district: districtName),
        School(id: "512", name: "ГБОУ СОШ № 512", district: districtName),
        School(id: "625", name: "ГБОУ СОШ № 625 с углубленным изучением математики", district: districtName),
    ]
    static let members = ["344", "498", "329", "572", "331", "512", "625"]

    /// (number, format, title, purpose, month, example date, host, tasks)
    static let rows: [(Int, EventFormat, String, String, String, String, String, [String])] = [
        (1, .conference, "Кластерный подход как основа сетевого взаимодействия образовательных организаций в процессе реализации программ точных и естественнонаучных дисциплин",
         "Знакомство участников кластерного взаимодействия, определение общих проблем на основе самообследования использования результатов оценочных процедур 2018-2019 уч. г., планирование работы кластера.",
         "2019-10", "2019-10-17", "344", ["T1"]),
        (2, .seminar, "Модели использования результатов оценки качества образования (ОКО) в области реализации точных и естественнонаучных дисциплин",
         "Исследование существующих моделей использования результатов оценочных процедур в области точных и естественнонаучных дисциплин и определение зон сетевого взаимодействия образовательных организаций кластера по данной проблеме.",
         "2019-12", "2019-12-12", "344", ["T1", "T2"]),
        (3, .seminar, "Подходы к разработке инструментария по оценке метапредметных результатов обучения",
         "Разработка механизмов использования положительного опыта по разработке инструментария для проведения оценочных процедур освоения метапредметных результатов учебных программ точных и естественнонаучных дисциплин.",
         "2020-02", "2020-02-13", "498", ["T3"]),
        (4, .roundTable, "Проектирование модели использования результатов оценочных процедур в процессе реализации программ точных и естественнонаучных дисциплин в системе кластерного взаимодействия",
         "Совместное проектирование модели использования результатов оценочных процедур участниками образовательных отношений кластера.",
         "2020-04", "2020-04-16", "344", ["T4"]),
        (6, .conference, "Внедрение модели использования результатов оценочных процедур в области точных и естественнонаучных дисциплин в работу кластера",
         "Определение путей реализации модели использования результатов оценочных процедур и механизмов определения ее эффективности в условиях кластерного подхода.",
         "2020-10", "2020-10-15", "344", ["T4"]),
        (7, .workingMeeting, "Реализация модели использования результатов оценочных процедур в области точных и естественнонаучных дисциплин. Проблемы. Пути решения. Эффективность.",
         "Обсуждение промежуточных результатов внедрения модели, определение проблем и путей их решения.\nРазработка инструментария для определения эффективности модели.",
         "2020-12", "2020-12-10", "344", ["T2", "T4"]),
        (8, .roundTable, "Значение оценочных процедур в формировании метапредметных результатов освоения учебных программ точных и естественнонаучных дисциплин",
         "Диссеминация опыта, его использование при сетевом взаимодействии.",
         "2021-02", "2021-02-11", "498", ["T3"]),
        (9, .conference, "Анализ работы кластера в сетевом взаимодействии по использованию результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин",
         "Анализ эффективности модели использования результатов оценочных процедур в области точных и естественнонаучных дисциплин, подготовка отчета о работе кластера.\nПланирование путей развития.",
         "2021-04", "2021-04-15", "344", ["T1", "T4"]),
    ]

    static var events: [PlannedEvent] {
        rows.map { number, format, title, purpose, month, _, host, tasks in
            let yearMonth = YearMonth(iso: month)!
            return PlannedEvent(id: EventID(cluster: clusterID, number: number),
                                year: AcademicYear(containing: yearMonth.firstDay), format: format, title: title,
                                purpose: purpose, timing: .month(yearMonth), host: host, participants: members,
                                tasks: tasks)
        }
    }

    static var cluster: Cluster {
        Cluster(id: clusterID, title: clusterTitle, district: districtName, lead: "344", members: members,
                coordinator: Coordinator(name: "Иванова Мария Петровна", email: "coordinator@example.org"),
                plan: WorkPlan(years: [AcademicYear(startYear: 2019), AcademicYear(startYear: 2020)],
                               goal: "Организация работы кластера образовательных организаций Невского района как центра инноваций",
                               tasks: tasks, events: events))
    }

    /// Every event scheduled on its example date at the default 15:00, imported once, never changed.
    static var snapshot: DistrictSnapshot {
        let district = District(name: districtName, schools: schools, clusters: [cluster])
        let states = rows.map { row in
            EventState(date: LocalDate(iso: row.5), sequence: 0, lastModified: imported, status: .scheduled)
        }
        return DistrictSnapshot(district: district, events: zip(events, states).map { EventSnapshot(event: $0, state: $1) })
    }

    /// The snapshot with one event's state changed.
    static func snapshot(changing number: Int, _ change: (inout EventState) -> Void) -> DistrictSnapshot {
        var snapshot = snapshot
        if let index = snapshot.events.firstIndex(where: { $0.id.number == number }) {
            change(&snapshot.events[index].state)
        }
        return snapshot
    }

    /// The snapshot with one planned event changed (its title, for instance).
    static func snapshot(editing number: Int, _ change: (inout PlannedEvent) -> Void) -> DistrictSnapshot {
        var snapshot = snapshot
        if let index = snapshot.events.firstIndex(where: { $0.id.number == number }) {
            change(&snapshot.events[index].event)
        }
        return snapshot
    }
}
