/// Seed 002's monitoring step: which schools moved between groups from one year to the next.
public struct TransitionTable: Hashable, Sendable {
    /// A school's group in each year; `nil` = the school has no results that year.
    public struct Move: Hashable, Sendable {
        public var from: Group?
        public var to: Group?
    }

    /// Schools per (from, to) cell, including those that stayed.
    public var counts: [Move: Int]
    /// Schools whose group changed, in the order of the later year (then the earlier one).
    public var moved: [MovedSchool]

    public struct MovedSchool: Hashable, Sendable {
        public var school: String
        public var move: Move
    }

    public func count(from: Group?, to: Group?) -> Int { counts[Move(from: from, to: to)] ?? 0 }

    /// The groups that occur on either side, in the seeds' order, `nil` (no results) last.
    public var groups: [Group?] {
        let present = Set(counts.keys.flatMap { [$0.from, $0.to] })
        return Group.allCases.filter { present.contains($0) } + (present.contains(nil) ? [nil] : [])
    }
}

public func transitions(from earlier: [SchoolAssessment], to later: [SchoolAssessment]) -> TransitionTable {
    let before = Dictionary(earlier.map { ($0.id, $0.group) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(later.map { ($0.id, $0.group) }, uniquingKeysWith: { first, _ in first })
    var counts: [TransitionTable.Move: Int] = [:]
    var moved: [TransitionTable.MovedSchool] = []
    let schools = later.map(\.id) + earlier.map(\.id).filter { after[$0] == nil }
    for school in schools {
        let move = TransitionTable.Move(from: before[school], to: after[school])
        counts[move, default: 0] += 1
        if move.from != move.to { moved.append(TransitionTable.MovedSchool(school: school, move: move)) }
    }
    return TransitionTable(counts: counts, moved: moved)
}
