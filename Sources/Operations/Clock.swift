import Foundation
import Planning

/// Unix seconds now: the moment stamped on changes a command makes.
public func currentTime() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// Today's date in an IANA time zone (Moscow when the name is unknown).
@Sendable public func localToday(in timezone: String) -> LocalDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 3 * 3600) ?? .current
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
}
