import Planning
import Synthetic
import Testing

@Suite struct SyntheticDistrictTests {
    @Test func aCityHasTheRequestedSizeAndIsTheSameForTheSameSeed() {
        let city = SyntheticDistrict.make(schools: 700, clusters: 120, events: 2000, seed: 2019)
        #expect(city.schools.count == 700)
        #expect(city.clusters.count == 120)
        #expect(city.events.count == 2000)
        #expect(Set(city.events.map(\.year)) == [AcademicYear(startYear: 2019), AcademicYear(startYear: 2020)])
        #expect(city.clusters.allSatisfy { (5...7).contains($0.members.count) })
        #expect(city.events.allSatisfy { e in city.cluster(e.clusterID)!.members.contains(e.host) })
        #expect(city.events.allSatisfy { [9, 10, 11, 12, 1, 2, 3, 4, 5].contains($0.timing.firstDay.month) })
        #expect(city == SyntheticDistrict.make(schools: 700, clusters: 120, events: 2000, seed: 2019))
        #expect(city != SyntheticDistrict.make(schools: 700, clusters: 120, events: 2000, seed: 2020))
    }

    @Test func aTightDistrictPutsEverySchoolInTwoOrThreeClustersWithItsShareOfBusyDays() {
        let d = SyntheticDistrict.tight(schools: 40, eventsPerCluster: 4...6, busyPercent: 25...40, seed: 7)
        #expect(d == SyntheticDistrict.tight(schools: 40, eventsPerCluster: 4...6, busyPercent: 25...40, seed: 7))
        let term = d.events.map(\.timing.firstDay).min()!, end = d.events.map(\.timing.lastDay).max()!
        let working = (0...term.days(until: end)).map { term.adding(days: $0) }.filter { d.calendar.dayOff($0) == nil }
        for school in d.schools {
            let clusters = d.clusters.filter { $0.members.contains(school.id) }.count
            #expect((2...3).contains(clusters), "school \(school.id) in \(clusters) clusters")
            let busy = working.filter { day in d.calendar.busy.contains { $0.school == school.id && $0.from <= day && day <= $0.to } }
            #expect((25...45).contains(busy.count * 100 / working.count), "school \(school.id): \(busy.count) of \(working.count)")
        }
        #expect(d.clusters.allSatisfy { (4...6).contains($0.plan?.events.count ?? 0) })
    }
}
