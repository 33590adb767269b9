import Planning

// JSON of registrations (contract v2): bodies and answers of `/api/events/<c>/<n>/registrations`
// and `/attendance`, and the `registration` key of `PATCH /api/events/<c>/<n>`.

/// `{open, capacity, deadline}`: capacity and deadline optional (no limit; the event's start).
public struct RegistrationSettingsBody: Codable, Sendable {
    public var open: Bool
    public var capacity: Int?
    public var deadline: String?
    public init(open: Bool, capacity: Int? = nil, deadline: String? = nil) { self.open = open; self.capacity = capacity; self.deadline = deadline }
}

/// `POST /api/events/<c>/<n>/registrations` (anonymous) and the walk-ins of `/attendance`.
public struct RegistrationBody: Codable, Sendable {
    public var name: String?
    public var school: String?
    public var position: String?
    public var email: String?
    public var consent: Bool?

    public init(name: String?, school: String?, position: String?, email: String?, consent: Bool?) {
        self.name = name
        self.school = school
        self.position = position
        self.email = email
        self.consent = consent
    }

    /// A walk-in signs the paper consent on the sign-in sheet: `consent` defaults to true there.
    public func registrant(walkIn: Bool = false) -> Registrant {
        Registrant(name: name ?? "", school: school ?? "", position: position ?? "", email: email,
                   consent: consent ?? walkIn)
    }
}

/// 201 of a registration: `link` is the private page (the token is in it, and nowhere else).
public struct RegistrationAnswer: Codable, Hashable, Sendable {
    public var id: Int64
    public var status: String
    public var link: String
    public init(id: Int64, status: String, link: String) { self.id = id; self.status = status; self.link = link }
}

/// `POST /api/events/<c>/<n>/attendance`: exactly these registrations were present, plus the walk-ins.
public struct AttendanceBody: Codable, Sendable {
    public var present: [Int64]?
    public var walkIns: [RegistrationBody]?
    public init(present: [Int64]?, walkIns: [RegistrationBody]?) { self.present = present; self.walkIns = walkIns }
}

/// One registration for the event's coordinator, host school or a methodist (never public).
public struct RegistrationJSON: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var school: String
    public var position: String
    public var email: String?
    public var status: String
    public var attended: Bool
    public var walkIn: Bool
    /// ISO 8601, UTC.
    public var registeredAt: String

    public init(_ r: Registration) {
        id = r.id
        name = r.registrant.name
        school = r.registrant.school
        position = r.registrant.position
        email = r.registrant.email
        status = r.status.rawValue
        attended = r.attended
        walkIn = r.walkIn
        registeredAt = isoTimestamp(r.createdAt)
    }
}

/// `GET …/registrations` and the answer of `…/attendance`: the list with its figures.
public struct RegistrationListJSON: Codable, Hashable, Sendable {
    public var event: String
    public var registrations: [RegistrationJSON]
    public var registered: Int
    public var waitlisted: Int
    /// What a held outcome sent without `participants`/`schools` takes.
    public var participants: Int
    public var schools: [String]

    public init(_ event: EventID, _ list: [Registration]) {
        self.event = event.description
        registrations = list.map(RegistrationJSON.init)
        registered = list.filter { $0.status == .registered }.count
        waitlisted = list.filter { $0.status == .waitlisted }.count
        let figures = RegistrationRules.attendance(list)
        participants = figures.participants
        schools = figures.schools
    }
}
