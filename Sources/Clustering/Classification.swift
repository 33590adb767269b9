import Planning

/// How schools are put into groups.
public enum ClusteringMethod: String, CaseIterable, Sendable {
    /// Seed 000: the school's 95% confidence interval against the district's value.
    case ci
    /// Seed 001: contingent complex/favourable x results low/high.
    case twoByTwo = "2x2"

    /// The method's groups in the seeds' order.
    public var groups: [Group] {
        switch self {
        case .ci: [.below, .within, .above]
        case .twoByTwo: [.complexLow, .complexHigh, .favourableLow, .favourableHigh]
        }
    }
}

/// A school's group; the raw value is the key used in recommendation files.
public enum Group: String, CaseIterable, Sendable, Comparable {
    case below, within, above
    case complexLow = "complex-low", complexHigh = "complex-high"
    case favourableLow = "favourable-low", favourableHigh = "favourable-high"
    /// Too few students (or no spread) to say anything.
    case insufficient

    /// Seed 000's and seed 001's own names.
    public var title: String {
        switch self {
        case .below: "ОО с низкими результатами"
        case .within: "ОО с результатами в пределах доверительного интервала"
        case .above: "ОО с высокими результатами"
        case .complexLow: "Кластер №1: сложный контингент, низкие результаты"
        case .complexHigh: "Кластер №2: сложный контингент, высокие результаты"
        case .favourableLow: "Кластер №3: благополучный контингент, низкие результаты"
        case .favourableHigh: "Кластер №4: благополучный контингент, высокие результаты"
        case .insufficient: "Недостаточно данных"
        }
    }

    /// The plan-file cluster id.
    public var clusterID: String {
        switch self {
        case .complexLow: "cluster-1"
        case .complexHigh: "cluster-2"
        case .favourableLow: "cluster-3"
        case .favourableHigh: "cluster-4"
        default: rawValue
        }
    }

    /// Schools that need a support site (seed 001: low results).
    public var needsSupport: Bool { self == .below || self == .complexLow || self == .favourableLow }
    /// Schools that can be a support site (high results).
    public var canSupport: Bool { self == .above || self == .complexHigh || self == .favourableHigh }

    public static func < (a: Group, b: Group) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct ClassificationOptions: Hashable, Sendable {
    /// Fewer students than this on a measure: the measure says nothing about the school.
    public var minStudents: Int
    /// 1.96 for the 95% interval.
    public var z: Double
    /// 2x2: results are low when the school's result relative to the district is below this (1.0 = the district's value).
    public var resultThreshold: Double
    /// 2x2 without an explicit flag: complex when the mean of the contingent markers reaches this share.
    public var contingentThreshold: Double

    public init(minStudents: Int = 10, z: Double = 1.96, resultThreshold: Double = 1.0, contingentThreshold: Double = 0.2) {
        self.minStudents = minStudents
        self.z = z
        self.resultThreshold = resultThreshold
        self.contingentThreshold = contingentThreshold
    }

    /// The thresholds as the output states them.
    public func statement(for method: ClusteringMethod) -> String {
        switch method {
        case .ci:
            "Группа по 95%-ному доверительному интервалу результата ОО (±\(format(z))·σ/√n; для доли — по биномиальной ошибке) "
                + "относительно значения района (среднее, взвешенное по числу участников); по нескольким работам z-оценки "
                + "объединяются (Стауффер); работы, где меньше \(minStudents) участников, не учитываются."
        case .twoByTwo:
            "Контингент сложный — по отметке района, а без неё — если средняя доля маркеров (ОВЗ, неродной язык, "
                + "социальный риск) не ниже \(percent(contingentThreshold)); результаты низкие, если результат ОО ниже "
                + "\(percent(resultThreshold)) от значения района (в среднем по работам, взвешенно по участникам); "
                + "работы, где меньше \(minStudents) участников, не учитываются."
        }
    }
}

/// A school's result on one measure set against the district.
public struct MeasureResult: Hashable, Sendable {
    public var measure: Measure
    public var students: Int
    public var value: Double
    public var districtValue: Double
    /// The 95% interval; `nil` when there are too few students or no standard deviation.
    public var interval: ClosedRange<Double>?
    /// below / within / above the district's value, or insufficient.
    public var group: Group
}

/// Everything the classification knows about one school.
public struct SchoolAssessment: Hashable, Sendable {
    public var profile: SchoolProfile
    /// The explicit flag, else what the markers say, else unknown.
    public var contingent: Contingent?
    /// The school's result divided by the district's value, averaged over its measures weighted by students.
    public var relativeResult: Double?
    /// Combined z-score of the school's measures against the district (Stouffer).
    public var combinedZ: Double?
    public var measures: [MeasureResult]
    public var group: Group
    /// Why the school is `insufficient`.
    public var reason: String?

