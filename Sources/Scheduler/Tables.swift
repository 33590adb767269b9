import Planning

/// Why one day is excluded for one event. Holds indices into the engine's tables, so the hot loop
/// builds no strings; `Engine.constraint(_:days:)` turns it into a `Constraint`.
enum Blocker: Hashable {
    case dayOff(DayOff)
    case vacation(Int)
    /// `school` -1: a busy period for every school.
    case busyPeriod(school: Int, period: Int)
    /// `school` -1: an interval for every school.
    case busyInterval(school: Int, interval: Int)
    case order(job: Int)
    case event(school: Int, job: Int)
}

/// One bit per (row, day): per-school busy days and per-school occupied days.
struct DayBits {
    let words: Int
    private var storage: [UInt64]

    init(rows: Int, span: Int) {
        words = (span + 63) >> 6
        storage = Array(repeating: 0, count: rows * words)
    }

    func contains(_ row: Int, _ day: Int) -> Bool {
        storage[row &* words &+ (day >> 6)] & (1 &<< UInt64(day & 63)) != 0
    }

    mutating func insert(_ row: Int, _ day: Int) {
        storage[row * words + (day >> 6)] |= 1 << UInt64(day & 63)
    }

    mutating func remove(_ row: Int, _ day: Int) {
        storage[row * words + (day >> 6)] &= ~(1 << UInt64(day & 63))
    }
}

/// The day each event occupies, or nil: 4 bytes an event, so the table stays in cache.
struct DayTable {
    private var raw: [Int32] = []

    init() {}
    init(count: Int) { raw = Array(repeating: Int32.min, count: count) }

    subscript(_ j: Int) -> Int? {
        get { raw[j] == Int32.min ? nil : Int(raw[j]) }
        set { raw[j] = newValue.map { Int32($0) } ?? Int32.min }
    }
}

struct Job {
    enum Role { case fixed(Placement?), pinned(LocalDate), free }

    let id: EventID
    let number: Int
    let timing: EventTiming
    let durationMinutes: Int
    /// School indices, the host first, without repeats.
    let schools: [Int]
    /// The host's index (a school or a partner venue: one event a day there); nil online.
    let host: Int?
    let cluster: Int
    /// Index into `Engine.vacationTables`: the district of the event's cluster.
    let districtSlot: Int
    /// Index of the event's (cluster, academic year) group: number order holds inside it.
    let group: Int
    /// Window as day numbers relative to `Engine.base`, both ends included.
    var first: Int
    var last: Int
    let start: TimeOfDay
    /// False for events outside `onlyCluster`: they occupy days but are not reported.
    let inScope: Bool
    let role: Role
    var target = 0
}

/// What a placed event's lines need beyond the engine's tables: its excluded days by blocker
/// (a range of `Engine.excludedCounts`) and the cluster's nearest events when it was placed.
struct PlacedFacts {
    var excludedStart: Int32 = 0, excludedCount: Int32 = -1
    var beforeGap: Int32 = 0, beforeJob: Int32 = -1
    var afterGap: Int32 = 0, afterJob: Int32 = -1

    var isPlaced: Bool { excludedCount >= 0 }
}

/// An engine as it was after `run()`, shared by the lazily rendered explanations of one result.
final class PlacedLines: Sendable {
    let engine: Engine
    init(_ engine: Engine) { self.engine = engine }
}

/// Earliest and latest day number order allows, with the events that set them.
struct OrderBounds {
    var lo = Int.min, loJob = -1
    var hi = Int.max, hiJob = -1
}
