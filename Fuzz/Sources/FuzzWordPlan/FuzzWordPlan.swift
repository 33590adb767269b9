import Foundation
import FuzzSupport
import WordPlans

/// One Word work plan from arbitrary bytes (a damaged ZIP, broken XML, odd tables): a located
/// problem or a plan, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWordPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = readWordPlan(Data(bytes: data, count: size), options: WordPlanOptions(fileName: "fuzz.docx", clusterID: "fuzz"))
    return 0
}

@_cdecl("FuzzWordPlan_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzzWordPlan($0, $1) }
}