    public var id: String { profile.id }

    public init(profile: SchoolProfile, contingent: Contingent?, relativeResult: Double? = nil, combinedZ: Double? = nil,
                measures: [MeasureResult] = [], group: Group, reason: String? = nil) {
        self.profile = profile
        self.contingent = contingent
        self.relativeResult = relativeResult
        self.combinedZ = combinedZ
        self.measures = measures
        self.group = group
        self.reason = reason
    }
}

/// Seed 000: below / within / above the district's value by each school's 95% confidence interval.
public func classifyByConfidenceInterval(_ rows: [ResultRow], options: ClassificationOptions = ClassificationOptions()) -> [SchoolAssessment] {
    assess(rows, options: options).map { school in
        var school = school
        if let z = school.combinedZ {
            school.group = z < -options.z ? .below : z > options.z ? .above : .within
        } else {
            school.reason = insufficiencyReason(school.measures, options: options, missing: "нет стандартного отклонения (sd) для среднего балла")
        }
        return school
    }
}

/// Seed 001: contingent complex/favourable x results low/high, four clusters in the seed's order.
public func classify2x2(_ rows: [ResultRow], options: ClassificationOptions = ClassificationOptions()) -> [SchoolAssessment] {
    assess(rows, options: options).map { school in
        var school = school
        switch (school.contingent, school.relativeResult) {
        case (nil, _):
            school.reason = "нет сведений о контингенте (столбец contingent или маркеры)"
        case (_, nil):
            school.reason = insufficiencyReason(school.measures, options: options, missing: "значение района равно нулю")
        case (.complex?, let r?):
            school.group = r < options.resultThreshold ? .complexLow : .complexHigh
        case (.favourable?, let r?):
            school.group = r < options.resultThreshold ? .favourableLow : .favourableHigh
        }
        return school
    }
}

public func classify(_ rows: [ResultRow], method: ClusteringMethod, options: ClassificationOptions = ClassificationOptions()) -> [SchoolAssessment] {
    switch method {
    case .ci: classifyByConfidenceInterval(rows, options: options)
    case .twoByTwo: classify2x2(rows, options: options)
    }
}

/// The effective contingent: the district's flag, else the mean of the known markers against the threshold.
public func effectiveContingent(_ profile: SchoolProfile, threshold: Double) -> Contingent? {
    if let flag = profile.contingent { return flag }
    let known = profile.markers.all.compactMap { $0 }
    guard !known.isEmpty else { return nil }
    return known.reduce(0, +) / Double(known.count) >= threshold ? .complex : .favourable
}

/// A z-score this large already means "certainly different"; clipping keeps +inf and -inf from cancelling into NaN.
private let zLimit = 40.0

/// Per-measure intervals and the per-school aggregates, with every group still `insufficient`.
private func assess(_ rows: [ResultRow], options: ClassificationOptions) -> [SchoolAssessment] {
    // Measures and schools are numbered once, so the passes below index arrays instead of hashing
    // two strings per row again (this matters at 40,000 schools x 10 subjects).
    var measureNumber: [Measure: Int] = [:]
    var distinct: [Measure] = []
    var measureOfRow: [Int] = []
    measureOfRow.reserveCapacity(rows.count)
    var schoolNumber: [String: Int] = [:]
    var rowsOfSchool: [[Int]] = []
    // The district's value of a measure: the schools' values weighted by their students.
    var weighted: [Double] = [], students: [Int] = [], plain: [Double] = [], counts: [Int] = []
    for (index, row) in rows.enumerated() {
        let m: Int
        if let known = measureNumber[row.measure] {
            m = known
        } else {
            m = distinct.count
            measureNumber[row.measure] = m
            distinct.append(row.measure)
            weighted.append(0); students.append(0); plain.append(0); counts.append(0)
        }
        measureOfRow.append(m)
        weighted[m] += row.score.value * Double(row.students)
        students[m] += row.students
        plain[m] += row.score.value
        counts[m] += 1
        if let s = schoolNumber[row.school.id] {
            rowsOfSchool[s].append(index)
        } else {
            schoolNumber[row.school.id] = rowsOfSchool.count
            rowsOfSchool.append([index])
        }
    }
    let districtValue = distinct.indices.map { m in
        students[m] > 0 ? weighted[m] / Double(students[m]) : plain[m] / Double(counts[m])
    }
    // Each school's measures are listed in one fixed order: rank the distinct measures once.
    var rank = [Int](repeating: 0, count: distinct.count)
    for (position, m) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() { rank[m] = position }

    return rowsOfSchool.map { indices in
        var measures: [MeasureResult] = []
        measures.reserveCapacity(indices.count)
        var zSum = 0.0, zCount = 0
        var relativeSum = 0.0, relativeStudents = 0
        for index in indices.sorted(by: { rank[measureOfRow[$0]] < rank[measureOfRow[$1]] }) {
            let row = rows[index]
            let district = districtValue[measureOfRow[index]]
            let x = row.score.value
            var result = MeasureResult(measure: row.measure, students: row.students, value: x, districtValue: district,
                                       interval: nil, group: .insufficient)
            if row.students >= options.minStudents {
                if district > 0 {
                    relativeSum += Double(row.students) * x / district
                    relativeStudents += row.students
                }
                if let se = standardError(row.score, students: row.students) {
                    let interval = (x - options.z * se)...(x + options.z * se)
                    result.interval = interval
                    result.group = interval.upperBound < district ? .below : interval.lowerBound > district ? .above : .within
                    let z = se > 0 ? (x - district) / se : (x == district ? 0 : (x < district ? -zLimit : zLimit))
                    zSum += min(max(z, -zLimit), zLimit)
                    zCount += 1
                }
            }
            measures.append(result)
        }
        let profile = rows[indices[0]].school
        return SchoolAssessment(
            profile: profile,
            contingent: effectiveContingent(profile, threshold: options.contingentThreshold),
            relativeResult: relativeStudents > 0 ? relativeSum / Double(relativeStudents) : nil,
            combinedZ: zCount > 0 ? zSum / Double(zCount).squareRoot() : nil,
            measures: measures,
            group: .insufficient,
            reason: nil
        )
    }
}

/// Standard error of a mean (σ/√n) or of a share (√(p(1-p)/n)); `nil` without a standard deviation.
private func standardError(_ score: Score, students: Int) -> Double? {
    let n = Double(students)
    switch score {
    case .mean(_, let sd?): return sd / n.squareRoot()
    case .mean(_, nil): return nil
    case .successShare(let p): return (p * (1 - p) / n).squareRoot()
    }
}

/// Too few students everywhere, or else what the method lacked (`missing`).
private func insufficiencyReason(_ measures: [MeasureResult], options: ClassificationOptions, missing: String) -> String {
    measures.allSatisfy { $0.students < options.minStudents } ? "меньше \(options.minStudents) участников в каждой работе" : missing
}

func format(_ x: Double) -> String {
    let rounded = (x * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

func percent(_ share: Double) -> String { "\(format(share * 100))%" }
