import FuzzSupport
import Clustering

/// One assessment-results CSV from arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultsCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? parseResults(csv: text, file: "fuzz.csv")
    return 0
}

@_cdecl("FuzzResultsCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzzResultsCSV($0, $1) }
}
