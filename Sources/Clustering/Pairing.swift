import Planning

/// A low-result school and the high-result school that supports it (seed 001: опорная площадка).
public struct SupportPair: Hashable, Sendable {
    public var mentee: String
    public var site: String
    /// Euclidean distance between the two schools' contingent markers (0 = the same make-up).
    public var distance: Double
}

public struct UnpairedSchool: Hashable, Sendable {
    public var school: String
    public var reason: String
    public init(school: String, reason: String) { self.school = school; self.reason = reason }
}

public struct Pairing: Hashable, Sendable {
    public var capacity: Int
    /// In the order of the mentees in the input.
    public var pairs: [SupportPair]
    public var unpaired: [UnpairedSchool]

    /// Each support site with its mentees, sites in the order they first appear in `pairs`.
    public var bySite: [(site: String, mentees: [String])] {
        var order: [String] = []
        var mentees: [String: [String]] = [:]
        for pair in pairs {
            if mentees[pair.site] == nil { order.append(pair.site) }
            mentees[pair.site, default: []].append(pair.mentee)
        }
        return order.map { ($0, mentees[$0] ?? []) }
    }
}

/// Pairs every school that needs support (low results) with a support site (high results) of the
/// same contingent class, at most `capacity` mentees per site, keeping contingent distance small.
///
/// Seed 001 pairs only schools of similar contingent, so complex and favourable schools are never
/// mixed. Within a class each school is a point in [0,1]³ (special needs, non-native, social risk;
/// a missing marker takes the class mean). Exact minimum-cost assignment is too slow for 40,000
/// schools, so the pairing is greedy in rounds: every unpaired mentee finds its `candidates`
/// nearest sites that still have room through a grid of cubic cells over the sites' bounding box (ring by ring,
/// stop when the next ring cannot be closer); all these candidate edges are sorted by distance
/// (ties: input order) and taken while the site has room; full sites leave the grid; repeat with
/// the mentees left until all are paired or no site has room. A round always pairs at least the
/// globally shortest edge. Cost per round: O(m · cells searched + e log e).
public func pairSupportSites(_ schools: [SchoolAssessment], capacity: Int = 3, candidates: Int = 6) -> Pairing {
    var pairs: [(order: Int, pair: SupportPair)] = []
    var unpaired: [(order: Int, school: UnpairedSchool)] = []
    let capacity = max(capacity, 0)

    for contingent in Contingent.allCases {
        let members = schools.enumerated().filter { $0.element.contingent == contingent }
        let mentees = members.filter { $0.element.group.needsSupport }
        let sites = members.filter { $0.element.group.canSupport }
        guard !mentees.isEmpty else { continue }
        guard !sites.isEmpty, capacity > 0 else {
            let reason = sites.isEmpty
                ? "нет ОО с высокими результатами и \(contingent == .complex ? "сложным" : "благополучным") контингентом"
                : "ёмкость опорной площадки равна нулю"
            unpaired += mentees.map { ($0.offset, UnpairedSchool(school: $0.element.id, reason: reason)) }
            continue
        }
        let points = markerPoints(members.map(\.element))
        let pointByOrder = Dictionary(uniqueKeysWithValues: zip(members.map(\.offset), points))
        let sitePoints = sites.map { pointByOrder[$0.offset] ?? .zero }
        var grid = SiteGrid(points: sitePoints)
        var room = Array(repeating: capacity, count: sites.count)
        var waiting = Array(mentees.indices)

        while !waiting.isEmpty && !grid.isEmpty {
            var edges: [(distance: Double, mentee: Int, site: Int)] = []
            for m in waiting {
                let point = pointByOrder[mentees[m].offset] ?? .zero
                for (distance, site) in grid.nearest(to: point, count: candidates) {
                    edges.append((distance, m, site))
                }
            }
            edges.sort { ($0.distance, $0.mentee, $0.site) < ($1.distance, $1.mentee, $1.site) }
            var paired = Set<Int>()
            for edge in edges where room[edge.site] > 0 && !paired.contains(edge.mentee) {
                paired.insert(edge.mentee)
                room[edge.site] -= 1
                if room[edge.site] == 0 { grid.remove(edge.site) }
                let mentee = mentees[edge.mentee]
                pairs.append((mentee.offset, SupportPair(mentee: mentee.element.id, site: sites[edge.site].element.id,
                                                         distance: edge.distance)))
            }
            waiting.removeAll { paired.contains($0) }
        }
        let reason = "все опорные площадки со схожим контингентом уже ведут по \(capacity) ОО"
        unpaired += waiting.map { (mentees[$0].offset, UnpairedSchool(school: mentees[$0].element.id, reason: reason)) }
    }
    // Schools that need support but whose contingent is unknown cannot be matched on it.
    for (order, school) in schools.enumerated() where school.group.needsSupport && school.contingent == nil {
        unpaired.append((order, UnpairedSchool(school: school.id, reason: "нет сведений о контингенте")))
    }
    return Pairing(capacity: capacity,
                   pairs: pairs.sorted { $0.order < $1.order }.map(\.pair),
                   unpaired: unpaired.sorted { $0.order < $1.order }.map(\.school))
}

