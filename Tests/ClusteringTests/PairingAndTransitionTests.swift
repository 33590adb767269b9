import Clustering
import Planning
import Testing

func assessment(_ id: String, _ group: Group, _ contingent: Contingent?, risk: Double? = nil) -> SchoolAssessment {
    SchoolAssessment(profile: SchoolProfile(id: id, markers: ContingentMarkers(socialRisk: risk)),
                     contingent: contingent, group: group)
}

@Suite struct PairingTests {
    @Test func kirovLowSchoolsGetSupportSitesOfTheirOwnContingent() throws {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        let schools = classify2x2(rows)
        let pairing = pairSupportSites(schools, capacity: 3)
        let group = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.group) })
        #expect(pairing.unpaired.isEmpty)
        #expect(pairing.pairs.count == 12 + 5)
        for pair in pairing.pairs {
            let pairKinds = (group[pair.mentee], group[pair.site])
            #expect(pairKinds == (.complexLow, .complexHigh) || pairKinds == (.favourableLow, .favourableHigh))
        }
        #expect(pairing.bySite.allSatisfy { $0.mentees.count <= 3 })
    }

    @Test func nearestSitesFillUpToCapacityAndTheRestAreExplained() {
        let schools = [
            assessment("site", .complexHigh, .complex, risk: 0.30),
            assessment("m1", .complexLow, .complex, risk: 0.50),
            assessment("m2", .complexLow, .complex, risk: 0.31),
            assessment("m3", .complexLow, .complex, risk: 0.29),
            assessment("m4", .complexLow, .complex, risk: 0.90),
            assessment("m5", .complexLow, .complex, risk: 0.35),
            assessment("f1", .favourableLow, .favourable, risk: 0.05),
            assessment("u1", .complexLow, nil),
        ]
        let pairing = pairSupportSites(schools, capacity: 3)
        #expect(pairing.pairs.map(\.mentee) == ["m2", "m3", "m5"])
        #expect(pairing.pairs.allSatisfy { $0.site == "site" })
        #expect(pairing.unpaired == [
            UnpairedSchool(school: "m1", reason: "все опорные площадки со схожим контингентом уже ведут по 3 ОО"),
            UnpairedSchool(school: "m4", reason: "все опорные площадки со схожим контингентом уже ведут по 3 ОО"),
            UnpairedSchool(school: "f1", reason: "нет ОО с высокими результатами и благополучным контингентом"),
            UnpairedSchool(school: "u1", reason: "нет сведений о контингенте"),
        ])
    }

    /// Sites spread over the whole marker cube, or crowded into a corner with mentees outside their box.
    @Test(arguments: [1.0, 0.2])
    func withRoomEnoughEveryMenteeGetsItsNearestSite(siteSpread: Double) {
        // A deterministic spread of 300 sites and 600 mentees.
        func markers(_ i: Int, _ scale: Double = 1) -> ContingentMarkers {
            ContingentMarkers(specialNeeds: scale * Double((i * 37) % 101) / 100, nonNative: scale * Double((i * 53) % 97) / 96,
                              socialRisk: scale * Double((i * 71) % 89) / 88)
        }
        let sites = (0..<300).map { SchoolAssessment(profile: SchoolProfile(id: "s\($0)", markers: markers($0, siteSpread)),
                                                     contingent: .complex, group: .complexHigh) }
        let mentees = (300..<900).map { SchoolAssessment(profile: SchoolProfile(id: "m\($0)", markers: markers($0)),
                                                         contingent: .complex, group: .complexLow) }
        let pairing = pairSupportSites(sites + mentees, capacity: 600)
        func distance(_ a: SchoolAssessment, _ b: SchoolAssessment) -> Double {
            zip(a.profile.markers.all, b.profile.markers.all).map { (($0 ?? 0) - ($1 ?? 0)) * (($0 ?? 0) - ($1 ?? 0)) }
                .reduce(0, +).squareRoot()
        }
        #expect(pairing.pairs.count == 600)
        for (pair, mentee) in zip(pairing.pairs, mentees) {
            let nearest = sites.map { distance(mentee, $0) }.min() ?? 0
            #expect(abs(pair.distance - nearest) < 1e-12)
        }
    }

    @Test func capacityIsNeverExceededWhenSitesAreScarce() {
        let sites = (0..<10).map { assessment("s\($0)", .favourableHigh, .favourable, risk: Double($0) / 10) }
        let mentees = (0..<50).map { assessment("m\($0)", .favourableLow, .favourable, risk: Double($0 % 17) / 17) }
        let pairing = pairSupportSites(sites + mentees, capacity: 3)
        #expect(pairing.pairs.count == 30)
        #expect(pairing.unpaired.count == 20)
        #expect(pairing.bySite.allSatisfy { $0.mentees.count == 3 })
        #expect(Set(pairing.pairs.map(\.mentee)).count == 30)
    }
}

@Suite struct TransitionTests {
    @Test func twoYearsGiveTheTransitionTable() throws {
        let rows = try parseResults(csv: try fixture("two-years.csv"), file: "two-years.csv")
        let earlier = classifyByConfidenceInterval(rows.filter { $0.measure.year == AcademicYear(startYear: 2019) })
        let later = classifyByConfidenceInterval(rows.filter { $0.measure.year == AcademicYear(startYear: 2020) })
        #expect(earlier.map(\.group) == [.below, .within, .above, .within, .below])
        #expect(later.map(\.group) == [.within, .within, .above, .below, .within])

        let table = transitions(from: earlier, to: later)
        #expect(table.moved.map(\.school) == ["A", "D", "F", "E"])
        #expect(table.count(from: .below, to: .within) == 1)
        #expect(table.count(from: .within, to: .within) == 1)
        #expect(table.count(from: .above, to: .above) == 1)
        #expect(table.count(from: .within, to: .below) == 1)
        #expect(table.count(from: nil, to: .within) == 1)
        #expect(table.count(from: .below, to: nil) == 1)
        #expect(table.counts.values.reduce(0, +) == 6)
        #expect(table.matrixLines() == [
            "было \\ стало     ниже интервала  в интервале  выше интервала  нет результатов",
            "ниже интервала   0               1            0               1",
            "в интервале      1               1            0               0",
            "выше интервала   0               0            1               0",
            "нет результатов  0               1            0               0",
        ])
    }
}
