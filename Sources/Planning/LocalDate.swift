/// A calendar day without a time zone, as written in plan files (`2019-10-17`).
///
/// Stored as days since 1970-01-01 so comparisons and day arithmetic are integer operations;
/// the civil-calendar conversion is Howard Hinnant's `days_from_civil`, which needs no Foundation.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Returns nil for an impossible date such as 2021-02-29.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` exactly. Inlinable, like the other parsers over `decimalFields`: a
    /// store reads several per event, and unspecialised they went through the generic witnesses.
    @inlinable
    public init?(iso text: some StringProtocol) {
        guard let f = decimalFields(text, separator: "-", widths: [4...4, 2...2, 2...2]) else { return nil }
        self.init(year: f[0], month: f[1], day: f[2])
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }
    public var yearMonth: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month)! }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday { Weekday.allCases[((daysSinceEpoch % 7) + 7 + 3) % 7] }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var description: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `17.10.2019`, the usual Russian form.
    public var russian: String {
        let c = components
        return "\(pad(c.day, 2)).\(pad(c.month, 2)).\(c.year)"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Monday-first, as in Russian calendars.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var index: Int { Weekday.allCases.firstIndex(of: self)! }
    public static func < (a: Weekday, b: Weekday) -> Bool { a.index < b.index }

    public var russianShort: String { ["пн", "вт", "ср", "чт", "пт", "сб", "вс"][index] }
    public var englishShort: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][index] }
}

/// A month of a year: the window most plan events are given (`2019-10`).
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    @inlinable
    public init?(iso text: some StringProtocol) {
        guard let f = decimalFields(text, separator: "-", widths: [4...4, 2...2]) else { return nil }
        self.init(year: f[0], month: f[1])
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(year: year, month: month))! }
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public static let russianNames = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль",
                                      "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
    public static let englishNames = ["January", "February", "March", "April", "May", "June", "July",
                                      "August", "September", "October", "November", "December"]
    /// `Jan` … `Dec`: English dates in reports and HTTP dates.
    public static let englishShortNames = englishNames.map { String($0.prefix(3)) }

    /// `октябрь 2019`
    public var russian: String { "\(YearMonth.russianNames[month - 1]) \(year)" }
    public var english: String { "\(YearMonth.englishNames[month - 1]) \(year)" }
}

/// An academic year runs from 1 September to 31 August and is written `2019/2020`.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    @inlinable
    public init?(_ text: some StringProtocol) {
        guard let f = decimalFields(text, separator: "/", widths: [4...4, 4...4]), f[1] == f[0] + 1,
              InputLimits.academicYearStart.contains(f[0]) else { return nil }
        startYear = f[0]
    }

    /// The academic year a day belongs to.
    public init(containing date: LocalDate) {
        let c = date.components
        startYear = c.month >= 9 ? c.year : c.year - 1
    }

    public var firstDay: LocalDate { LocalDate(year: startYear, month: 9, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: startYear + 1, month: 8, day: 31)! }
    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }
    public func contains(_ month: YearMonth) -> Bool { contains(month.firstDay) }
    public var next: AcademicYear { AcademicYear(startYear: startYear + 1) }
    public var description: String { "\(startYear)/\(startYear + 1)" }

    public static func < (a: AcademicYear, b: AcademicYear) -> Bool { a.startYear < b.startYear }
}

/// A wall-clock time in the plan's time zone (`15:00`).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutesSinceMidnight: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutesSinceMidnight = hour * 60 + minute
    }

    @inlinable
    public init?(_ text: some StringProtocol) {
        guard let f = decimalFields(text, separator: ":", widths: [1...2, 2...2]) else { return nil }
        self.init(hour: f[0], minute: f[1])
    }

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    /// The time `minutes` later on a 24-hour clock (reduced first, so no overflow).
    public func adding(minutes: Int) -> TimeOfDay {
        TimeOfDay(minutesSinceMidnight: ((minutesSinceMidnight + minutes % 1440) % 1440 + 1440) % 1440)
    }

    private init(minutesSinceMidnight: Int) { self.minutesSinceMidnight = minutesSinceMidnight }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}

/// Parses plan-file durations: `2h`, `90m`, `1h30m`. Returns minutes.
public func parseDurationMinutes(_ text: String) -> Int? {
    var total = 0
    var number = ""
    var sawUnit = false
    for ch in text {
        if ch.isASCII, ch.isNumber { number.append(ch); continue }
        guard let n = Int(number) else { return nil }
        switch ch {
        case "h": total += n * 60
        case "m": total += n
        default: return nil
        }
        number = ""
        sawUnit = true
    }
    guard number.isEmpty, sawUnit, total > 0 else { return nil }
    return total
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// The decimal fields of `text` between `separator`s, each of ASCII digits only and as many as its
/// width allows; nil otherwise. Read from the UTF-8 bytes: dates and times are parsed for every
/// stored event, and splitting into substrings was a visible part of reading a large store.
@inlinable
func decimalFields(_ text: some StringProtocol, separator: Unicode.Scalar, widths: [ClosedRange<Int>]) -> [Int]? {
    var fields: [Int] = []
    fields.reserveCapacity(widths.count)
    var value = 0, digits = 0
    for byte in text.utf8 {
        if byte == UInt8(ascii: separator) {
            guard fields.count < widths.count - 1, widths[fields.count].contains(digits) else { return nil }
            fields.append(value)
            (value, digits) = (0, 0)
        } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 4 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        } else {
            return nil
        }
    }
    guard fields.count == widths.count - 1, widths[fields.count].contains(digits) else { return nil }
    fields.append(value)
    return fields
}
