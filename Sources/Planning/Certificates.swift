/// Someone on an event's list: registered (the sign-in sheet) or attended (a certificate).
public struct Attendee: Hashable, Sendable {
    public var name: String
    /// The school's name as the district lists it (or what was typed for a school it does not know).
    public var school: String
    public init(name: String, school: String) { self.name = name; self.school = school }
}

/// What one certificate of attendance says (for аттестация): who, at which event, when, where,
/// how long, and its register number.
public struct CertificateEntry: Hashable, Sendable {
    public var name: String
    public var school: String
    public var eventTitle: String
    public var date: LocalDate
    public var host: String
    /// Length in minutes, written as hours on the certificate.
    public var minutes: Int
    /// `nevsky-exact/3-001`: the event's id and the attendee's place in the alphabetical list.
    public var registerNumber: String

    public init(name: String, school: String, eventTitle: String, date: LocalDate, host: String, minutes: Int, registerNumber: String) {
        self.name = name
        self.school = school
        self.eventTitle = eventTitle
        self.date = date
        self.host = host
        self.minutes = minutes
        self.registerNumber = registerNumber
    }

    /// `2 ч`, `1,5 ч`: the length in astronomical hours, to a tenth.
    public var hours: String {
        let tenths = (minutes * 10 + 30) / 60
        return tenths % 10 == 0 ? "\(tenths / 10) ч" : "\(tenths / 10),\(tenths % 10) ч"
    }

    /// The certificates of an event: one per attendee in alphabetical order, numbered in that
    /// order, so the same list always gives the same numbers. Nil for an event that has no day
    /// (held or scheduled) to put on them.
    public static func entries(for item: EventSnapshot, attendees: [Attendee], district: District) -> [CertificateEntry]? {
        guard let date = item.state.outcome?.heldOn ?? item.state.date else { return nil }
        let event = item.event
        let sorted = attendees.sorted { ($0.name.lowercased(), $0.school) < ($1.name.lowercased(), $1.school) }
        let width = max(3, String(sorted.count).count)
        return sorted.enumerated().map { index, person in
            let n = String(index + 1)
            return CertificateEntry(name: person.name, school: person.school, eventTitle: "\(event.format.russian): \(event.title)",
                                    date: date, host: district.place(of: event).name, minutes: event.durationMinutes,
                                    registerNumber: "\(event.id)-" + String(repeating: "0", count: width - n.count) + n)
        }
    }
}
