import FuzzSupport
import PlanFiles

/// One plan file from arbitrary bytes: a located error or a district, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PlanLoader.load(text: text, file: "fuzz.yaml")
    return 0
}

@_cdecl("FuzzPlanFile_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzzPlanFile($0, $1) }
}
