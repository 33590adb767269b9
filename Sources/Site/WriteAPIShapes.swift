import Planning

// Bodies of the write API (contract v2) and its answers: JSON field names are the form field
// names (`month`, `date`, `start`, `title`, ...), so a script and a browser send the same thing.

/// `PATCH /api/events/<cluster>/<number>` and `POST /api/clusters/<cluster>/events`: the fields to
/// change; absent keys stay as they are. `duration` may be minutes (`90`) or text (`"1h30m"`);
/// `revision` (optional) is the one last read: a stale one gets 409.
public struct EventBody: Decodable, Sendable {
    public var fields: EventFields
    public var revision: Int?
    /// `registration: {open, capacity, deadline}` (PATCH only).
    public var registration: RegistrationSettingsBody?

    enum CodingKeys: String, CodingKey {
        case format, title, purpose, month, date, from, to, start, duration, host, participants, tasks, link, revision, registration
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            // `null` clears a text the same way "" does.
            guard c.contains(key) else { return nil }
            return try c.decodeIfPresent(String.self, forKey: key) ?? ""
        }
        let duration: String? = if let minutes = try? c.decodeIfPresent(Int.self, forKey: .duration) { String(minutes) }
            else { try c.decodeIfPresent(String.self, forKey: .duration) }
        fields = EventFields(format: try c.decodeIfPresent(String.self, forKey: .format), title: try c.decodeIfPresent(String.self, forKey: .title),
                             purpose: try text(.purpose), month: try c.decodeIfPresent(String.self, forKey: .month),
                             date: try c.decodeIfPresent(String.self, forKey: .date), from: try c.decodeIfPresent(String.self, forKey: .from),
                             to: try c.decodeIfPresent(String.self, forKey: .to), start: try text(.start), duration: duration,
                             host: try c.decodeIfPresent(String.self, forKey: .host),
                             participants: try c.decodeIfPresent([String].self, forKey: .participants),
                             tasks: try c.decodeIfPresent([String].self, forKey: .tasks), link: try text(.link))
        revision = try c.decodeIfPresent(Int.self, forKey: .revision)
        registration = try c.decodeIfPresent(RegistrationSettingsBody.self, forKey: .registration)
    }
}

/// `POST /api/events/<cluster>/<number>/outcome`: `status` held (date, participants, schools,
/// note, products), cancelled (reason) or postponed (date); `confirm: true` answers the warnings.
public struct OutcomeBody: Codable, Sendable {
    public var status: String
    public var date: String?
    public var participants: Int?
    public var schools: [String]?
    public var note: String?
    public var products: String?
    public var reason: String?
    public var confirm: Bool?

    public init(status: String, date: String? = nil, participants: Int? = nil, schools: [String]? = nil, note: String? = nil,
                products: String? = nil, reason: String? = nil, confirm: Bool? = nil) {
        self.status = status
        self.date = date
        self.participants = participants
        self.schools = schools
        self.note = note
        self.products = products
        self.reason = reason
        self.confirm = confirm
    }

    /// The entry, or the problems of the body itself (a missing or malformed value).
    public func entry() throws(FieldProblems) -> OutcomeEntry {
        func day() throws(FieldProblems) -> LocalDate {
            guard let text = date?.trimmingWhitespace, !text.isEmpty else {
                throw FieldProblems([FieldProblem(field: "date", "укажите дату")])
            }
            guard let d = LocalDate(iso: text) else {
                throw FieldProblems([FieldProblem(field: "date", "ожидается дата ГГГГ-ММ-ДД, а не «\(text.excerpt())»")])
            }
            return d
        }
        func optional(_ s: String?) -> String? { s.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 } }
        switch status {
        case "held":
            let on = try day()
            guard let participants else {
                throw FieldProblems([FieldProblem(field: "participants", "укажите число участников")])
            }
            return .held(on: on, participants: participants, schools: schools ?? [], note: optional(note), products: optional(products))
        case "cancelled": return .cancelled(reason: reason ?? "")
        case "postponed": return .postponed(to: try day())
        default:
            throw FieldProblems([FieldProblem(field: "status", "ожидается held, cancelled или postponed, а не «\(status.excerpt())»")])
        }
    }
}

/// `POST /api/schedule`.
public struct ScheduleBody: Codable, Sendable {
    public var cluster: String
    public var publish: Bool
    public init(cluster: String, publish: Bool) { self.cluster = cluster; self.publish = publish }
}

