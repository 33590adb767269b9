/// A day and a time on the district's clock: a registration deadline, or "now" to check one against.
public struct LocalMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) { self.date = date; self.time = time }

    /// `2020-03-10T15:00` (seconds allowed and ignored) or a bare `2020-03-10`, which means the end of that day.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard let day = parts.first.flatMap({ LocalDate(iso: $0) }), parts.count <= 2 else { return nil }
        if parts.count == 1 { self.init(date: day, time: TimeOfDay(hour: 23, minute: 59)!); return }
        guard let time = TimeOfDay(parts[1].prefix(5)) else { return nil }
        self.init(date: day, time: time)
    }

    public var description: String { "\(date)T\(time)" }
    public var russian: String { "\(date.russian), \(time)" }

    public static func < (a: LocalMoment, b: LocalMoment) -> Bool { (a.date, a.time) < (b.date, b.time) }
}

/// Whether and how teachers may register for one event (set by its coordinator).
public struct RegistrationSettings: Hashable, Sendable {
    public var event: EventID
    public var open: Bool
    /// Places; beyond them registrants go to the waiting list. nil: no limit.
    public var capacity: Int?
    /// The last moment to register; nil: the event's start.
    public var deadline: LocalMoment?

    public init(event: EventID, open: Bool, capacity: Int? = nil, deadline: LocalMoment? = nil) {
        self.event = event
        self.open = open
        self.capacity = capacity
        self.deadline = deadline
    }

    /// The deadline in force: the one set, else the event's start (none while it has no date).
    public func deadline(for item: EventSnapshot, defaultStart: TimeOfDay) -> LocalMoment? {
        if let deadline { return deadline }
        guard let date = item.state.date, let start = item.start(defaultStart: defaultStart) else { return nil }
        return LocalMoment(date: date, time: start)
    }
}

public enum RegistrationStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case registered, waitlisted, cancelled

    public var russian: String {
        switch self {
        case .registered: "зарегистрирован(а)"
        case .waitlisted: "в листе ожидания"
        case .cancelled: "регистрация отменена"
        }
    }
}

/// What a teacher gives when registering: personal data, kept only with explicit consent (152-ФЗ).
public struct Registrant: Hashable, Sendable {
    public var name: String
    /// The school's id in the district's list.
    public var school: String
    public var position: String
    /// nil only for a walk-in entered by the coordinator without one.
    public var email: String?
    public var consent: Bool

    public init(name: String, school: String, position: String, email: String?, consent: Bool) {
        self.name = name
        self.school = school
        self.position = position
        self.email = email
        self.consent = consent
    }

    /// Trimmed fields, the email lower-cased: duplicates are found case-insensitively.
    public var normalised: Registrant {
        let mail = email?.trimmingWhitespace.lowercased()
        return Registrant(name: name.trimmingWhitespace, school: school.trimmingWhitespace, position: position.trimmingWhitespace,
                          email: mail?.isEmpty == true ? nil : mail, consent: consent)
    }
}

/// A stored registration. `tokenDigest` is the SHA-256 of the private link's token; the token itself is never kept.
public struct Registration: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var event: EventID
    public var registrant: Registrant
    public var status: RegistrationStatus
    public var attended: Bool
    /// Added on the spot by the coordinator, not through the form.
    public var walkIn: Bool
    /// Unix seconds of the registration (and of the consent).
    public var createdAt: Int64
    public var tokenDigest: String

    public init(id: Int64, event: EventID, registrant: Registrant, status: RegistrationStatus, attended: Bool = false,
                walkIn: Bool = false, createdAt: Int64, tokenDigest: String) {
        self.id = id
        self.event = event
        self.registrant = registrant
        self.status = status
        self.attended = attended
        self.walkIn = walkIn
        self.createdAt = createdAt
        self.tokenDigest = tokenDigest
    }

    public var isActive: Bool { status != .cancelled }
}

/// A registration to store: who, the digest of its private token, and how it came.
public struct NewRegistration: Hashable, Sendable {
    public var registrant: Registrant
    public var tokenDigest: String
    public var walkIn: Bool
    public var attended: Bool

    public init(_ registrant: Registrant, tokenDigest: String, walkIn: Bool = false, attended: Bool = false) {
        self.registrant = registrant.normalised
        self.tokenDigest = tokenDigest
        self.walkIn = walkIn
        self.attended = attended
    }
}

/// Why a registration is refused as a whole (field problems are `FieldProblems`).
public enum RegistrationRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case closed
    case deadlinePassed(LocalMoment)
    case duplicate(email: String)
    case noConsent
    case unknownRegistration

    public var description: String {
        switch self {
        case .closed: "регистрация на это мероприятие не открыта"
        case .deadlinePassed(let m): "регистрация закрыта: срок истёк \(m.russian)"
        case .duplicate(let email): "адрес \(email) уже зарегистрирован на это мероприятие"
        case .noConsent: "без согласия на обработку персональных данных зарегистрироваться нельзя"
        case .unknownRegistration: "такой регистрации нет"
        }
    }
}

