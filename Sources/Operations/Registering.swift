import Planning
import Store

/// Registration for events, between the pages, the API and the store: each call checks with
/// `RegistrationRules`, then makes one store write. Private tokens are made here and only their
/// SHA-256 digests reach the store (`Credentials`).
public enum Registering {
    /// Opens, closes or changes an event's registration (`PATCH {registration: …}` and the workspace form).
    /// `deadline`: ISO date or date-time in the district's zone; nil or empty: the event's start.
    public static func configure(_ id: EventID, open: Bool, capacity: Int?, deadline: String?, by author: Author,
                                 in store: some DistrictStore, now: Int64) async throws -> RegistrationSettings {
        let snapshot = try await store.snapshot()
        guard snapshot.events.contains(where: { $0.id == id }) else { throw UnknownID.event(id, in: snapshot) }
        var problems: [FieldProblem] = []
        if let capacity, !(0...100_000).contains(capacity) {
            problems.append(FieldProblem(field: "capacity", "число мест: от 0 до 100000, а не \(capacity)"))
        }
        var moment: LocalMoment?
        if let text = deadline?.trimmingWhitespace, !text.isEmpty {
            moment = LocalMoment(iso: text)
            if moment == nil { problems.append(FieldProblem(field: "deadline", "ожидается дата ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ, а не «\(text.excerpt())»")) }
        }
        if !problems.isEmpty { throw FieldProblems(problems) }
        let settings = RegistrationSettings(event: id, open: open, capacity: capacity, deadline: moment)
        let old = snapshot.registrationSettings(id)
        guard old != settings else { return settings }
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: id.cluster, event: id.number,
                               field: "registration", old: old.map(describe), new: describe(settings))
        try await store.setRegistrationSettings(settings, audit: [entry])
        return settings
    }

    /// The audit log's words for settings.
    public static func describe(_ s: RegistrationSettings) -> String {
        guard s.open else { return "закрыта" }
        return "открыта" + (s.capacity.map { ", мест \($0)" } ?? "") + (s.deadline.map { ", до \($0)" } ?? "")
    }

    /// A registration through the public form or the API, with the private token of its link.
    /// Field problems and a closed or past registration are `FieldProblems` (422); a duplicate is
    /// `StoreError.registration(.duplicate)` (409). With a `notifier`, a registered (not waitlisted)
    /// registrant gets the invitation that puts the event in their calendar.
    public static func register(_ registrant: Registrant, for id: EventID, in store: some DistrictStore, now: Int64,
                                notifier: Notifier? = nil) async throws -> (registration: Registration, token: String) {
        let snapshot = try await store.snapshot()
        guard let item = snapshot.events.first(where: { $0.id == id }) else { throw UnknownID.event(id, in: snapshot) }
        let settings = snapshot.registrationSettings(id)
        let district = snapshot.district
        let deadline = settings?.deadline(for: item, defaultStart: district.calendar.defaultStart)
        if let refusal = RegistrationRules.refusal(settings, deadline: deadline, now: localMoment(at: now, in: district.timezone))
            ?? (item.state.status.isCancelled ? .closed : nil) {
            throw FieldProblems(field: nil, refusal.description)
        }
        let problems = RegistrationRules.problems(registrant, schools: Set(district.registrationSchools(for: id.cluster).map(\.id)))
        if !problems.isEmpty { throw FieldProblems(problems) }
        let token = Credentials.newSecret()
        let stored = try await store.register(NewRegistration(registrant, tokenDigest: Credentials.digest(token)), for: id, now: now)
        await invite([stored], in: snapshot, store: store, now: now, notifier: notifier)
        return (stored, token)
    }

    /// The registration of a private link, or nil.
    public static func registration(token: String, in store: some DistrictStore) async throws -> Registration? {
        guard isToken(token) else { return nil }
        return try await store.registration(token: Credentials.digest(token))
    }

    /// Cancels through the private link; returns the registration as it is now. With a `notifier`,
    /// those promoted from the waiting list get their invitation.
    public static func cancel(token: String, in store: some DistrictStore, now: Int64, notifier: Notifier? = nil) async throws
        -> Registration {
        guard let registration = try await registration(token: token, in: store) else { throw StoreError.registration(.unknownRegistration) }
        let changed = try await store.cancelRegistration(registration.id, now: now)
        if notifier != nil, changed.count > 1 {
            await invite(Array(changed.dropFirst()), in: try await store.snapshot(), store: store, now: now, notifier: notifier)
        }
        return changed.first ?? registration
    }

    /// The invitation of each registration that holds a place and has an address.
    static func invite(_ registrations: [Registration], in snapshot: DistrictSnapshot, store: some DistrictStore, now: Int64,
                       notifier: Notifier?) async {
        guard let notifier else { return }
        for r in registrations where r.status == .registered {
            guard let email = r.registrant.email else { continue }
            await notifier.invite(Recipient(name: r.registrant.name, email: email), to: r.event, in: snapshot, store: store, now: now)
        }
    }

    /// Marks who came and adds walk-ins (the coordinator's check boxes, `POST …/attendance`).
    /// Walk-ins sign the paper consent on the sign-in sheet: their email is optional.
    public static func attendance(_ id: EventID, present: [Int64], walkIns: [Registrant], in store: some DistrictStore,
                                  now: Int64) async throws -> [Registration] {
        let snapshot = try await store.snapshot()
        guard snapshot.events.contains(where: { $0.id == id }) else { throw UnknownID.event(id, in: snapshot) }
        let schools = Set(snapshot.district.registrationSchools(for: id.cluster).map(\.id))
        let known = Set(try await store.registrations(for: id).map(\.id))
        var problems: [FieldProblem] = []
        for unknown in present where !known.contains(unknown) {
            problems.append(FieldProblem(field: "present", "нет регистрации \(unknown) на это мероприятие"))
        }
        for (i, w) in walkIns.enumerated() {
            problems += RegistrationRules.problems(w, schools: schools, emailRequired: false)
                .map { FieldProblem(field: "walkIns[\(i)].\($0.field ?? "")", $0.message) }
        }
        if !problems.isEmpty { throw FieldProblems(problems) }
        let news = walkIns.map { NewRegistration($0, tokenDigest: Credentials.digest(Credentials.newSecret()), walkIn: true, attended: true) }
        return try await store.setAttendance(id, present: Set(present), walkIns: news, now: now)
    }

    /// A new personal feed for the registration's email (replacing the earlier one); returns its token.
    public static func newPersonalFeed(for registration: Registration, in store: some DistrictStore, now: Int64) async throws -> String? {
        guard let email = registration.registrant.email else { return nil }
        let token = Credentials.newSecret()
        try await store.setPersonalFeed(email: email, digest: Credentials.digest(token), now: now)
        return token
    }

    /// The events of a personal feed's token (registrations not cancelled); nil for an unknown or revoked token.
    public static func personalFeedEvents(token: String, in store: some DistrictStore) async throws -> Set<EventID>? {
        guard isToken(token), let email = try await store.personalFeedEmail(digest: Credentials.digest(token)) else { return nil }
        return Set(try await store.registrations(email: email).filter(\.isActive).map(\.event))
    }

    /// A token as `Credentials.newSecret` makes them: 64 hex digits (anything else is not looked up).
    static func isToken(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
