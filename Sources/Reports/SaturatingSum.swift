/// Report sums that cannot trap: input limits keep counts small, but a store written before
/// them (or by hand) may hold anything, and one report must never end the server.
extension Int {
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Sequence {
    func saturatingSum(_ value: (Element) -> Int) -> Int { reduce(0) { $0.saturatingAdd(value($1)) } }
}

/// `value / maximum` of `length` pixels, in floating point so large values cannot overflow.
func scaled(_ value: Int, of maximum: Int, to length: Int) -> Int {
    guard maximum > 0 else { return 0 }
    return Int((Double(value) / Double(maximum) * Double(length)).rounded(.down))
}
