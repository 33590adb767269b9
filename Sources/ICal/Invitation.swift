import CLibical
import Planning

/// An iTIP message (RFC 5546) for one event and one attendee, the `text/calendar` part of a mail:
/// METHOD:REQUEST puts the event in the attendee's calendar (or updates it there), METHOD:CANCEL
/// takes it out. The VEVENT is the feed's own (same UID, SEQUENCE, DTSTAMP, times and place), so a
/// calendar that also subscribes to the feed sees one event, not two.
public struct Invitation: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable { case request = "REQUEST", cancel = "CANCEL" }

    public var method: Method
    /// The `.ics` text libical wrote.
    public var text: String
}

public enum InvitationError: Error, Hashable, Sendable, CustomStringConvertible {
    case feed(FeedError)
    /// The event has no day yet: nothing to put in a calendar.
    case undated(EventID)
    case badAddress(String)

    public var description: String {
        switch self {
        case .feed(let error): error.description
        case .undated(let id): "у мероприятия \(id) ещё нет даты"
        case .badAddress(let email): "адрес «\(email)» не годится для приглашения"
        }
    }
}

/// Builds the iTIP message. ORGANIZER is the cluster's coordinator when the plan gives an address,
/// else `noReply` (a mail client refuses a REQUEST without an organizer); ATTENDEE is `attendee`.
public func makeInvitation(_ snapshot: DistrictSnapshot, event id: EventID, method: Invitation.Method, attendee: Recipient,
                           noReply: String, options: FeedOptions = FeedOptions()) throws(InvitationError) -> Invitation {
    let district = snapshot.district
    guard let item = snapshot.events.first(where: { $0.id == id }) else { throw .feed(.unknownEvent(id)) }
    guard let day = item.state.date else { throw .undated(id) }
    guard let zone = Zone(district.timezone) else { throw .feed(.unknownTimezone(district.timezone)) }
    for address in [attendee.email, noReply] where emailProblem(address) != nil { throw .badAddress(address) }

    let context = EventContext(district: district, materials: snapshot.materials, zone: zone.name, baseURL: options.baseURL)
    let calendar = Component(ICAL_VCALENDAR_COMPONENT)
    calendar.add(icalproperty_new_version, "2.0")
    calendar.add(icalproperty_new_prodid, "-//ClusterPlan//ClusterPlan//RU")
    calendar.add(icalproperty_new_calscale, "GREGORIAN")
    calendar.add(icalproperty_new_method(method == .request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL))
    if let years = context.years(of: [item]) { zone.addVTimezone(to: calendar, years: years) }

    let vevent = context.vevent(item, on: day)
    if properties(of: vevent.pointer, ICAL_ORGANIZER_PROPERTY).isEmpty {
        vevent.add(icalproperty_new_organizer, "mailto:\(noReply)", icalparameter_new_cn("ClusterPlan"))
    }
    if method == .cancel, properties(of: vevent.pointer, ICAL_STATUS_PROPERTY).allSatisfy({ icalproperty_get_status($0) != ICAL_STATUS_CANCELLED }) {
        for p in properties(of: vevent.pointer, ICAL_STATUS_PROPERTY) { icalcomponent_remove_property(vevent.pointer, p); icalproperty_free(p) }
        vevent.add(icalproperty_new_status(ICAL_STATUS_CANCELLED))
    }
    vevent.add(icalproperty_new_attendee, "mailto:\(attendee.email)", icalparameter_new_cn(attendee.name.singleLine),
               icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT), icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION),
               icalparameter_new_rsvp(ICAL_RSVP_FALSE))
    calendar.addCopy(of: vevent.pointer)
    return Invitation(method: method, text: calendar.serialized)
}
