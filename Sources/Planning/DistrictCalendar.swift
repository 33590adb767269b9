/// The district's calendar: which days events may use, and the preferences the scheduler weighs.
public struct DistrictCalendar: Hashable, Sendable {
    public var workingDays: Set<Weekday>
    public var defaultStart: TimeOfDay
    /// Extra days off from the plan, on top of the built-in public holidays.
    public var holidays: Set<LocalDate>
    /// Built-in public holidays and the government's weekend transfers (loaded by `PlanFiles`).
    public var publicHolidays: PublicHolidays
    public var vacations: [Vacation]
    public var busy: [BusyPeriod]
    public var busyCalendars: [BusyCalendar]
    /// Filled from `busyCalendars` by the iCalendar layer before scheduling.
    public var busyIntervals: [BusyInterval]
    public var preferences: SchedulingPreferences

    public init(workingDays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri],
                defaultStart: TimeOfDay = TimeOfDay(hour: 15, minute: 0)!,
                holidays: Set<LocalDate> = [], publicHolidays: PublicHolidays = PublicHolidays(),
                vacations: [Vacation] = [], busy: [BusyPeriod] = [], busyCalendars: [BusyCalendar] = [],
                busyIntervals: [BusyInterval] = [], preferences: SchedulingPreferences = SchedulingPreferences()) {
        self.workingDays = workingDays
        self.defaultStart = defaultStart
        self.holidays = holidays
        self.publicHolidays = publicHolidays
        self.vacations = vacations
        self.busy = busy
        self.busyCalendars = busyCalendars
        self.busyIntervals = busyIntervals
        self.preferences = preferences
    }

    /// Why a day is not a working day, or nil when it is one.
    public func dayOff(_ date: LocalDate) -> DayOff? {
        if publicHolidays.extraWorkingDays.contains(date) { return nil }
        if let name = publicHolidays.holidays[date] { return .publicHoliday(name) }
        if publicHolidays.transferredDaysOff.contains(date) { return .transferredDayOff }
        if holidays.contains(date) { return .districtHoliday }
        if !workingDays.contains(date.weekday) { return .weekend }
        return nil
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool { dayOff(date) == nil }

    /// The vacation on a day; with `district`, only that district's vacations (and unscoped ones) count.
    public func vacation(on date: LocalDate, district: String? = nil) -> Vacation? {
        vacations.first { $0.from <= date && date <= $0.to && (district == nil || $0.district == nil || $0.district == district) }
    }
}

public enum DayOff: Hashable, Sendable {
    case weekend
    case publicHoliday(String)
    case transferredDayOff
    case districtHoliday

    public var russian: String {
        switch self {
        case .weekend: "выходной день"
        case .publicHoliday(let name): "праздник (\(name))"
        case .transferredDayOff: "перенесённый выходной"
        case .districtHoliday: "выходной по календарю района"
        }
    }
}

/// Russian non-working days: Labour Code holidays plus the government's transfers.
public struct PublicHolidays: Hashable, Sendable {
    /// Holiday dates with their names.
    public var holidays: [LocalDate: String]
    /// Weekdays that became days off by a transfer.
    public var transferredDaysOff: Set<LocalDate>
    /// Saturdays or Sundays that became working days by a transfer.
    public var extraWorkingDays: Set<LocalDate>

    public init(holidays: [LocalDate: String] = [:], transferredDaysOff: Set<LocalDate> = [],
                extraWorkingDays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.transferredDaysOff = transferredDaysOff
        self.extraWorkingDays = extraWorkingDays
    }
}

public struct Vacation: Hashable, Sendable {
    public var title: String
    public var from: LocalDate
    public var to: LocalDate
    /// The `district:` of the file that declared it: school vacations differ between regions.
    public var district: String?
    public init(title: String, from: LocalDate, to: LocalDate, district: String? = nil) {
        self.title = title
        self.from = from
        self.to = to
        self.district = district
    }
}

/// Days a school (or, with `school == nil`, every school) can neither host nor attend.
public struct BusyPeriod: Hashable, Sendable {
    public var school: String?
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String?
    public init(school: String?, from: LocalDate, to: LocalDate, reason: String? = nil) {
        self.school = school
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// A `busy:` entry that points at an iCalendar file; `ICal` turns it into `BusyPeriod`s.
public struct BusyCalendar: Hashable, Sendable {
    public var school: String?
    /// Resolved against the directory of the plan file that names it.
    public var path: String
    public init(school: String?, path: String) { self.school = school; self.path = path }
}

public enum VacationPolicy: String, CaseIterable, Hashable, Sendable {
    case avoid, prefer, forbid
}

public struct SchedulingPreferences: Hashable, Sendable {
    public var duringVacations: VacationPolicy
    public var preferredWeekdays: Set<Weekday>
    public var minimumGapDays: Int

    public init(duringVacations: VacationPolicy = .avoid, preferredWeekdays: Set<Weekday> = [.tue, .wed, .thu],
                minimumGapDays: Int = 14) {
        self.duringVacations = duringVacations
        self.preferredWeekdays = preferredWeekdays
        self.minimumGapDays = minimumGapDays
    }
}

/// A busy span read from an iCalendar file, in the plan's local time. All-day items span whole days.
public struct BusyInterval: Hashable, Sendable {
    public var school: String?
    public var startDay: LocalDate
    /// Minutes since local midnight; 0 for all-day items.
    public var startMinute: Int
    public var endDay: LocalDate
    /// Exclusive end, minutes since local midnight (may be 1440 for an all-day end).
    public var endMinute: Int
    /// The event's SUMMARY, if any.
    public var reason: String?
    /// The file it came from, for explanations (`busy/344.ics`).
    public var source: String

    public init(school: String?, startDay: LocalDate, startMinute: Int, endDay: LocalDate, endMinute: Int,
                reason: String? = nil, source: String) {
        self.school = school
        self.startDay = startDay
        self.startMinute = startMinute
        self.endDay = endDay
        self.endMinute = endMinute
        self.reason = reason
        self.source = source
    }

    /// Whether this interval overlaps `[start, start + duration)` on `day`.
    public func overlaps(day: LocalDate, startMinute: Int, durationMinutes: Int) -> Bool {
        let a = day.daysSinceEpoch * 1440 + startMinute
        let b = a + durationMinutes
        let s = self.startDay.daysSinceEpoch * 1440 + self.startMinute
        let e = endDay.daysSinceEpoch * 1440 + endMinute
        return s < b && a < e
    }
}