/// `{warnings: [...], confirm: "повторите с confirm: true"}`: 409 answers that need a confirmation.
public struct WarningsJSON: Codable, Hashable, Sendable {
    public var warnings: [String]
    public var hint: String
    /// A stale copy's 409: what others changed since it (newest first), and the revision to edit from.
    public var changed: [AuditJSON]?
    public var revision: Int?

    public init(_ warnings: [String]) {
        self.warnings = warnings
        hint = "чтобы записать всё равно, повторите запрос с «confirm»: true"
    }

    public init(conflict warning: String, changed: [AuditEntry], revision: Int) {
        warnings = [warning]
        hint = "прочитайте мероприятие заново (revision \(revision)) и повторите правку"
        self.changed = changed.map(AuditJSON.init)
        self.revision = revision
    }
}

/// One audit entry of `GET /api/audit`.
public struct AuditJSON: Codable, Hashable, Sendable {
    /// ISO 8601, UTC.
    public var at: String
    public var login: String
    public var source: String
    public var cluster: String
    public var event: Int?
    public var field: String
    public var old: String?
    public var new: String?

    public init(_ e: AuditEntry) {
        at = isoTimestamp(e.at)
        login = e.login
        source = e.source.rawValue
        cluster = e.cluster
        event = e.event
        field = e.field
        old = e.old
        new = e.new
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(login, forKey: .login)
        try c.encode(source, forKey: .source)
        try c.encode(cluster, forKey: .cluster)
        try c.encode(event, forKey: .event)
        try c.encode(field, forKey: .field)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

/// `{date, start}` of a published time; both null: no date.
public struct TimeJSON: Codable, Hashable, Sendable {
    public var date: String?
    public var start: String?
    public init(_ t: PublishedTime) { date = t.date?.description; start = t.start?.description }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(start, forKey: .start)
    }
}

/// A schedule version of `/manage/clusters/<id>/versions` and of a publish answer.
public struct VersionJSON: Codable, Hashable, Sendable {
    public struct Move: Codable, Hashable, Sendable {
        public var event: Int
        public var old: TimeJSON
        public var new: TimeJSON
    }
    public var number: Int
    public var at: String
    public var login: String
    public var moves: [Move]
    public init(_ v: ScheduleVersion) {
        number = v.number
        at = isoTimestamp(v.at)
        login = v.login
        moves = v.moves.map { Move(event: $0.event, old: TimeJSON($0.old), new: TimeJSON($0.new)) }
    }
}

/// Unix seconds as `2023-11-14T22:13:20Z`.
public func isoTimestamp(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let date = LocalDate(daysSinceEpoch: Int(days))
    return "\(date)T\(twoDigits(rest / 3600)):\(twoDigits(rest % 3600 / 60)):\(twoDigits(rest % 60))Z"
}

private func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// An event as the write API answers: the published event (as `/api/events` gives it), its
/// revision for the next write, and the time and place waiting for the next schedule publish.
public struct WorkspaceEventJSON: Encodable, Sendable {
    public struct Pending: Encodable, Sendable {
        public var year: String
        public var month: String?
        public var date: String?
        public var from: String?
        public var to: String?
        public var start: String?
        public var duration: Int
        public var host: String

        enum CodingKeys: String, CodingKey { case year, month, date, from, to, start, duration, host }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.year, year), (.month, month), (.date, date), (.from, from), (.to, to), (.start, start)] as [(CodingKeys, String?)] {
                try c.encode(value, forKey: key)
            }
            try c.encode(duration, forKey: .duration)
            try c.encode(host, forKey: .host)
        }
    }

    public var event: EventJSON
    public var revision: Int
    public var pending: Pending?

    public init(_ item: EventSnapshot, district: District, options: SiteOptions) {
        event = EventJSON(item, district: district, clusterDistrict: district.cluster(item.event.clusterID)?.district, options: options)
        revision = item.revision
        pending = item.pending.map { p in
            var pending = Pending(year: p.year.description, start: p.start?.description, duration: p.durationMinutes, host: p.host)
            switch p.timing {
            case .month(let m): pending.month = m.description
            case .pinned(let d): pending.date = d.description
            case .window(let from, let to): (pending.from, pending.to) = (from.description, to.description)
            }
            return pending
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event, forKey: .event)
        try c.encode(revision, forKey: .revision)
        try c.encode(pending, forKey: .pending)
    }

    enum CodingKeys: String, CodingKey { case event, revision, pending }
}
