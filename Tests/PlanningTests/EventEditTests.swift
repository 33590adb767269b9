import Planning
import PlanFiles
import TestSupport
import Testing

/// Workspace edits on plain values: the plan-file rules as `{field, message}`, and what goes live when.
@Suite struct EventEditTests {
    let district: District
    let cluster: Cluster
    let item: EventSnapshot
    let three = TimeOfDay(hour: 15, minute: 0)!

    init() throws {
        district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        cluster = try #require(district.cluster("nevsky-exact"))
        let first = try #require(cluster.plan?.events.first)
        // Published on 17 October at 15:00, seen by subscribers once already.
        item = EventSnapshot(event: first, state: EventState(date: LocalDate(iso: "2019-10-17"), start: three, sequence: 1,
                                                              lastModified: 100, status: .scheduled), revision: 3)
    }

    func edit(_ fields: EventFields) throws -> (EventSnapshot, [FieldChange]) {
        try item.editing(try EventEdit(fields), in: cluster, district: district, now: 500)
    }

    func problems(_ fields: EventFields) -> [FieldProblem] {
        do {
            _ = try edit(fields)
            return []
        } catch let error as FieldProblems {
            return error.problems
        } catch {
            return [FieldProblem(field: "?", "\(error)")]
        }
    }

    @Test func aTitleEditIsLiveAtOnceWithoutASequenceChange() throws {
        let (edited, changes) = try edit(EventFields(title: "  Новое название ", participants: ["344", "498"]))
        #expect(edited.event.title == "Новое название")
        #expect(edited.event.participants == ["344", "498"])
        #expect(edited.pending == nil)
        #expect(edited.state.sequence == 1)
        #expect(edited.state.lastModified == 500)
        #expect(edited.revision == 4)
        #expect(changes.map(\.field) == ["title", "participants"])
        #expect(changes.first?.old == item.event.title)
    }

    @Test func aMonthEditWaitsForPublish() throws {
        let (edited, changes) = try edit(EventFields(month: "2019-11", start: "16:00"))
        #expect(edited.event == item.event, "the published row stays")
        #expect(edited.state == item.state, "the published date stays")
        let pending = try #require(edited.pending)
        #expect(pending.timing == .month(YearMonth(iso: "2019-11")!))
        #expect(pending.start == TimeOfDay(hour: 16, minute: 0))
        #expect(edited.planned.timing == pending.timing)
        #expect(changes == [FieldChange(field: "month", old: "2019-10", new: "2019-11"), FieldChange(field: "start", old: nil, new: "16:00")])
        // Setting it back drops the pending values.
        let (back, _) = try edited.editing(try EventEdit(EventFields(month: "2019-10", start: "")), in: cluster, district: district, now: 600)
        #expect(back.pending == nil)
    }

    @Test func anUnchangedEditChangesNothing() throws {
        let (same, changes) = try edit(EventFields(title: item.event.title, month: "2019-10"))
        #expect(same == item)
        #expect(changes.isEmpty)
    }

    @Test(arguments: [
        (EventFields(host: "9999"), [FieldProblem(field: "host", "неизвестная школа «9999»")]),
        (EventFields(month: "2022-10"), [FieldProblem(field: "year", "учебный год 2022/2023 не входит в годы плана 2019/2020, 2020/2021")]),
        (EventFields(from: "2020-08-20", to: "2020-09-10"), [FieldProblem(field: "from", "срок 2020-08-20…2020-09-10 вне учебного года 2019/2020")]),
        (EventFields(date: "2019-11-09"), [FieldProblem(field: "date", "дата 2019-11-09 — выходной день")]),
        (EventFields(duration: "0"), [FieldProblem(field: "duration", "ожидается длительность от 1 минуты до 24 часов (90, 90m, 2h, 1h30m), а не «0»")]),
        (EventFields(title: " "), [FieldProblem(field: "title", "заполните поле")]),
        (EventFields(format: "party"), [FieldProblem(field: "format", "неизвестный формат «party»; ожидается одно из: conference, seminar, round-table, working-meeting, master-class, open-lesson, consultation, webinar, training")]),
        (EventFields(participants: ["344", "x1"], tasks: ["T9"]), [
            FieldProblem(field: "participants", "неизвестная школа «x1»"),
            FieldProblem(field: "tasks", "неизвестная задача «T9»")]),
        (EventFields(month: "2019-11", date: "2019-11-14"), [FieldProblem(field: "date", "укажите что-то одно: месяц, дату или окно from/to")]),
    ])
    func badValuesAreRefusedField(by fields: EventFields, expected: [FieldProblem]) {
        #expect(problems(fields) == expected)
    }

