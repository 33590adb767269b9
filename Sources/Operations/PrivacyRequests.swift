import Planning
import Site
import Store

/// A registrant's requests under 152-ФЗ: their data out (`privacy export`), or gone (`privacy delete`).
public enum PrivacyRequests {
    /// One registration with its event, as the export lists it.
    struct ExportedRegistration: Encodable {
        var event: String
        var title: String?
        var date: String?
        var registration: RegistrationJSON
        var consent: Bool
    }

    struct Export: Encodable {
        var email: String
        var registrations: [ExportedRegistration]
        var note: String
    }

    /// Everything the store keeps about an email, as JSON (sorted keys, UTF-8).
    public static func export(email: String, in store: some DistrictStore) async throws -> [UInt8] {
        let key = email.trimmingWhitespace.lowercased()
        let snapshot = try await store.read().snapshot
        let list = try await store.registrations(email: key)
        let rows = list.map { r in
            let item = snapshot?.events.first { $0.id == r.event }
            return ExportedRegistration(event: r.event.description, title: item?.event.title, date: item?.state.date?.description,
                                        registration: RegistrationJSON(r), consent: r.registrant.consent)
        }
        return try SiteJSON.encode(Export(email: key, registrations: rows,
                                          note: "Личная лента календаря хранится только как хеш ссылки; записи о ней удаляются вместе с регистрациями."))
    }

    /// Deletes the email's registrations, personal feed and the mails to it in the outbox; outcomes
    /// already recorded keep their counts.
    public static func delete(email: String, in store: some DistrictStore) async throws -> String {
        let count = try await store.deleteRegistrant(email: email.trimmingWhitespace.lowercased())
        try await store.deleteMail(recipient: email.trimmingWhitespace)
        return count == 0 ? "Регистраций с адресом \(email) нет." : "Удалено регистраций: \(count); учтённые итоги мероприятий не изменились."
    }
}
