import Clustering
import Planning
import Testing

/// A stored grouping adjusted by hand, road-map actions checked, and who counts as moving up.
@Suite struct SupportGroupingTests {
    func kirov() throws -> SupportGrouping {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        return SupportGrouping(running: GroupingSettings(method: .twoByTwo, year: AcademicYear(startYear: 2019)), on: rows, at: 0,
                               by: "metod")
    }

    @Test func movingASupportSiteOutOfTheHighGroupLeavesItsMenteesWithoutASite() throws {
        let grouping = try kirov()
        let (site, mentees) = try #require(grouping.pairs.first)
        let (moved, changes) = try grouping.moving(site, to: .complexLow)
        #expect(moved.school(site)?.group == .complexLow)
        for mentee in mentees {
            #expect(moved.school(mentee)?.site == nil)
            #expect(moved.school(mentee)?.reason == "опорная площадка \(site) перемещена в другую группу")
        }
        #expect(changes.count == 1 + mentees.count)
        #expect(moved.unpaired.count == mentees.count + 1, "the moved school now needs a site itself")
        #expect(throws: FieldProblems.self) { try grouping.moving(site, to: .below) }
    }

    @Test func aMentorMustBeAHighResultSchoolWithRoom() throws {
        let grouping = try kirov()
        #expect(throws: FieldProblems.self) { try grouping.changingMentor(of: "221", to: "240") }
        #expect(throws: FieldProblems.self) { try grouping.changingMentor(of: "int-2", to: "249") }
        let (unpaired, changes) = try grouping.changingMentor(of: "221", to: nil)
        #expect(unpaired.school("221")?.site == nil && unpaired.school("221")?.reason == "пара снята вручную")
        #expect(changes == [FieldChange(field: "grouping 0: 221 site", old: grouping.school("221")?.site, new: nil)])
    }

    @Test func anActionIsCheckedAsAWholeAndBecomesAnEventOfThePair() throws {
        let schools: Set<String> = ["221", "249"]
        #expect(throws: FieldProblems(field: "kind", "вид: consultation, open-lesson, master-class, training, mentoring")) {
            try SupportAction.checked(number: 1, SupportActionFields(kind: "lecture", title: "T", responsible: "249", from: "2020-10"),
                                      schools: schools)
        }
        #expect(throws: FieldProblems.self) {
            try SupportAction.checked(number: 1, SupportActionFields(title: "T", responsible: "249", from: "2020-08", to: "2020-09"),
                                      schools: schools)
        }
        let action = try SupportAction.checked(number: 1, SupportActionFields(kind: "master-class", title: " Мастер-класс ", responsible: "249",
                                                                             from: "2020-12", to: "2021-01"), schools: schools)
        let fields = try #require(action.eventFields(site: "249", mentee: "221"))
        #expect(fields.format == "master-class" && fields.title == "Мастер-класс" && fields.host == "249")
        #expect((fields.from, fields.to, fields.participants) == ("2020-12-01", "2021-01-31", ["249", "221"]))
        let mentoring = try SupportAction.checked(number: 2, SupportActionFields(kind: "mentoring", title: "Пара", responsible: "249",
                                                                                from: "2020-09", to: "2021-05"), schools: schools)
        #expect(mentoring.eventFields(site: "249", mentee: "221") == nil)
    }

    @Test(arguments: [(Group.complexLow, Group?.some(.complexHigh), true, false), (.complexHigh, .complexLow, false, true),
                      (.below, .within, true, false), (.above, .within, false, true), (.complexLow, nil, false, false),
                      (.complexLow, .complexLow, false, false)])
    func upAndBackFollowTheResults(from: Group, to: Group?, up: Bool, back: Bool) {
        let move = SupportMonitoring.Move(school: "1", from: from, to: to)
        #expect((move.isUp, move.isBack) == (up, back))
    }
}