    @Test func aHostOutsideTheClusterIsNamed() throws {
        let other = try #require(district.schools.first { !cluster.members.contains($0.id) })
        #expect(problems(EventFields(host: other.id))
                == [FieldProblem(field: "host", "площадка \(other.id) не входит в кластер nevsky-exact")])
    }

    @Test func publishingAPendingMonthMovesTheDateAndRaisesSequenceOnce() throws {
        let (edited, _) = try edit(EventFields(month: "2019-11", host: "498"))
        let november = LocalDate(iso: "2019-11-14")!
        let published = try #require(edited.publishing((november, three), now: 900))
        #expect(published.pending == nil)
        #expect(published.event.host == "498")
        #expect(published.event.timing == .month(YearMonth(iso: "2019-11")!))
        #expect(published.state.date == november)
        #expect(published.state.sequence == 2, "one publish, one SEQUENCE step, though both day and place moved")
        #expect(published.state.lastModified == 900)
        #expect(published.publishing((november, three), now: 1000) == nil, "publishing again changes nothing")
    }

    @Test func aFirstDateDoesNotRaiseSequence() throws {
        let undated = EventSnapshot(event: item.event, state: EventState(lastModified: 1))
        let published = try #require(undated.publishing((LocalDate(iso: "2019-10-17"), three), now: 5))
        #expect(published.state.sequence == 0)
        #expect(published.state.status == .scheduled)
    }

    @Test func aNewEventNeedsFormatTitleAndTiming() throws {
        #expect(throws: FieldProblems([FieldProblem(field: "format", "укажите формат"),
                                      FieldProblem(field: "title", "заполните поле"),
                                      FieldProblem(field: "month", "укажите месяц, дату или окно from/to")])) {
            try EventSnapshot.new(number: 10, try EventEdit(EventFields()), in: cluster, district: district, now: 1)
        }
        let made = try EventSnapshot.new(number: 10, try EventEdit(EventFields(format: "seminar", title: "Итоги", month: "2020-05")),
                                         in: cluster, district: district, now: 1)
        #expect(made.event.host == cluster.lead)
        #expect(made.event.participants == cluster.members)
        #expect(made.event.year == AcademicYear(startYear: 2019))
        #expect(made.event.durationMinutes == EventFormat.seminar.defaultDurationMinutes)
        #expect(made.state.status == .planned)
    }

    @Test func removingKeepsTheEventAsRemoved() {
        let removed = item.removed(now: 700)
        #expect(removed.state.status == .removed)
        #expect(removed.state.sequence == 2)
        #expect(removed.revision == 4)
    }

    @Test func theNextCycleMovesEverythingTwoYearsOnAndRenumbers() throws {
        let next = cluster.nextCycle(id: "nevsky-exact-2021")
        let plan = try #require(next.plan)
        #expect(plan.years == [AcademicYear(startYear: 2021), AcademicYear(startYear: 2022)])
        #expect(plan.events.map(\.number) == Array(1...8), "numbered 1-8 though the old plan has no 5")
        #expect(plan.events.first?.timing == .month(YearMonth(iso: "2021-10")!))
        #expect(plan.events.allSatisfy { $0.id.cluster == "nevsky-exact-2021" })
        #expect(plan.events.allSatisfy { if case .pinned = $0.timing { false } else { true } })
        #expect(plan.events.allSatisfy { $0.problems(in: next, isSchool: { district.school($0) != nil },
                                                  isVenue: { district.venue($0) != nil }, calendar: district.calendar).isEmpty })
    }

    @Test func aClusterEditIsCheckedLikeAPlanFile() throws {
        #expect(throws: FieldProblems([FieldProblem(field: "lead", "ведущая школа 9 не входит в members")])) {
            try cluster.editing(ClusterFields(lead: "9"), in: district)
        }
        let error = #expect(throws: FieldProblems.self, "a member hosting events cannot leave") {
            try cluster.editing(ClusterFields(lead: "498", members: cluster.members.filter { $0 != "344" }), in: district)
        }
        #expect(error?.problems.count == 6)
        #expect(error?.problems.allSatisfy { $0.field == "members" && $0.message.hasSuffix("площадка 344 не входит в кластер nevsky-exact") } == true)
        let (edited, changes) = try cluster.editing(ClusterFields(title: "Новое название", coordinatorName: "Иванова И. И.",
                                                                  coordinatorEmail: "ivanova@example.org"), in: district)
        #expect(edited.title == "Новое название")
        #expect(edited.coordinator == Coordinator(name: "Иванова И. И.", email: "ivanova@example.org"))
        #expect(changes.map(\.field).contains("title"))
    }
}
