/// The filters of `events` and `/api/events`: one meaning for both. Unknown ids are errors that
/// name the closest known ones.
public struct EventQuery: Hashable, Sendable {
    public var cluster: String?
    public var school: String?
    public var year: AcademicYear?

    public init(cluster: String? = nil, school: String? = nil, year: AcademicYear? = nil) {
        self.cluster = cluster
        self.school = school
        self.year = year
    }

    /// The matching events sorted by id, removed ones included (feeds show them cancelled).
    public func events(in snapshot: DistrictSnapshot) throws(UnknownID) -> [EventSnapshot] {
        let district = snapshot.district
        if let cluster, district.cluster(cluster) == nil {
            throw UnknownID(kind: .cluster, id: cluster, known: district.clusters.map(\.id))
        }
        if let school, district.school(school) == nil {
            throw UnknownID(kind: .school, id: school, known: district.schools.map(\.id))
        }
        if let year, !snapshot.years.contains(year) {
            throw UnknownID(kind: .year, id: year.description, known: snapshot.years.map(\.description))
        }
        return snapshot.events
            .filter { e in cluster.map { e.event.clusterID == $0 } ?? true }
            .filter { e in school.map { e.event.host == $0 || e.event.participants.contains($0) } ?? true }
            .filter { e in year.map { e.event.year == $0 } ?? true }
            .sorted { $0.id < $1.id }
    }
}

extension DistrictSnapshot {
    /// The academic years the plans cover: every plan's years and every event's.
    public var years: [AcademicYear] {
        Set(district.clusters.flatMap { $0.plan?.years ?? [] } + events.map(\.event.year)).sorted()
    }
}

/// An id the district does not know, with the closest known ones (and all of them when few).
public struct UnknownID: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable { case cluster, school, event, year }
    public var kind: Kind
    public var id: String
    public var suggestions: [String]
    /// Every known id, when there are few enough to list.
    public var valid: [String]?

    public init(kind: Kind, id: String, known: [String]) {
        self.kind = kind
        self.id = id
        // Years that differ by a digit are not typos of each other: they are listed instead.
        suggestions = kind == .year ? [] : closest(to: id, in: known)
        valid = known.count <= 12 ? known : nil
    }

    /// An event id not in the store: the numbers its cluster has, or the clusters it may have meant.
    public static func event(_ id: EventID, in snapshot: DistrictSnapshot) -> UnknownID {
        let numbers = snapshot.events(inCluster: id.cluster).map(\.event.number).sorted()
        if numbers.isEmpty {
            var error = UnknownID(kind: .event, id: id.description, known: [])
            error.suggestions = closest(to: id.cluster, in: snapshot.district.clusters.map(\.id)).map { "\($0)/\(id.number)" }
            return error
        }
        var error = UnknownID(kind: .event, id: id.description, known: numbers.map { "\(id.cluster)/\($0)" })
        error.suggestions = []
        return error
    }

    public var description: String {
        let noun = switch kind {
        case .cluster: "неизвестный кластер"
        case .school: "неизвестная школа"
        case .event: "неизвестное мероприятие"
        case .year: "учебный год вне всех планов:"
        }
        var text = "\(noun) «\(id)»"
        if !suggestions.isEmpty { text += "; может быть, " + suggestions.map { "«\($0)»" }.joined(separator: " или ") + "?" }
        if let valid, !valid.isEmpty, suggestions.isEmpty { text += " (есть: \(valid.joined(separator: ", ")))" }
        return text
    }
}

/// Known words within a small edit distance of `word`, nearest first (at most three).
public func closest(to word: String, in known: [String]) -> [String] {
    let limit = max(1, word.count / 3)
    return known.map { ($0, editDistance(word, $0)) }
        .filter { $0.1 <= limit }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        .prefix(3).map(\.0)
}

/// Levenshtein distance over characters, for "did you mean" hints.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
