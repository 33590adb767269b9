import Planning
import Store
import Testing

/// The registration half of the store contract (`RegistrationStore`), over every factory.
extension StoreContractTests {
    private var event: EventID { EventID(cluster: "nevsky-exact", number: 1) }

    private func teacher(_ n: Int, email: String?? = nil, walkIn: Bool = false, attended: Bool = false) -> NewRegistration {
        NewRegistration(Registrant(name: "Учитель \(n)", school: n % 2 == 0 ? "344" : "498", position: "учитель математики",
                                   email: email ?? "t\(n)@school.ru", consent: true),
                        tokenDigest: "digest-\(n)", walkIn: walkIn, attended: attended)
    }

    private func opened(_ factory: StoreFactory, capacity: Int?) async throws -> any DistrictStore {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        try await db.setRegistrationSettings(RegistrationSettings(event: event, open: true, capacity: capacity), audit: [])
        return db
    }

    @Test(arguments: StoreFactory.all) func settingsComeWithTheSnapshotAndRaiseTheRevision(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let revision = try await db.revision()
        let deadline = try #require(LocalMoment(iso: "2019-10-16T18:00"))
        let settings = RegistrationSettings(event: event, open: true, capacity: 30, deadline: deadline)
        let entry = AuditEntry(at: 2_000, login: "ivanova", source: .api, cluster: "nevsky-exact", event: 1, field: "registration",
                               old: nil, new: "открыта")
        try await db.setRegistrationSettings(settings, audit: [entry])
        #expect(try await db.revision() == revision + 1)
        #expect(try await db.snapshot().registrationSettings == [settings])
        #expect(try await db.auditLog(cluster: "nevsky-exact").first == entry)
        let unknown = EventID(cluster: "nevsky-exact", number: 99)
        await #expect(throws: StoreError.unknownEvent(unknown)) {
            try await db.setRegistrationSettings(RegistrationSettings(event: unknown, open: true), audit: [])
        }
    }

    @Test(arguments: StoreFactory.all) func overCapacityWaitsAndACancellationPromotesInOrder(_ factory: StoreFactory) async throws {
        let db = try await opened(factory, capacity: 2)
        let revision = try await db.revision()
        var statuses: [RegistrationStatus] = []
        for n in 1...4 { statuses.append(try await db.register(teacher(n), for: event, now: 2_000 + Int64(n)).status) }
        #expect(statuses == [.registered, .registered, .waitlisted, .waitlisted])
        #expect(try await db.revision() == revision, "registrations change no page or feed")
        let first = try #require(try await db.registrations(for: event).first)
        #expect(first.registrant.email == "t1@school.ru")
        #expect(first.createdAt == 2_001)
        #expect(try await db.registration(token: "digest-1") == first)
        let changed = try await db.cancelRegistration(first.id, now: 3_000)
        #expect(changed.map(\.registrant.name) == ["Учитель 1", "Учитель 3"])
        #expect(changed.map(\.status) == [.cancelled, .registered])
        #expect(try await db.cancelRegistration(first.id, now: 3_001).isEmpty, "already cancelled")
        await #expect(throws: StoreError.registration(.unknownRegistration)) { try await db.cancelRegistration(999, now: 3_002) }
        // A larger capacity promotes the rest of the list.
        try await db.setRegistrationSettings(RegistrationSettings(event: event, open: true, capacity: 3), audit: [])
        #expect(try await db.registrations(for: event).map(\.status) == [.cancelled, .registered, .registered, .registered])
    }

    @Test(arguments: StoreFactory.all) func aDuplicateEmailIsRefusedWhateverItsCase(_ factory: StoreFactory) async throws {
        let db = try await opened(factory, capacity: nil)
        let first = try await db.register(teacher(1, email: "Petrova@School.RU"), for: event, now: 2_000)
        #expect(first.registrant.email == "petrova@school.ru")
        await #expect(throws: StoreError.registration(.duplicate(email: "petrova@school.ru"))) {
            try await db.register(teacher(2, email: " PETROVA@school.ru"), for: event, now: 2_001)
        }
        // After cancelling, the same address may register again.
        try await db.cancelRegistration(first.id, now: 2_002)
        #expect(try await db.register(teacher(3, email: "petrova@school.ru"), for: event, now: 2_003).status == .registered)
        #expect(try await db.registrations(email: "PETROVA@school.ru").map(\.status) == [.cancelled, .registered])
    }

    @Test(arguments: StoreFactory.all) func anImportIsAllOrNothing(_ factory: StoreFactory) async throws {
        let db = try await opened(factory, capacity: nil)
        await #expect(throws: StoreError.registration(.duplicate(email: "same@school.ru"))) {
            try await db.register([teacher(1), teacher(2, email: "same@school.ru"), teacher(3, email: "same@school.ru")], for: event,
                                  now: 2_000)
        }
        #expect(try await db.registrations(for: event).isEmpty)
        let added = try await db.register([teacher(1), teacher(2)], for: event, now: 2_000)
        #expect(added.map(\.registrant.email) == ["t1@school.ru", "t2@school.ru"])
    }

    @Test(arguments: StoreFactory.all) func attendanceMarksExactlyThePresentAndAddsWalkIns(_ factory: StoreFactory) async throws {
        let db = try await opened(factory, capacity: 1)
        let a = try await db.register(teacher(1), for: event, now: 2_000)
        let b = try await db.register(teacher(2), for: event, now: 2_001)
        #expect(b.status == .waitlisted)
        var after = try await db.setAttendance(event, present: [a.id], walkIns: [teacher(5, email: .some(nil), walkIn: true, attended: true)],
                                               now: 3_000)
        #expect(after.map(\.attended) == [true, false, true])
        #expect(after.map(\.status) == [.registered, .waitlisted, .registered], "a walk-in always gets a place")
        #expect(after[2].walkIn && after[2].registrant.email == nil)
        #expect(RegistrationRules.attendance(after).participants == 2)
        #expect(RegistrationRules.attendance(after).schools == ["498"])
        after = try await db.setAttendance(event, present: [b.id], walkIns: [], now: 3_001)
        #expect(after.map(\.attended) == [false, true, false])
    }

    @Test(arguments: StoreFactory.all) func aDeletedRegistrantLeavesNothingButTheOutcomeCounts(_ factory: StoreFactory) async throws {
        let db = try await opened(factory, capacity: 1)
        _ = try await db.register(teacher(1), for: event, now: 2_000)
        _ = try await db.register(teacher(2), for: event, now: 2_001)
        try await db.setPersonalFeed(email: "T1@school.ru", digest: "feed-1", now: 2_002)
        #expect(try await db.personalFeedEmail(digest: "feed-1") == "t1@school.ru")
        try await db.record(.held(on: LocalDate(iso: "2019-10-17")!, participants: 12, schools: ["344", "498"], note: nil, products: nil),
                            for: event, now: 2_500)
        #expect(try await db.deleteRegistrant(email: "t1@school.ru") == 1)
        #expect(try await db.registrations(email: "t1@school.ru").isEmpty)
        #expect(try await db.personalFeedEmail(digest: "feed-1") == nil)
        #expect(try await db.registrations(for: event).map(\.status) == [.registered], "the waiting list moved up")
        #expect(try await db.snapshot().events.first { $0.id == event }?.state.outcome?.participants == 12)
        try await db.setPersonalFeed(email: "t2@school.ru", digest: "feed-2", now: 3_000)
        try await db.setPersonalFeed(email: "t2@school.ru", digest: "feed-3", now: 3_001)
        #expect(try await db.personalFeedEmail(digest: "feed-2") == nil, "a new token replaces the old one")
        #expect(try await db.revokePersonalFeed(email: "t2@school.ru"))
        #expect(try await db.revokePersonalFeed(email: "t2@school.ru") == false)
    }

    @Test(arguments: StoreFactory.all) func attendanceAtACoursesEventsCountsItsListeners(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        var district = seeds
        district.courses = [TrainingCourse(id: "vsoko", title: "ВСОКО", events: [event, EventID(cluster: "nevsky-exact", number: 2)])]
        _ = try await db.importDistrict(district, now: 1_000)
        #expect(try await db.snapshot().district.courses == district.courses)
        let second = EventID(cluster: "nevsky-exact", number: 2)
        let a = try await db.register(teacher(1), for: event, now: 2_000)
        let b = try await db.register(teacher(2), for: event, now: 2_001)
        _ = try await db.register(teacher(3), for: event, now: 2_002)
        // The same teacher at the second session counts once; a walk-in without email counts apart.
        let again = try await db.register(teacher(11, email: "t1@school.ru"), for: second, now: 2_003)
        let revision = try await db.revision()
        _ = try await db.setAttendance(event, present: [a.id, b.id], walkIns: [teacher(9, email: .some(nil), walkIn: true, attended: true)],
                                       now: 3_000)
        _ = try await db.setAttendance(second, present: [again.id], walkIns: [], now: 3_001)
        #expect(try await db.revision() > revision, "attendance changes the report")
        let year = AcademicYear(startYear: 2019)
        #expect(try await db.snapshot().courseListeners == [
            CourseListeners(course: "vsoko", year: year, school: "344", listeners: 1),
            CourseListeners(course: "vsoko", year: year, school: "498", listeners: 2),
        ])
    }
}
