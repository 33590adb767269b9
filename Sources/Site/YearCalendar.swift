import Planning

/// The year at a glance: September to August, a row per month, a cell per day, with the days off,
/// vacations and busy days shaded and each event on its day. Pure values, built from a snapshot;
/// the pages render it, and a schedule preview can mark the events it would move (`marks`).
public struct YearCalendar: Hashable, Sendable {
    public var year: AcademicYear
    /// Twelve months, September first.
    public var months: [Month]

    public struct Month: Hashable, Sendable {
        public var month: YearMonth
        /// One per day of the month, in order.
        public var days: [Day]
    }

    public struct Day: Hashable, Sendable {
        public var date: LocalDate
        /// Why the day is shaded, most important first; empty for an ordinary working day.
        public var shades: [Shade]
        /// What a visitor reads on hover: the holiday's name, the vacation, who is busy and why.
        public var notes: [String]
        /// The events on this day, in time order.
        public var events: [Item]
        /// Events a preview moves away from this day (shown faintly where they were).
        public var departed: [Item]
    }

    public enum Shade: String, Hashable, Sendable, CaseIterable {
        case holiday, vacation, busy, weekend

        public var russian: String {
            switch self {
            case .holiday: "праздник или выходной по календарю"
            case .vacation: "каникулы"
            case .busy: "школа занята"
            case .weekend: "выходной день"
            }
        }
    }

    public struct Item: Hashable, Sendable {
        public var id: EventID
        public var title: String
        public var clusterTitle: String
        public var format: String
        public var start: TimeOfDay?
        public var cancelled: Bool
        public var mark: CalendarMark?
    }

    /// Every event on the calendar in date order (a day's events in time order).
    public var items: [(date: LocalDate, item: Item)] {
        months.flatMap { $0.days.flatMap { day in day.events.map { (day.date, $0) } } }
    }

    public func day(_ date: LocalDate) -> Day? {
        months.first { $0.month == date.yearMonth }?.days.first { $0.date == date }
    }
}

/// What a schedule preview says about an event: it would get a new date, or it is new on the plan.
public enum CalendarMark: Hashable, Sendable {
    case moved(from: LocalDate?)
    case added
}

/// Whose year it is: the events shown, the vacations that apply and whose busy days count.
public enum CalendarScope: Hashable, Sendable {
    /// The events of the clusters of one district (every district when nil).
    case district(String?)
    case cluster(String)
    case school(String)
}

extension YearCalendar {
    /// - `district`: the district whose vacations apply (nil: only vacations declared for every district).
    /// - `busySchools`: whose busy days shade the calendar; nil: only days busy for every school.
    /// - `marks`: a schedule preview's notes per event; events moved `from` a day in this year also appear there faintly.
    public init(year: AcademicYear, events: [EventSnapshot], calendar: DistrictCalendar, district: String?,
                busySchools: Set<String>?, clusterTitles: [String: String], marks: [EventID: CalendarMark] = [:]) {
        self.year = year
        var onDay: [LocalDate: [Item]] = [:]
        var departedOnDay: [LocalDate: [Item]] = [:]
        let defaultStart = calendar.defaultStart
        for snapshot in events {
            let item = Item(id: snapshot.id, title: snapshot.event.title,
                            clusterTitle: clusterTitles[snapshot.event.clusterID] ?? snapshot.event.clusterID,
                            format: snapshot.event.format.russian, start: snapshot.start(defaultStart: defaultStart),
                            cancelled: snapshot.state.status.isCancelled, mark: marks[snapshot.id])
            if snapshot.state.status == .removed { continue }
            if let date = snapshot.state.date, year.contains(date) { onDay[date, default: []].append(item) }
            if case .moved(let from?) = item.mark, year.contains(from), from != snapshot.state.date {
                departedOnDay[from, default: []].append(item)
            }
        }
        let busy = BusyDays(calendar: calendar, schools: busySchools, year: year)
        months = (0..<12).map { offset in
            let month = YearMonth(year: year.startYear + (offset + 8) / 12, month: (offset + 8) % 12 + 1)!
            let days = (1...LocalDate.daysIn(year: month.year, month: month.month)).map { number in
                let date = LocalDate(year: month.year, month: month.month, day: number)!
                var shades: [Shade] = []
                var notes: [String] = []
                let dayOff = calendar.dayOff(date)
                switch dayOff {
                case .publicHoliday(let name)?: shades.append(.holiday); notes.append(name)
                case .transferredDayOff?, .districtHoliday?: shades.append(.holiday); notes.append(dayOff?.russian ?? "")
                case .weekend?, nil: break
                }
                // Without a district, only the vacations every district shares.
                let vacation = district == nil
                    ? calendar.vacations.first { $0.district == nil && $0.from <= date && date <= $0.to }
                    : calendar.vacation(on: date, district: district)
                if let vacation { shades.append(.vacation); notes.append(vacation.title) }
                if let reasons = busy.reasons[date] { shades.append(.busy); notes.append(contentsOf: reasons) }
                if dayOff == .weekend { shades.append(.weekend) }
                let sorted = (onDay[date] ?? []).sorted { ($0.start?.minutesSinceMidnight ?? 0, $0.id) < ($1.start?.minutesSinceMidnight ?? 0, $1.id) }
                return Day(date: date, shades: shades, notes: notes, events: sorted, departed: departedOnDay[date] ?? [])
            }
            return Month(month: month, days: days)
        }
    }
}

/// The days some school is busy (plan periods and imported iCalendar intervals), with who and why.
private struct BusyDays {
    var reasons: [LocalDate: [String]] = [:]

    init(calendar: DistrictCalendar, schools: Set<String>?, year: AcademicYear) {
        func counts(_ school: String?) -> Bool { school == nil || schools?.contains(school ?? "") == true }
        func note(_ school: String?, _ reason: String?) -> String {
            let who = school.map { "занята школа \($0)" } ?? "заняты все школы"
            return reason.map { "\(who): \($0)" } ?? who
        }
        for period in calendar.busy where counts(period.school) {
            mark(from: period.from, to: period.to, note(period.school, period.reason), year)
        }
        for interval in calendar.busyIntervals where counts(interval.school) {
            // An end at midnight is exclusive: that day is free.
            let last = interval.endMinute == 0 ? interval.endDay.adding(days: -1) : interval.endDay
            mark(from: interval.startDay, to: last, note(interval.school, interval.reason), year)
        }
    }

    private mutating func mark(from: LocalDate, to: LocalDate, _ note: String, _ year: AcademicYear) {
        let first = max(from, year.firstDay), last = min(to, year.lastDay)
        guard first <= last else { return }
        for offset in 0...first.days(until: last) {
            let day = first.adding(days: offset)
            if reasons[day]?.contains(note) != true { reasons[day, default: []].append(note) }
        }
    }
}