/// The rules of registering, waiting and cancelling. Stores call `admit` and `cancelling` inside
/// their write transaction, so two registrants never take the last place together.
public enum RegistrationRules {
    /// Why registrations are kept and for how long: shown beside the consent checkbox.
    public static let purpose = "учёт участников мероприятия, отметка о присутствии, сообщения об изменениях и справки об участии"
    public static let retention = "до конца учебного года, следующего за годом мероприятия; раньше — по вашему запросу (ссылка на личную страницу или письмо методисту)"

    /// Problems of the fields a registrant typed, by form field (`name`, `school`, `position`, `email`, `consent`).
    public static func problems(_ r: Registrant, schools: Set<String>, emailRequired: Bool = true) -> [FieldProblem] {
        let r = r.normalised
        var problems: [FieldProblem] = []
        if r.name.isEmpty { problems.append(FieldProblem(field: "name", "укажите фамилию, имя и отчество")) }
        else if r.name.count > 200 { problems.append(FieldProblem(field: "name", "имя длиннее 200 символов")) }
        if r.school.isEmpty { problems.append(FieldProblem(field: "school", "выберите школу")) }
        else if !schools.contains(r.school) { problems.append(FieldProblem(field: "school", "нет школы «\(r.school.excerpt())» в списке района")) }
        if r.position.count > 200 { problems.append(FieldProblem(field: "position", "должность длиннее 200 символов")) }
        if let email = r.email {
            if !isEmail(email) { problems.append(FieldProblem(field: "email", "ожидается адрес вида name@school.ru, а не «\(email.excerpt())»")) }
        } else if emailRequired {
            problems.append(FieldProblem(field: "email", "укажите адрес электронной почты"))
        }
        if !r.consent { problems.append(FieldProblem(field: "consent", RegistrationRefusal.noConsent.description)) }
        return problems
    }

    /// Whether the registration is open at `now` (district time); the refusal otherwise.
    public static func refusal(_ settings: RegistrationSettings?, deadline: LocalMoment?, now: LocalMoment) -> RegistrationRefusal? {
        guard let settings, settings.open else { return .closed }
        if let deadline, now > deadline { return .deadlinePassed(deadline) }
        return nil
    }

    /// The status of a new registration among the event's `existing` ones: refused when its email
    /// is already registered (case-insensitive), waitlisted when the places are taken. Walk-ins
    /// are present already and always get a place.
    public static func admit(_ new: NewRegistration, existing: [Registration], capacity: Int?) throws(RegistrationRefusal) -> RegistrationStatus {
        if let email = new.registrant.email,
           existing.contains(where: { $0.isActive && $0.registrant.email?.lowercased() == email.lowercased() }) {
            throw .duplicate(email: email)
        }
        if new.walkIn { return .registered }
        guard let capacity else { return .registered }
        let taken = existing.filter { $0.status == .registered }.count
        return taken < capacity ? .registered : .waitlisted
    }

    /// New statuses after cancelling `id` (or, with nil, after the capacity changed): the
    /// cancelled one and the waitlisted promoted in the order they registered while places are free.
    public static func cancelling(_ id: Int64?, existing: [Registration], capacity: Int?) -> [Int64: RegistrationStatus] {
        var changes: [Int64: RegistrationStatus] = [:]
        if let id, existing.contains(where: { $0.id == id && $0.isActive }) { changes[id] = .cancelled }
        var taken = existing.filter { $0.status == .registered && changes[$0.id] == nil }.count
        for waiting in existing.filter({ $0.status == .waitlisted && changes[$0.id] == nil }).sorted(by: { $0.id < $1.id }) {
            if let capacity, taken >= capacity { break }
            changes[waiting.id] = .registered
            taken += 1
        }
        return changes
    }

    /// What attendance gives a held outcome: how many were present and their distinct schools, in first-seen order.
    public static func attendance(_ registrations: [Registration]) -> (participants: Int, schools: [String]) {
        let present = registrations.filter { $0.attended && $0.isActive }
        var schools: [String] = []
        for r in present where !schools.contains(r.registrant.school) { schools.append(r.registrant.school) }
        return (present.count, schools)
    }

    /// A plain check: one "@", a dot in the domain, no spaces; the mailbox itself decides the rest.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              text.count <= 254 else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }
}

extension District {
    /// The schools a registrant for the cluster's events may name: those of the cluster's own
    /// district when it names one (an outcome counts no school from elsewhere), else all.
    public func registrationSchools(for clusterID: String) -> [School] {
        guard let name = cluster(clusterID)?.district else { return schools }
        return schools.filter { $0.district == name }
    }
}
