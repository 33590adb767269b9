import ICal
import Planning
import Site
import Store

/// Turns the notices `NoticeRules` decides on into mails queued in the store's outbox; the mail
/// service of `serve` sends them (`MailDelivery`). Queueing never fails a write that is already
/// stored: a problem is handed to `report` (the server's log) and the write stands.
public struct Notifier: Sendable {
    public typealias Registrants = @Sendable (EventID) async throws -> [Recipient]

    /// The sender address (a no-reply one), also the ORGANIZER when a cluster names no coordinator address.
    public var from: String
    /// The site's address, for the event's link in the text and URL in the invitation.
    public var options: SiteOptions
    /// The registrants of an event (their name and address).
    public var registrants: Registrants
    public var report: @Sendable (String) -> Void

    public init(from: String, options: SiteOptions, registrants: @escaping Registrants = { _ in [] },
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.from = from
        self.options = options
        self.registrants = registrants
        self.report = report
    }

    /// After a stored write: one mail per registrant of every published event that moved or was
    /// cancelled within the next week (`NoticeRules.changes`). `snapshot` is the district the write was
    /// computed from; `after` the events as stored. Returns how many mails were queued.
    @discardableResult
    public func changed(from snapshot: DistrictSnapshot, to after: [EventSnapshot], store: some OutboxStore, now: Int64,
                        today: LocalDate) async -> Int {
        let before = Dictionary(snapshot.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let updated = snapshot.replacing(after)
        var notices: [Notice] = []
        for item in after {
            guard let old = before[item.id], old.state.sequence != item.state.sequence else { continue }
            do {
                notices += NoticeRules.changes(before: old, after: item, registrants: try await registrants(item.id), today: today)
            } catch {
                report("уведомления о \(item.id) не поставлены в очередь: \(error)")
            }
        }
        return await queue(notices, in: updated, store: store, now: now)
    }

    /// Registering: the invitation with the event as it stands (nothing for an event without a day).
    @discardableResult
    public func invite(_ recipient: Recipient, to id: EventID, in snapshot: DistrictSnapshot, store: some OutboxStore,
                       now: Int64) async -> Int {
        guard let item = snapshot.events.first(where: { $0.id == id }), let notice = NoticeRules.invitation(item, to: recipient)
        else { return 0 }
        return await queue([notice], in: snapshot, store: store, now: now)
    }

    /// Reminders due `today` (two working days before each event) to its registrants and its host
    /// school's contact; run by the mail service every few minutes, each queued once.
    @discardableResult
    public func remind(in snapshot: DistrictSnapshot, store: some OutboxStore, now: Int64, today: LocalDate) async -> Int {
        let calendar = snapshot.district.calendar
        let due = snapshot.events.filter { NoticeRules.reminderDue($0, calendar: calendar, today: today) }
        var lists: [EventID: [Recipient]] = [:]
        for item in due {
            do { lists[item.id] = try await registrants(item.id) } catch {
                report("напоминания о \(item.id) не поставлены в очередь: \(error)")
            }
        }
        let notices = NoticeRules.reminders(due, calendar: calendar, today: today) { item in
            (Self.hostContact(of: item, in: snapshot.district).map { [$0] } ?? []) + (lists[item.id] ?? [])
        }
        return await queue(notices, in: snapshot, store: store, now: now)
    }

    /// The host school's contact: the plan keeps no school addresses, so the cluster coordinator
    /// when the host is the cluster's lead school (where seed 003's coordinator works).
    static func hostContact(of item: EventSnapshot, in district: District) -> Recipient? {
        guard let cluster = district.cluster(item.event.clusterID), cluster.lead == item.event.host,
              let coordinator = cluster.coordinator, let email = coordinator.email else { return nil }
        return Recipient(name: coordinator.name, email: email)
    }

    /// Builds from the public view, as the feeds do: the ORGANIZER is the feed's, and a private
    /// coordinator address never leaves in a mail.
    private func queue(_ notices: [Notice], in snapshot: DistrictSnapshot, store: some OutboxStore, now: Int64) async -> Int {
        guard !notices.isEmpty else { return 0 }
        let snapshot = snapshot.publicView
        var mails: [OutgoingMail] = []
        for notice in notices {
            do { mails.append(try mail(notice, in: snapshot, now: now)) } catch { report("письмо \(notice.key) не составлено: \(error)") }
        }
        do { return try await store.enqueue(mails, now: now) } catch {
            report("письма (\(mails.count)) не поставлены в очередь: \(error)")
            return 0
        }
    }

    /// The message of one notice: subject, text and, for all but a reminder, the iTIP invitation.
    func mail(_ notice: Notice, in snapshot: DistrictSnapshot, now: Int64) throws -> OutgoingMail {
        guard let item = snapshot.events.first(where: { $0.id == notice.event }) else { throw StoreError.unknownEvent(notice.event) }
        let district = snapshot.district
        let event = item.event
        let title = "\(event.format.russian): \(event.title)"
        let defaultStart = district.calendar.defaultStart
        let when = item.state.date.map { day in
            RussianDates.long(day) + (item.start(defaultStart: defaultStart).map { s in
                ", \(s)–\(item.end(defaultStart: defaultStart).map(\.description) ?? "")" } ?? "")
        } ?? "дата не назначена"
        let subject: String = switch notice.kind {
        case .invitation: "Приглашение: \(title), \(when)"
        case .change: "Изменение: \(title) — теперь \(when)"
        case .cancellation: "Отменено: \(title)"
        case .reminder: "Напоминание: \(title), \(when)"
        }
        let lead: String = switch notice.kind {
        case .invitation: "Вы зарегистрированы на мероприятие. Приглашение во вложении добавит его в ваш календарь."
        case .change: "Мероприятие, на которое вы зарегистрированы, перенесено. Приглашение во вложении обновит его в вашем календаре."
        case .cancellation: "Мероприятие, на которое вы зарегистрированы, отменено. Вложение уберёт его из вашего календаря."
        case .reminder: "Напоминаем о мероприятии."
        }
        let text = [
            "Здравствуйте\(notice.recipient.name.isEmpty ? "" : ", \(notice.recipient.name)")!", "", lead, "",
            title, "Когда: \(when)", "Где: \(district.place(of: event).locationLine)",
            "Подробнее: \(options.absolute(SitePaths.event(event.id)))", "",
            "Письмо отправлено автоматически ClusterPlan; отвечать на него не нужно.",
        ].joined(separator: "\n")
        let invitation = notice.kind == .reminder ? nil : try makeInvitation(
            snapshot, event: event.id, method: notice.cancels ? .cancel : .request, attendee: notice.recipient, noReply: from,
            options: options.feedOptions)
        let message = MailMessage(from: from, to: notice.recipient.email, toName: notice.recipient.name, subject: subject,
                                  text: text, invitation: invitation, date: now, id: notice.key)
        return OutgoingMail(key: notice.key, event: event.id, recipient: notice.recipient.email, message: message.rendered)
    }
}

extension DistrictSnapshot {
    /// The snapshot with `events` in place of the stored ones of the same id: the district as a write left it.
    func replacing(_ events: [EventSnapshot]) -> DistrictSnapshot {
        let new = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var copy = self
        copy.events = self.events.map { new[$0.id] ?? $0 }
        return copy
    }
}
