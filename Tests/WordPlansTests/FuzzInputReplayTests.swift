import Foundation
import TestSupport
import Testing
@testable import WordPlans

/// The hostile Word files of `Tests/Fixtures/fuzz/word-plan/` (and whatever `make fuzz` finds):
/// a truncated ZIP, a part that is not UTF-8, entity expansion, deep nesting and a part that
/// inflates past the limit are each one short Russian message, never a trap or a plan.
@Suite struct FuzzInputReplayTests {
    @Test func everyHostileWordFileIsRefusedWithOneShortLine() throws {
        let files = try FuzzInputs.files("word-plan")
        #expect(files.count >= 5)
        for (name, data) in files {
            let result = readWordPlan(data, options: WordPlanOptions(fileName: name, clusterID: "fuzz"))
            guard case .failure(let error) = result else {
                Issue.record("\(name) was read as a plan")
                continue
            }
            #expect(!error.diagnostics.isEmpty, "\(name)")
            #expect(error.diagnostics.allSatisfy { $0.description.hasPrefix("\(name): ") && $0.description.count < 400 }, "\(name): \(error)")
        }
    }

    @Test(arguments: [
        ("<a><b/><c x=\"/>\"></c></a>", 2),
        ("<?xml version=\"1.0\"?><!-- <x> --><a><b><c/></b></a>", 2),
        ("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", 3),
    ])
    func nestingDepthCountsElementsOnly(xml: String, depth: Int) {
        #expect(DocxBody.nestingDepth(Data(xml.utf8), stoppingAbove: 100) == depth)
    }
}
