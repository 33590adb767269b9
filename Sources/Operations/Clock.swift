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

/// The moment `time` (Unix seconds) on the clock of an IANA time zone (Moscow when the name is unknown).
public func localMoment(at time: Int64, in timezone: String) -> LocalMoment {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 3 * 3600) ?? .current
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(time)))
    return LocalMoment(date: LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0),
                       time: TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0) ?? TimeOfDay(hour: 0, minute: 0)!)
}
