/// Where a change came from.
public enum AuditSource: String, CaseIterable, Hashable, Sendable {
    case web, api, `import`, cli

    public var russian: String {
        switch self {
        case .web: "сайт"
        case .api: "API"
        case .import: "импорт"
        case .cli: "командная строка"
        }
    }
}

/// Who made a change and through what; stamped on every audit entry of one write.
public struct Author: Hashable, Sendable {
    public var login: String
    public var source: AuditSource
    public init(login: String, source: AuditSource) { self.login = login; self.source = source }
}

/// One line of the audit log: who changed which field of a cluster or event, when, from what to what.
public struct AuditEntry: Hashable, Sendable {
    /// Unix seconds (UTC).
    public var at: Int64
    public var login: String
    public var source: AuditSource
    public var cluster: String
    /// nil: a field of the cluster itself.
    public var event: Int?
    public var field: String
    public var old: String?
    public var new: String?

    public init(at: Int64, login: String, source: AuditSource, cluster: String, event: Int?, field: String, old: String?,
                new: String?) {
        self.at = at
        self.login = login
        self.source = source
        self.cluster = cluster
        self.event = event
        self.field = field
        self.old = old
        self.new = new
    }

    /// The entries of one write.
    public static func entries(_ changes: [FieldChange], by author: Author, cluster: String, event: Int?, at: Int64) -> [AuditEntry] {
        changes.map { AuditEntry(at: at, login: author.login, source: author.source, cluster: cluster, event: event,
                                 field: $0.field, old: $0.old, new: $0.new) }
    }
}

extension AuditEntry {
    /// The entries of the newest `writes` writes in `entries` (newest first, as the log reads):
    /// one write's entries share their time and author. What changed an event since a copy that
    /// is `writes` revisions old, for a 409 to show.
    public static func newest(writes: Int, of entries: [AuditEntry]) -> [AuditEntry] {
        var result: [AuditEntry] = []
        var count = 0
        var previous: AuditEntry?
        for e in entries {
            if let p = previous, p.at == e.at, p.login == e.login, p.source == e.source {} else {
                count += 1
                if count > writes { break }
            }
            result.append(e)
            previous = e
        }
        return result
    }
}

/// A day and start as published (both nil: no date).
public struct PublishedTime: Hashable, Sendable, CustomStringConvertible {
    public var date: LocalDate?
    public var start: TimeOfDay?
    public init(date: LocalDate?, start: TimeOfDay?) { self.date = date; self.start = start }
    public var description: String { date.map { d in start.map { "\(d) \($0)" } ?? d.description } ?? "без даты" }
}

/// One event's move in a published schedule version.
public struct ScheduleMove: Hashable, Sendable {
    public var event: Int
    public var old: PublishedTime
    public var new: PublishedTime
    public init(event: Int, old: PublishedTime, new: PublishedTime) { self.event = event; self.old = old; self.new = new }
}

/// A published schedule of one cluster, numbered from 1, with what moved against the previous one.
public struct ScheduleVersion: Hashable, Sendable {
    public var cluster: String
    public var number: Int
    public var at: Int64
    public var login: String
    public var moves: [ScheduleMove]

    public init(cluster: String, number: Int, at: Int64, login: String, moves: [ScheduleMove]) {
        self.cluster = cluster
        self.number = number
        self.at = at
        self.login = login
        self.moves = moves
    }
}

extension EventSnapshot {
    public var publishedTime: PublishedTime { PublishedTime(date: state.date, start: state.start) }
}
