import Planning

/// Made-up districts of any size for benchmarks and property tests: clusters of about six
/// neighbouring schools, work plans over 2019/2020 and 2020/2021 with events spread September to
/// May by month windows (a few explicit windows and pinned dates), a St Petersburg calendar with
/// Russian public holidays, school vacations, busy periods and busy intervals.
/// Deterministic: the same arguments give the same district on any machine.
public enum SyntheticDistrict {
    public static func make(schools schoolCount: Int, clusters clusterCount: Int, events eventCount: Int,
                            seed: UInt64) -> District {
        var rng = SplitMix64(seed: seed)
        let schoolCount = max(1, schoolCount), clusterCount = max(1, clusterCount)
        let kinds: [SchoolKind] = [.school, .school, .school, .gymnasium, .lyceum]
        let schools = (0..<schoolCount).map { i in
            let kind = kinds[rng.below(kinds.count)]
            return School(id: String(i + 1), name: "ГБОУ \(kindName(kind)) № \(i + 1)", district: "Синтетический район",
                          kind: kind, address: "Санкт-Петербург, Синтетическая ул., д. \(i + 1)")
        }
        let calendar = makeCalendar(schoolCount: schoolCount, rng: &rng)
        let years = [AcademicYear(startYear: 2019), AcademicYear(startYear: 2020)]
        let schoolMonths = [9, 10, 11, 12, 1, 2, 3, 4, 5]
        let formats = EventFormat.allCases

        var clusters: [Cluster] = []
        for c in 0..<clusterCount {
            // Neighbouring schools: members drawn from a run of 12 starting at a random school.
            let size = 5 + rng.below(3)
            let origin = rng.below(schoolCount)
            var members: [String] = []
            while members.count < min(size, schoolCount) {
                let id = String((origin + rng.below(min(12, schoolCount))) % schoolCount + 1)
                if !members.contains(id) { members.append(id) }
            }
            let clusterID = "cluster-\(c + 1)"
            let count = eventCount / clusterCount + (c < eventCount % clusterCount ? 1 : 0)
            var events: [PlannedEvent] = []
            var number = 0
            for k in 0..<count {
                number += rng.below(20) == 0 ? 2 : 1  // numbering gaps happen (seed 003 has no №5)
                let firstYearCount = (count + 1) / 2
                let yearIndex = k < firstYearCount ? 0 : 1
                let inYear = yearIndex == 0 ? k : k - firstYearCount
                let ofYear = yearIndex == 0 ? firstYearCount : count - firstYearCount
                let m = schoolMonths[inYear * schoolMonths.count / max(1, ofYear)]
                let month = YearMonth(year: years[yearIndex].startYear + (m >= 9 ? 0 : 1), month: m)!
                let timing: EventTiming
                switch rng.below(20) {
                case 0:
                    var day = LocalDate(year: month.year, month: month.month, day: 5 + rng.below(20))!
                    while calendar.dayOff(day) != nil { day = day.adding(days: 1) }
                    timing = .pinned(day)
                case 1:
                    let firstHalf = rng.below(2) == 0
                    timing = .window(from: firstHalf ? month.firstDay : month.firstDay.adding(days: 14),
                                     to: firstHalf ? month.firstDay.adding(days: 13) : month.lastDay)
                default:
                    timing = .month(month)
                }
                let host = rng.below(5) < 3 ? members[0] : members[rng.below(members.count)]
                var participants = members
                if rng.below(5) == 0 {
                    participants = [host]
                    for _ in 0..<2 {
                        let other = members[rng.below(members.count)]
                        if !participants.contains(other) { participants.append(other) }
                    }
                }
                let format = formats[rng.below(formats.count)]
                let start: TimeOfDay? = rng.below(10) == 0 ? TimeOfDay(hour: 14, minute: 0) : nil
                events.append(PlannedEvent(id: EventID(cluster: clusterID, number: number), year: years[yearIndex],
                                           format: format, title: "\(format.russian) №\(number)",
                                           purpose: "Обмен опытом школ кластера \(c + 1)", timing: timing,
                                           start: start, host: host, participants: participants))
            }
            clusters.append(Cluster(id: clusterID, title: "Кластер \(c + 1)", district: "Синтетический район",
                                    lead: members[0], members: members,
                                    coordinator: Coordinator(name: "Координатор кластера \(c + 1)",
                                                             email: "cluster-\(c + 1)@example.org"),
                                    plan: WorkPlan(years: years, goal: "Сетевое взаимодействие школ кластера \(c + 1)",
                                                   events: events)))
        }
        return District(name: "Синтетический район", schools: schools, clusters: clusters, calendar: calendar)
    }

