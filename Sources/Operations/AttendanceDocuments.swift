import Foundation
import Planning
import Reports
import Site
import Store

/// Who is on an event's lists, as the registrations give them: where mail goes, who signs the
/// sheet, who gets a certificate. The registration store fills it (`Roster(store:)`); tests give lists.
public struct Roster: Sendable {
    public typealias Lookup<T> = @Sendable (EventID) async throws -> [T]

    /// The registered with an address: change notices and reminders.
    public var registrants: Lookup<Recipient>
    /// The registered (not waitlisted, not cancelled), with their school's name: the sign-in sheet.
    public var registered: Lookup<Attendee>
    /// Those marked present: the certificates.
    public var attended: Lookup<Attendee>

    public init(registrants: @escaping Lookup<Recipient>, registered: @escaping Lookup<Attendee>, attended: @escaping Lookup<Attendee>) {
        self.registrants = registrants
        self.registered = registered
        self.attended = attended
    }

    /// Nobody on any list.
    public static let empty = Roster(registrants: { _ in [] }, registered: { _ in [] }, attended: { _ in [] })

    /// The lists as the registration store keeps them: the registered (not waitlisted, not
    /// cancelled) with an address get mail; the registered sign the sheet; those marked present
    /// (walk-ins too) get certificates. Schools are named as the district lists them.
    public init(store: some DistrictStore) {
        @Sendable func people(_ id: EventID, _ keep: @escaping @Sendable (Registration) -> Bool) async throws -> [Attendee] {
            let district = try await store.snapshot().district
            return try await store.registrations(for: id).filter(keep).map {
                Attendee(name: $0.registrant.name, school: district.school($0.registrant.school)?.name ?? $0.registrant.school)
            }
        }
        self.init(
            registrants: { id in
                try await store.registrations(for: id).filter { $0.status == .registered }.compactMap { r in
                    r.registrant.email.map { Recipient(name: r.registrant.name, email: $0) }
                }
            },
            registered: { id in try await people(id) { $0.status == .registered } },
            attended: { id in try await people(id) { $0.attended && $0.status != .cancelled } })
    }
}

/// The coordinator's documents of one event, from the workspace.
public enum AttendanceDocuments {
    /// One DOCX with a certificate page per attendee; `UnknownID` for an unknown event, nothing to
    /// certify for one without a day.
    public static func certificates(_ id: EventID, in snapshot: DistrictSnapshot, roster: Roster, today: LocalDate) async throws -> Data {
        let (item, cluster) = try EventEditing.find(id, in: snapshot)
        let attendees = try await roster.attended(id)
        guard let entries = CertificateEntry.entries(for: item, attendees: attendees, district: snapshot.district) else {
            throw SiteError.badParameter("у мероприятия \(id) нет даты: сертификаты выдаются после того, как оно назначено")
        }
        // The cluster's own district, not the store's list of every district joined with «;».
        return try renderCertificates(entries, district: cluster.district ?? snapshot.district.name, issued: today)
    }

    /// The sign-in sheet: the registered in alphabetical order and blank rows for walk-ins.
    public static func signInSheet(_ id: EventID, in snapshot: DistrictSnapshot, roster: Roster, today: LocalDate) async throws -> Data {
        let (item, _) = try EventEditing.find(id, in: snapshot)
        let district = snapshot.district
        let defaultStart = district.calendar.defaultStart
        let when = item.state.date.map { day in
            RussianDates.long(day) + (item.start(defaultStart: defaultStart).map { ", \($0)" } ?? "")
        } ?? "дата не назначена"
        return try renderSignInSheet(eventTitle: "\(item.event.format.russian): \(item.event.title)", when: when,
                                     host: district.place(of: item.event).locationLine, registered: try await roster.registered(id),
                                     issued: today)
    }
}
