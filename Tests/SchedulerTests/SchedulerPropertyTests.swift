import Planning
import PropertyBased
import Scheduler
import Synthetic
import Testing

/// Random small districts with crowded schools (few schools, several clusters) and random busy periods.
@Suite struct SchedulerPropertyTests {
    static let sizes = zip(Gen.int(in: 0...1_000_000), Gen.int(in: 8...30), Gen.int(in: 2...6), Gen.int(in: 8...80))
    static let busy = Gen.int(in: 0...1_000_000).array(of: 0...120)
    static let policy = Gen.int(in: 0...2)

    /// Each number becomes a busy period: a school (or, rarely, all schools), a start day and a length.
    static func district(_ sizes: (Int, Int, Int, Int), _ busy: [Int], _ policy: Int) -> District {
        let (seed, schools, clusters, events) = sizes
        var district = SyntheticDistrict.make(schools: schools, clusters: clusters, events: events, seed: UInt64(seed))
        let september = LocalDate(year: 2019, month: 9, day: 1)!
        for n in busy {
            let from = september.adding(days: (n / 7) % 640)
            let school = n % 23 == 0 ? nil : String(n % schools + 1)
            district.calendar.busy.append(BusyPeriod(school: school, from: from, to: from.adding(days: n % 9),
                                                     reason: "занятость \(n)"))
        }
        district.calendar.preferences.duringVacations = VacationPolicy.allCases[policy]
        return district
    }

    @Test func everyPlacementKeepsTheHardRulesAndEveryUnplacedEventIsExplained() async {
        var unplaced = 0
        await propertyCheck(count: 60, input: Self.sizes, Self.busy, Self.policy) { sizes, busy, policy in
            let district = Self.district(sizes, busy, policy)
            let result = schedule(ScheduleRequest(district: district))
            let rules = HardRules(district, result)
            #expect(rules.violations == [])
            #expect(result.isFeasible == !result.events.contains { $0.decision == .unplaced })
            for s in result.events where s.decision == .unplaced {
                #expect(!s.explanation.conflicts.isEmpty)
                #expect(rules.unexplained(s) == [])
                unplaced += 1
            }
        }
        // The crowded generator must produce unplaced events, or the explanation check proves nothing.
        #expect(unplaced > 0)
    }

    @Test func rerunningKeepsEveryPublishedDate() async {
        await propertyCheck(count: 30, input: Self.sizes, Self.busy, Self.policy) { sizes, busy, policy in
            let district = Self.district(sizes, busy, policy)
            let first = schedule(ScheduleRequest(district: district))
            let second = schedule(ScheduleRequest(district: district, previous: first.placements))
            for (a, b) in zip(first.events, second.events) {
                switch a.decision {
                case .placed(let p): #expect(b.decision == .kept(p))
                default: #expect(b.decision == a.decision)
                }
            }
        }
    }

    @Test func aNewBusyPeriodMovesOnlyEventsItTouches() async {
        await propertyCheck(count: 30, input: Self.sizes, Self.busy, Gen.int(in: 0...1_000_000)) { sizes, busy, extra in
            let before = Self.district(sizes, busy, 0)
            let after = Self.district(sizes, busy + [extra], 0)
            let first = schedule(ScheduleRequest(district: before))
            let second = schedule(ScheduleRequest(district: after, previous: first.placements))
            let added = after.calendar.busy.last!
            let events = Dictionary(uniqueKeysWithValues: after.events.map { ($0.id, $0) })
            for s in second.events {
                guard case .placed(let p) = first.event(s.id)?.decision else { continue }
                let e = events[s.id]!
                let touched = added.from <= p.date && p.date <= added.to
                    && (added.school == nil || e.participants.contains(added.school!) || e.host == added.school!)
                if touched { #expect(s.decision != .kept(p)) } else { #expect(s.decision == .kept(p)) }
            }
        }
    }
}
