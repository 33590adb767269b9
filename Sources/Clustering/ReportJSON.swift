/// `cluster-schools --format json`: numbers as numbers, codes as codes, and the thresholds the
/// classification applied, so a reader can reproduce it.
public struct ClusteringJSON: Encodable, Sendable {
    public struct Thresholds: Encodable, Sendable {
        public var minStudents: Int
        public var z: Double
        /// 2x2: share of the district's value below which results are low (1.0 = the district's value).
        public var resultThreshold: Double
        /// 2x2: mean share of contingent markers from which a school counts as complex.
        public var contingentThreshold: Double
        /// Mentees per support site.
        public var capacity: Int
    }

    public struct School: Encodable, Sendable {
        public var id: String
        public var name: String?
        public var contingent: String?
        /// The school's result relative to the district (1.0 = the district's value).
        public var relativeResult: Double?
        public var z: Double?
        public var group: String
        /// The plan-file cluster id; nil with too little data.
        public var cluster: String?
        public var previousGroup: String?
        public var reason: String?
    }

    public struct Pair: Encodable, Sendable {
        public var mentee: String
        public var site: String
        public var distance: Double
    }

    public struct Unpaired: Encodable, Sendable {
        public var school: String
        public var reason: String
    }

    public var method: String
    public var thresholds: Thresholds
    public var schools: [School]
    public var pairs: [Pair]
    public var unpaired: [Unpaired]

    public init(_ report: ClusteringReport) {
        method = report.method.rawValue
        let o = report.options
        thresholds = Thresholds(minStudents: o.minStudents, z: o.z, resultThreshold: o.resultThreshold,
                                contingentThreshold: o.contingentThreshold, capacity: report.pairing.capacity)
        let movedFrom = Dictionary((report.transitions?.moved ?? []).map { ($0.school, $0.move.from) },
                                   uniquingKeysWith: { a, _ in a })
        schools = report.schools.map { s in
            // With a previous year: the group then (`none` without results then); schools that did not move kept theirs.
            var previousGroup: String?
            if report.transitions != nil {
                if let from = movedFrom[s.id] { previousGroup = from?.rawValue ?? "none" } else { previousGroup = s.group.rawValue }
            }
            return School(id: s.id, name: s.profile.name, contingent: s.contingent?.rawValue, relativeResult: s.relativeResult,
                          z: s.combinedZ, group: s.group.rawValue, cluster: s.group == .insufficient ? nil : s.group.clusterID,
                          previousGroup: previousGroup, reason: s.reason)
        }
        pairs = report.pairing.pairs.map { Pair(mentee: $0.mentee, site: $0.site, distance: $0.distance) }
        unpaired = report.pairing.unpaired.map { Unpaired(school: $0.school, reason: $0.reason) }
    }
}
