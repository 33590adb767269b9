import CLibical
import Planning

/// One of libical's built-in time zones (made from the system's zoneinfo).
///
/// libical owns the zone for the life of the process and guards its lazy loading with a mutex,
/// so a `Zone` is only a borrowed handle. We never call `icaltimezone_set_tzid_prefix`: it is
/// process-global, and in libical 3.0.16 an empty prefix means "the default", so the zones still
/// come out as `/freeassociation.sourceforge.net/Europe/Moscow`. Instead each feed rewrites the
/// TZID of its own truncated copy (`addVTimezone`), which touches no shared state.
struct Zone {
    let pointer: OpaquePointer
    let name: String

    init?(_ name: String) {
        guard let zone = icaltimezone_get_builtin_timezone(name) else { return nil }
        pointer = zone
        self.name = name
    }

    static var utc: OpaquePointer { icaltimezone_get_utc_timezone() }

    /// Adds a VTIMEZONE to `calendar` covering 1 January of `years.lowerBound` up to
    /// 1 January after `years.upperBound`, with `TZID:<name>` exactly.
    func addVTimezone(to calendar: Component, years: ClosedRange<Int>) {
        guard let builtin = icaltimezone_get_component(pointer), let copy = icalcomponent_new_clone(builtin) else { return }
        icaltimezone_truncate_vtimezone(copy, utcMidnight(year: years.lowerBound),
                                        utcMidnight(year: years.upperBound + 1), 0)
        if let tzid = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(tzid, name)
        }
        icalcomponent_add_component(calendar.pointer, copy)
    }

    private func utcMidnight(year: Int) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(year)
        time.month = 1
        time.day = 1
        time.zone = Zone.utc
        return time
    }

    /// The wall-clock day and minute of a UTC instant in this zone.
    func local(_ instant: Int) -> (day: LocalDate, minute: Int) {
        wallClock(icaltime_from_timet_with_zone(instant, 0, pointer))
    }
}

/// Day and minute of an `icaltimetype`'s own fields, ignoring any zone it carries.
func wallClock(_ time: icaltimetype) -> (day: LocalDate, minute: Int) {
    let day = LocalDate(year: Int(time.year), month: Int(time.month), day: Int(time.day))
        ?? LocalDate(daysSinceEpoch: 0)
    return (day, Int(time.hour) * 60 + Int(time.minute))
}

/// A floating `icaltimetype` for a local day and minute.
func icalTime(_ day: LocalDate, minute: Int) -> icaltimetype {
    let c = day.components
    var time = icaltime_null_time()
    time.year = Int32(c.year)
    time.month = Int32(c.month)
    time.day = Int32(c.day)
    time.hour = Int32(minute / 60)
    time.minute = Int32(minute % 60)
    return time
}

/// An `icaltimetype` in UTC for Unix seconds.
func utcTime(_ seconds: Int64) -> icaltimetype {
    icaltime_from_timet_with_zone(time_t(seconds), 0, Zone.utc)
}
