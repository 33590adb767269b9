import Foundation
import Hummingbird
import HummingbirdTesting
import PlanFiles
import Planning
import Server
import SQLiteStore
import TestSupport
import Testing

/// Seed 001 through attendance: Kirov's course «ВСОКО» lists a 2020/2021 session of cluster 1 as
/// its event; the teachers checked in there are the course's listeners, against the target of at
/// least 36 listeners from 12 cluster-1 schools.
@Suite struct CourseAttendanceTests {
    static let session = EventID(cluster: "kirov-1", number: 1)

    /// plans/kirov with a one-event plan for kirov-1 and the course's `events:` naming it.
    static func kirovWithSession() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        var text = try String(contentsOf: Fixtures.plansDirectory.appendingPathComponent("kirov/kirov.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"538\", \"608\"]   # 12\n", with: """
            "538", "608"]   # 12
                plan:
                  years: [2020/2021]
                  goal: Обучение управленческих команд
                  events:
                    - {number: 1, year: 2020/2021, format: training, title: Курсы ВСОКО, date: 2020-11-10, host: "221"}

            """)
        text = text.replacingOccurrences(of: "    provider: \"ИМЦ Кировского района\"\n",
                                         with: "    provider: \"ИМЦ Кировского района\"\n    events: [kirov-1/1]\n")
        try text.write(to: folder.appendingPathComponent("kirov.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// `perSchool` attendees from each of the first `schools` members of kirov-1, registered and checked in.
    static func report(schools: Int, perSchool: Int) async throws -> String {
        let district = try PlanLoader.load(paths: [try kirovWithSession().path])
        #expect(district.courses.first?.events == [session])
        let database = try SQLiteStore.inMemory()
        _ = try await database.importDistrict(district, now: TestSite.importTime)
        let members = try #require(district.cluster("kirov-1")).members
        var ids: Set<Int64> = []
        for (s, school) in members.prefix(schools).enumerated() {
            for n in 0..<perSchool {
                let teacher = Registrant(name: "Слушатель \(s)-\(n)", school: school, position: "заместитель директора",
                                         email: "listener\(s)-\(n)@kirov.example", consent: true)
                ids.insert(try await database.register(NewRegistration(teacher, tokenDigest: "t\(s)-\(n)"), for: session, now: 1).id)
            }
        }
        _ = try await database.setAttendance(session, present: ids, walkIns: [], now: 2)
        let site = try await TestSite(database: database, populated: true)
        return try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/reports/2020-2021", method: .get)
            #expect(response.status == .ok)
            return response.text
        }
    }

    @Test func thirtySixFromTwelveSchoolsMeetTheTarget() async throws {
        let text = try await Self.report(schools: 12, perSchool: 3)
        #expect(text.contains("Цель на 2020/2021 учебный год: не менее 36 слушателей из 12 школ кластера kirov-1"))
        #expect(text.contains("фактически 36 слушателей из 12 школ — выполнено"))
    }

    @Test func thirtyThreeFromElevenDoNot() async throws {
        let text = try await Self.report(schools: 11, perSchool: 3)
        #expect(text.contains("фактически 33 слушателей из 11 школ — не выполнено"))
    }

    @Test func aCourseEventMustBeInThePlan() throws {
        let folder = try Self.kirovWithSession()
        let path = folder.appendingPathComponent("kirov.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "events: [kirov-1/1]", with: "events: [kirov-1/7, kirov-1]")
        try text.write(to: path, atomically: true, encoding: .utf8)
        #expect(throws: PlanLoadError.self) { try PlanLoader.load(paths: [folder.path]) }
        do { _ = try PlanLoader.load(paths: [folder.path]) } catch {
            #expect(error.description.contains("courses.kirov-vsoko.events: «kirov-1» — ожидается кластер/номер, например kirov-1/3"))
            #expect(error.description.contains("курс kirov-vsoko: нет мероприятия kirov-1/7 в плане"))
        }
    }
}
