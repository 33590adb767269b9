import CLibical
import Planning

/// Counts what a busy calendar's recurrence rules expand to before libical expands them, so a
/// `FREQ=SECONDLY` rule is refused with its line instead of running until the machine gives out.
struct RecurrenceBudget {
    /// Occurrences inside the plan's years, for the whole file.
    let occurrences: Int
    /// Steps of the rule iterator in all, including those before the plan's years that libical
    /// has to walk through when it cannot jump to the window.
    let steps: Int
    private(set) var usedOccurrences = 0
    private(set) var usedSteps = 0
    /// RRULE properties seen so far, in file order: the n-th one is on the n-th `RRULE` line.
    private(set) var rulesSeen = 0

    init(occurrences: Int = InputLimits.busyOccurrencesPerFile) {
        self.occurrences = occurrences
        steps = occurrences * 20
    }

    /// Walks every RRULE of `event` between `start` and `end` (UTC); false when the budget runs out.
    mutating func admits(_ event: OpaquePointer, start: icaltimetype, end: icaltimetype) -> Bool {
        let dtstart = icalcomponent_get_dtstart(event)
        let windowEnd = icaltime_as_timet_with_zone(end, Zone.utc)
        let windowStart = icaltime_as_timet_with_zone(start, Zone.utc)
        for property in properties(of: event, ICAL_RRULE_PROPERTY) {
            rulesSeen += 1
            let rule = icalproperty_get_rrule(property)
            guard let iterator = icalrecur_iterator_new(rule, dtstart) else { continue }
            defer { icalrecur_iterator_free(iterator) }
            // Jumps to the window when the rule allows it (not with COUNT); otherwise walks from DTSTART.
            if rule.count == 0 { _ = icalrecur_iterator_set_start(iterator, start) }
            while true {
                let next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 { break }
                usedSteps += 1
                let moment = icaltime_as_timet_with_zone(next, next.zone ?? Zone.utc)
                if moment > windowEnd { break }
                if moment >= windowStart { usedOccurrences += 1 }
                if usedOccurrences > occurrences || usedSteps > steps { return false }
            }
        }
        return true
    }
}
