import Foundation
import PlanFiles
import TestSupport
import Testing

/// Every plan-file input of `Tests/Fixtures/fuzz/plan-file/` gives located, bounded errors in bounded time.
@Suite struct FuzzInputReplayTests {
    @Test func everyHostilePlanFileIsRefusedWithShortLocatedLines() throws {
        let files = try FuzzInputs.files("plan-file")
        #expect(files.count >= 3)
        let clock = ContinuousClock()
        for (name, data) in files {
            var failure: PlanLoadError?
            let elapsed = clock.measure {
                do { _ = try PlanLoader.load(text: String(decoding: data, as: UTF8.self), file: name) } catch let error as PlanLoadError { failure = error } catch {}
            }
            #expect(elapsed < .seconds(20), "\(name)")
            let lines = failure?.diagnostics.map(\.description) ?? []
            #expect(!lines.isEmpty, "\(name)")
            #expect(lines.allSatisfy { $0.hasPrefix("\(name):") && $0.count < 400 && !$0.contains("\r") }, "\(name)")
        }
    }
}
