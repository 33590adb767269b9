import Planning

/// A stored text read back into its domain value, or `StoreError.corrupt` naming what it was.
/// `what` is built only on failure: naming every column of 80,000 events was a visible part of a read.
/// Inlinable so that each call is specialised in the store that makes it.
@inlinable
package func parse<T>(_ text: String, _ make: (String) -> T?, _ what: @autoclosure () -> String) throws(StoreError) -> T {
    guard let value = make(text) else { throw .corrupt("\(what()): «\(text)»") }
    return value
}

/// The schema's versions, oldest first. Every store migrates through exactly these, so a store
/// at one version has the same tables and columns on SQLite and on PostgreSQL (which folds the
/// column names to lower case). Shipped versions are never edited: add a new one instead.
public enum SchemaVersions {
    public static let all = [
        "v1", "v2-checks", "v3-busy-intervals", "v4-privacy", "v5-accounts", "v6-edits", "v7-venues", "v8-materials",
        "v9-registrations", "v10-outbox", "v11-support", "v12-checks-as-comparisons",
    ]
}

extension DistrictCalendar {
    /// The district's calendar settings as both stores keep them in `meta` (the same keys and texts).
    package mutating func readSettings(_ meta: [String: String]) throws(StoreError) {
        func weekdays(_ text: String) throws(StoreError) -> Set<Weekday> {
            var days = Set<Weekday>()
            for part in text.split(separator: ",") { days.insert(try parse(String(part), Weekday.init(rawValue:), "день недели")) }
            return days
        }
        if let v = meta["working_days"] { workingDays = try weekdays(v) }
        if let v = meta["default_start"] { defaultStart = try parse(v, { TimeOfDay($0) }, "default_start") }
        if let v = meta["during_vacations"] { preferences.duringVacations = try parse(v, VacationPolicy.init(rawValue:), "during_vacations") }
        if let v = meta["preferred_weekdays"] { preferences.preferredWeekdays = try weekdays(v) }
        if let v = meta["min_gap_days"] { preferences.minimumGapDays = try parse(v, { Int($0) }, "min_gap_days") }
    }
}

/// Queries both stores run as they are (SQL that SQLite and PostgreSQL read alike).
package enum SharedQueries {
    /// Distinct attendees (by email; each walk-in without one apart) of every course's events, per
    /// school and year: course, year, school, listeners.
    package static let courseListeners = """
        SELECT c.course, e.year, r.school, COUNT(DISTINCT COALESCE(r.email, 'walk-in ' || CAST(r.id AS TEXT))) AS listeners
        FROM courseEvent c
        JOIN event e ON e.cluster = c.cluster AND e.number = c.number
        JOIN registration r ON r.cluster = c.cluster AND r.number = c.number
        WHERE r.attended AND r.status <> 'cancelled'
        GROUP BY c.course, e.year, r.school
        ORDER BY c.course, e.year, r.school
        """
}
