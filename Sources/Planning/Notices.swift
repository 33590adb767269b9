/// Someone a mail goes to: a registrant, or the host school's contact.
public struct Recipient: Hashable, Sendable {
    public var name: String
    public var email: String
    public init(name: String, email: String) { self.name = name; self.email = email }
}

/// One mail the rules decided to send. Its `key` names it uniquely, so the outbox queues it once
/// however often the rules run (a reminder scan every few minutes, a repeated publish).
public struct Notice: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Registering: the event as it stands, so it is in the teacher's calendar without a feed.
        case invitation
        /// A published event moved (date, time, length or place): METHOD:REQUEST with the new SEQUENCE.
        case change
        /// Cancelled or taken out of the plan: METHOD:CANCEL.
        case cancellation
        /// Two working days before.
        case reminder
    }

    public var kind: Kind
    public var event: EventID
    public var recipient: Recipient
    /// The event's SEQUENCE the mail's iTIP carries: the feed's at the time of the change.
    public var sequence: Int

    public init(kind: Kind, event: EventID, recipient: Recipient, sequence: Int) {
        self.kind = kind
        self.event = event
        self.recipient = recipient
        self.sequence = sequence
    }

    /// `change:nevsky-exact/3:2:teacher@example.ru`; a reminder once per event and recipient and date.
    public var key: String { "\(kind.rawValue):\(event):\(sequence):\(recipient.email.lowercased())" }

    /// The iTIP method of the attachment.
    public var cancels: Bool { kind == .cancellation }
}

/// Who gets what mail, and when: pure rules over event snapshots.
public enum NoticeRules {
    /// Google refreshes a subscription only every 12–24 hours: a change this close is mailed.
    public static let changeWindowDays = 7

    /// The mails one stored change of an event sends: one per registrant when a published (dated,
    /// not cancelled) event moves or is cancelled and its old or new day falls within
    /// `changeWindowDays` from `today`. A change subscribers do not see (SEQUENCE unchanged), an
    /// event recorded as held, or one further ahead sends nothing.
    public static func changes(before: EventSnapshot, after: EventSnapshot, registrants: [Recipient],
                               today: LocalDate) -> [Notice] {
        guard let oldDay = before.state.date, !before.state.status.isCancelled, before.state.status != .held,
              after.state.sequence > before.state.sequence, after.state.status != .held else { return [] }
        let last = today.adding(days: changeWindowDays)
        let near = { (day: LocalDate?) in day.map { $0 >= today && $0 <= last } ?? false }
        guard near(oldDay) || near(after.state.date) else { return [] }
        let kind: Notice.Kind = after.state.status.isCancelled || after.state.date == nil ? .cancellation : .change
        return unique(registrants).map { Notice(kind: kind, event: after.id, recipient: $0, sequence: after.state.sequence) }
    }

    /// The invitation registering sends: nil for an event without a day or cancelled (nothing to
    /// put in a calendar yet).
    public static func invitation(_ item: EventSnapshot, to recipient: Recipient) -> Notice? {
        guard item.state.date != nil, !item.state.status.isCancelled, item.state.status != .held else { return nil }
        return Notice(kind: .invitation, event: item.id, recipient: recipient, sequence: item.state.sequence)
    }

    /// The day a reminder goes out: the second working day before `day` (a Thursday event: the
    /// Tuesday; a Monday one: the Thursday before, weekends and holidays skipped).
    public static func reminderDay(before day: LocalDate, calendar: DistrictCalendar) -> LocalDate {
        var date = day
        var found = 0
        // A year without working days is a broken calendar: fall back to two plain days.
        for _ in 0..<366 {
            date = date.adding(days: -1)
            if calendar.isWorkingDay(date) { found += 1 }
            if found == 2 { return date }
        }
        return day.adding(days: -2)
    }

    /// Reminders due `today`: for every dated event still to happen whose reminder day has come
    /// (so a server that was down that day still sends it before the event), one per recipient.
    public static func reminders(_ events: [EventSnapshot], calendar: DistrictCalendar, today: LocalDate,
                                 recipients: (EventSnapshot) -> [Recipient]) -> [Notice] {
        events.filter { reminderDue($0, calendar: calendar, today: today) }.flatMap { item in
            unique(recipients(item)).map { Notice(kind: .reminder, event: item.id, recipient: $0, sequence: item.state.sequence) }
        }
    }

    /// The event is still to happen (scheduled or postponed to a later day) and its reminder day has come.
    public static func reminderDue(_ item: EventSnapshot, calendar: DistrictCalendar, today: LocalDate) -> Bool {
        guard let day = item.state.date, day > today, item.state.status == .scheduled || item.state.status == .postponed
        else { return false }
        return reminderDay(before: day, calendar: calendar) <= today
    }

    /// One mail per address, whatever its case, in the order given.
    static func unique(_ recipients: [Recipient]) -> [Recipient] {
        var seen = Set<String>()
        return recipients.filter { seen.insert($0.email.lowercased()).inserted }
    }
}
