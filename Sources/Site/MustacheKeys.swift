import Mustache

/// A page value that names its fields for Mustache by key path. Without it Mustache finds each
/// `{{name}}` through `Mirror`, which decodes the type's field list again on every lookup: most of
/// a workspace page's time went there (a cluster's 100 event rows). For values repeated in lists.
protocol MustacheKeys: MustacheParent {
    static var keys: [String: PartialKeyPath<Self>] { get }
}

extension MustacheKeys {
    /// The value Mustache's own `Mirror` lookup gives, found without reflection: an optional's
    /// value, or nil when it has none (boxed as `Any`, an empty optional would count as present and
    /// print «nil»). Debug builds (the tests) check that the table names every stored field, so a
    /// field added later cannot vanish from its page unnoticed.
    public func child(named name: String) -> Any? {
        assert(Set(Self.keys.keys) == Set(Mirror(reflecting: self).children.compactMap(\.label)),
               "\(Self.self).keys does not name exactly its stored fields")
        guard let path = Self.keys[name] else { return nil }
        let value = self[keyPath: path]
        guard let optional = value as? any OptionalField else { return value }
        return optional.wrappedValue
    }
}

/// What `child(named:)` unwraps.
private protocol OptionalField {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalField {
    var wrappedValue: Any? { map { $0 } }
}

// Key paths are immutable values: sharing the tables between requests is safe.
extension WorkspaceEventRow: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "id": \.id, "number": \.number, "cluster": \.cluster, "title": \.title, "date": \.date, "status": \.status, "host": \.host,
        "pending": \.pending, "editHref": \.editHref, "outcomeHref": \.outcomeHref, "registrationsHref": \.registrationsHref,
        "removed": \.removed,
    ]
}

extension EventList: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["items": \.items, "any": \.any, "more": \.more]
}

extension FormOption: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["value": \.value, "label": \.label, "selected": \.selected]
}

extension PageLink: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["href": \.href, "label": \.label]
}

extension WorkspaceHomePage.Cluster: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["title": \.title, "id": \.id, "href": \.href, "page": \.page]
}

// Whole pages: their fields are looked up too when a list's item lacks a name (the frame, the problems).
extension WorkspaceFrame: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "home": \.home, "login": \.login, "role": \.role, "csrf": \.csrf, "mayManageUsers": \.mayManageUsers,
        "mayEditCalendar": \.mayEditCalendar, "mayManageSupport": \.mayManageSupport,
    ]
}

extension EventFormValues: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "format": \.format, "title": \.title, "purpose": \.purpose, "month": \.month, "date": \.date, "from": \.from,
        "to": \.to, "start": \.start, "duration": \.duration, "host": \.host, "link": \.link, "participants": \.participants,
        "tasks": \.tasks, "participantList": \.participantList, "taskList": \.taskList,
    ]
}

extension EventFormPage: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "home": \.home, "timezone": \.timezone, "frame": \.frame, "csrf": \.csrf, "action": \.action,
        "cluster": \.cluster, "clusterHref": \.clusterHref, "isNew": \.isNew, "revision": \.revision, "published": \.published,
        "values": \.values, "formats": \.formats, "hosts": \.hosts, "participants": \.participants, "tasks": \.tasks,
        "removeAction": \.removeAction, "materials": \.materials, "uploadAction": \.uploadAction, "general": \.general,
        "problems": \.problems,
    ]
}

extension WorkspaceClusterPage: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "home": \.home, "timezone": \.timezone, "frame": \.frame, "notice": \.notice, "id": \.id,
        "lead": \.lead, "events": \.events, "actions": \.actions,
    ]
}

extension WorkspaceHomePage: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "home": \.home, "timezone": \.timezone, "frame": \.frame, "hasClusters": \.hasClusters,
        "clusters": \.clusters, "newCluster": \.newCluster, "lists": \.lists, "support": \.support,
        "supportHref": \.supportHref,
    ]
}

extension WorkspaceHomeLists: MustacheKeys {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "upcoming": \.upcoming, "unrecorded": \.unrecorded, "unplaced": \.unplaced, "pending": \.pending,
    ]
}