/// Marker vectors, a missing marker replaced by the mean of the schools that have it (0 if none do).
private func markerPoints(_ schools: [SchoolAssessment]) -> [SIMD3<Double>] {
    var sum = SIMD3<Double>.zero, count = SIMD3<Double>.zero
    for school in schools {
        for (axis, value) in school.profile.markers.all.enumerated() {
            if let value { sum[axis] += value; count[axis] += 1 }
        }
    }
    var mean = SIMD3<Double>.zero
    for axis in 0..<3 where count[axis] > 0 { mean[axis] = sum[axis] / count[axis] }
    return schools.map { school in
        var point = mean
        for (axis, value) in school.profile.markers.all.enumerated() {
            if let value { point[axis] = value }
        }
        return point
    }
}

/// Support sites bucketed in a grid of cubic cells over their bounding box, for nearest-neighbour search.
/// The box, not the unit cube: real markers crowd into a corner (few schools have 90% social risk),
/// and cells over empty space would leave the occupied ones overfull.
private struct SiteGrid {
    let points: [SIMD3<Double>]
    let origin: SIMD3<Double>
    let width: Double
    let dims: SIMD3<Int>
    var cells: [[Int]]
    var live: Int

    init(points: [SIMD3<Double>]) {
        self.points = points
        var low = points.first ?? .zero, high = low
        for point in points {
            low = pointwiseMin(low, point)
            high = pointwiseMax(high, point)
        }
        origin = low
        let extent = high - low
        // About two sites per cell, at most 4,096 cells: shrink the cell until there are enough of them.
        let target = min(max(points.count / 2, 1), 4096)
        func dims(_ width: Double) -> SIMD3<Int> {
            var d = SIMD3<Int>(repeating: 1)
            for axis in 0..<3 where extent[axis] > 0 { d[axis] = Int((extent[axis] / width).rounded(.up)) }
            return d
        }
        var width = max(extent.max(), 1e-9)
        while width > 1e-9, volume(dims(width * 0.8)) <= target {
            width *= 0.8
        }
        self.width = width
        self.dims = dims(width)
        cells = Array(repeating: [], count: volume(self.dims))
        live = points.count
        for (index, point) in points.enumerated() { cells[cellIndex(cell(of: point))].append(index) }
    }

    var isEmpty: Bool { live == 0 }

    func cell(of point: SIMD3<Double>) -> SIMD3<Int> {
        var c = SIMD3<Int>.zero
        for axis in 0..<3 {
            let offset = ((point[axis] - origin[axis]) / width).rounded(.down)
            c[axis] = offset < 0 ? 0 : min(Int(min(offset, 1e9)), dims[axis] - 1)
        }
        return c
    }

    func cellIndex(_ c: SIMD3<Int>) -> Int { (c.x * dims.y + c.y) * dims.z + c.z }

    mutating func remove(_ site: Int) {
        let index = cellIndex(cell(of: points[site]))
        cells[index].removeAll { $0 == site }
        live -= 1
    }

    /// Up to `count` nearest live sites, nearest first (ties: lower index).
    func nearest(to point: SIMD3<Double>, count: Int) -> [(Double, Int)] {
        var best: [(Double, Int)] = []
        let center = cell(of: point)
        for ring in 0..<dims.max() {
            for dx in -ring...ring {
                for dy in -ring...ring {
                    // Only the shell at Chebyshev distance `ring`: inside the cube, just its two faces in z.
                    let onEdge = abs(dx) == ring || abs(dy) == ring
                    for dz in stride(from: -ring, through: ring, by: onEdge || ring == 0 ? 1 : 2 * ring) {
                        let c = center &+ SIMD3(dx, dy, dz)
                        guard c.x >= 0, c.y >= 0, c.z >= 0, c.x < dims.x, c.y < dims.y, c.z < dims.z else { continue }
                        for site in cells[cellIndex(c)] {
                            let d = point - points[site]
                            let distance = (d * d).sum().squareRoot()
                            if best.count < count || (distance, site) < best[best.count - 1] {
                                let at = best.firstIndex { (distance, site) < $0 } ?? best.count
                                best.insert((distance, site), at: at)
                                if best.count > count { best.removeLast() }
                            }
                        }
                    }
                }
            }
            // A site in a further ring differs by `ring + 1` cells on some axis, so it is at least `ring` widths away
            // (also for a query outside the box, which is clamped to the nearest cell).
            if best.count == count, let last = best.last, last.0 <= Double(ring) * width { break }
        }
        return best
    }
}

private func volume(_ d: SIMD3<Int>) -> Int { d.x * d.y * d.z }