    /// St Petersburg school vacations of 2019/2020 and 2020/2021.
    public static let stPetersburgVacations: [Vacation] = [
        Vacation(title: "Осенние каникулы", from: date(2019, 10, 28), to: date(2019, 11, 4)),
        Vacation(title: "Зимние каникулы", from: date(2019, 12, 29), to: date(2020, 1, 8)),
        Vacation(title: "Весенние каникулы", from: date(2020, 3, 23), to: date(2020, 3, 31)),
        Vacation(title: "Осенние каникулы", from: date(2020, 10, 26), to: date(2020, 11, 8)),
        Vacation(title: "Зимние каникулы", from: date(2020, 12, 28), to: date(2021, 1, 10)),
        Vacation(title: "Весенние каникулы", from: date(2021, 3, 22), to: date(2021, 3, 31)),
    ]

    /// Russian public holidays and the government's transfers, 2019-2021.
    public static let russianHolidays2019to2021: PublicHolidays = {
        var holidays: [LocalDate: String] = [:]
        for year in 2019...2021 {
            for day in 1...8 { holidays[date(year, 1, day)] = day == 7 ? "Рождество Христово" : "Новогодние каникулы" }
            holidays[date(year, 2, 23)] = "День защитника Отечества"
            holidays[date(year, 3, 8)] = "Международный женский день"
            holidays[date(year, 5, 1)] = "Праздник Весны и Труда"
            holidays[date(year, 5, 9)] = "День Победы"
            holidays[date(year, 6, 12)] = "День России"
            holidays[date(year, 11, 4)] = "День народного единства"
        }
        let transferred: Set<LocalDate> = [
            date(2019, 5, 2), date(2019, 5, 3), date(2019, 5, 10),
            date(2020, 2, 24), date(2020, 3, 9), date(2020, 5, 4), date(2020, 5, 5), date(2020, 5, 11),
            date(2021, 2, 22), date(2021, 5, 3), date(2021, 5, 10), date(2021, 6, 14), date(2021, 11, 5),
            date(2021, 12, 31),
        ]
        return PublicHolidays(holidays: holidays, transferredDaysOff: transferred, extraWorkingDays: [date(2021, 2, 20)])
    }()

    private static func makeCalendar(schoolCount: Int, rng: inout SplitMix64) -> DistrictCalendar {
        var busy = [
            BusyPeriod(school: nil, from: date(2020, 4, 15), to: date(2020, 4, 15), reason: "Районный методический день"),
            BusyPeriod(school: nil, from: date(2021, 4, 14), to: date(2021, 4, 14), reason: "Районный методический день"),
        ]
        var intervals: [BusyInterval] = []
        for s in 0..<schoolCount {
            let id = String(s + 1)
            if rng.below(10) == 0 {
                // A week of national assessments (ВПР) in April of one of the two years.
                let from = date(2020 + rng.below(2), 4, 6 + rng.below(14))
                busy.append(BusyPeriod(school: id, from: from, to: from.adding(days: 4), reason: "ВПР"))
            }
            if rng.below(50) == 0 {
                // A school calendar with teachers' councils on some afternoons.
                for _ in 0..<6 {
                    let day = date(2019 + rng.below(2), 9 + rng.below(4), 1 + rng.below(28))
                    intervals.append(BusyInterval(school: id, startDay: day, startMinute: 14 * 60, endDay: day,
                                                  endMinute: 17 * 60, reason: "Педсовет", source: "busy/\(id).ics"))
                }
            }
        }
        return DistrictCalendar(publicHolidays: russianHolidays2019to2021, vacations: stPetersburgVacations, busy: busy,
                                busyIntervals: intervals)
    }

    private static func kindName(_ kind: SchoolKind) -> String {
        switch kind {
        case .gymnasium: "гимназия"
        case .lyceum: "лицей"
        default: "СОШ"
        }
    }

    private static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
}

/// Sebastiano Vigna's SplitMix64: tiny, fast and the same on every platform (unlike the system generator).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; the modulo bias is negligible for the small bounds used here.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
