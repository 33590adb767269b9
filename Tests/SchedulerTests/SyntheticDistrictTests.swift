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
}
