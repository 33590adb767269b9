import Planning
import Store

/// Workspace writes on the district calendar: checked by `DistrictCalendar.applying`, stored with
/// their audit entry. Nothing moves until the schedule is next published.
public enum CalendarEditing {
    public static func apply(_ change: CalendarChange, by author: Author, in store: some DistrictStore,
                             now: Int64) async throws -> DistrictCalendar {
        let district = try await store.snapshot().district
        let (calendar, audit) = try district.calendar.applying(change, in: district)
        try await store.saveCalendar(calendar, audit: AuditEntry.entries([audit], by: author, cluster: AuditEntry.districtScope,
                                                                      event: nil, at: now))
        return calendar
    }
}
