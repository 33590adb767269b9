import FuzzSupport
import ICal
import Planning

private let from = LocalDate(year: 2019, month: 9, day: 1)!
private let through = LocalDate(year: 2021, month: 8, day: 31)!

/// One busy calendar from arbitrary bytes, expanded over a two-year plan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBusyICS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? readBusyCalendar(text: text, file: "fuzz.ics", school: "344", timezone: "Europe/Moscow",
                              from: from, through: through)
    return 0
}

@_cdecl("FuzzBusyICS_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { fuzzBusyICS($0, $1) }
}
