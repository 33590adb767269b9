import Foundation
import Planning
import Testing
@testable import Reports

/// Issue 14, item 1: a store holding numbers past the input limits (written before them, or by
/// hand) must still give a report in every format, never trap.
@Suite struct LargeNumberTests {
    func hugeSnapshot() throws -> DistrictSnapshot {
        var snapshot = try Seeds.nevskySnapshot()
        for i in snapshot.events.indices where snapshot.events[i].state.status == .held {
            snapshot.events[i].state.outcome?.participants = Int.max
        }
        let c = try #require(snapshot.district.clusters.firstIndex { $0.id == "nevsky-exact" })
        snapshot.district.clusters[c].plan?.indicators.append(Indicator(id: "huge", title: "Огромный", target: 1e20))
        snapshot.indicatorValues.append(IndicatorValue(cluster: "nevsky-exact", indicator: "huge", year: Seeds.y2019, value: 1e20))
        return snapshot
    }

    @Test(arguments: [ReportFormat.html, .md, .csv, .docx])
    func hugeParticipantsAndTargetsRenderWithoutTrapping(format: ReportFormat) throws {
        let report = try buildReport(try hugeSnapshot(), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        #expect(report.summary.figures.participants == Int.max)
        let data = try render(report, as: format)
        #expect(data.count > 1000)
    }

    @Test func numbersPastIntRangeArePrintedNotConverted() {
        let labels = Labels(language: .ru)
        #expect(labels.number(1e20) == "1e+20")
        #expect(labels.number(.infinity) == "inf")
        #expect(labels.number(36) == "36")
        #expect(labels.number(71.25) == "71,25")
    }

    @Test func sumsSaturateInsteadOfOverflowing() {
        #expect([Int.max, Int.max, 5].saturatingSum { $0 } == Int.max)
        #expect([3, 4].saturatingSum { $0 } == 7)
        #expect(scaled(Int.max, of: Int.max, to: 170) == 170)
        #expect(scaled(Int.max / 2, of: Int.max, to: 170) == 85)
    }
}
