import Planning

/// The registration pages: the public form (`/events/<c>/<n>/registration`), the registrant's
/// private page (`/registrations/<token>`) and the coordinator's list with attendance
/// (`/manage/events/<c>/<n>/registrations`). Only the last one shows other people's names.
public struct RegistrationFormValues: Sendable {
    public var name = ""
    public var school = ""
    public var position = ""
    public var email = ""
    public var consent = false
    public init() {}
    public init(_ r: Registrant) { name = r.name; school = r.school; position = r.position; email = r.email ?? ""; consent = r.consent }
}

struct RegistrationLink {
    var href: String
    var summary: String?
}

extension SiteContent {
    /// The event page's line "Регистрация открыта …", while its coordinator keeps it open.
    func registrationLink(_ item: EventSnapshot) -> RegistrationLink? {
        guard let settings = snapshot.registrationSettings(item.id), settings.open,
              !item.state.status.isCancelled, item.state.status != .held else { return nil }
        return RegistrationLink(href: options.href(SitePaths.event(item.id) + "/registration"), summary: registrationSummary(item, settings))
    }

    func registrationSummary(_ item: EventSnapshot, _ settings: RegistrationSettings) -> String? {
        let parts = [settings.capacity.map { "мест \($0)" },
                     settings.deadline(for: item, defaultStart: district.calendar.defaultStart).map { "до \($0.russian)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func schoolOptions(_ id: EventID, selected: String) -> [FormOption] {
        district.registrationSchools(for: id.cluster).map { FormOption(value: $0.id, label: $0.name, selected: $0.id == selected) }
    }

    /// The public form; `csrf` when the visitor has a session, as on `/login`.
    public func registrationPage(_ id: EventID, values: RegistrationFormValues, problems: FieldProblems?, csrf: String?)
        throws(SiteError) -> String {
        guard let item = snapshot.events.first(where: { $0.id == id }) else { throw .unknownEvent(id.description) }
        let settings = snapshot.registrationSettings(id)
        let when = schedule(item)
        return pages.render("registration", RegistrationPage(
            title: "Регистрация: \(item.event.title)", home: options.href("/"), timezone: district.timezone,
            event: item.event.title, eventHref: options.href(SitePaths.event(id)),
            when: when.time.isEmpty ? when.date : "\(when.date), \(when.time)", place: place(of: item.event).name,
            open: settings?.open == true && !item.state.status.isCancelled,
            summary: settings.flatMap { registrationSummary(item, $0) },
            action: options.href(SitePaths.event(id) + "/registration"), csrf: csrf, values: values,
            schools: schoolOptions(id, selected: values.school), purpose: RegistrationRules.purpose, retention: RegistrationRules.retention,
            general: PageRenderer.general(problems), problems: fieldMessages(problems)))
    }

    /// The registrant's private page. `feedToken`: a personal feed just made (shown once: only its digest is kept).
    public func privateRegistrationPage(_ r: Registration, token: String, feedToken: String?, notice: String?, csrf: String?) -> String {
        let feedPath = feedToken.map { "/feeds/me/\($0).ics" }
        let item = snapshot.events.first { $0.id == r.event }
        let when = item.map(schedule)
        let base = options.href("/registrations/\(token)")
        return pages.render("registration-private", PrivateRegistrationPage(
            title: "Ваша регистрация", home: options.href("/"), timezone: district.timezone,
            event: item?.event.title ?? r.event.description, eventHref: options.href(SitePaths.event(r.event)),
            when: when.map { $0.time.isEmpty ? $0.date : "\($0.date), \($0.time)" } ?? "", name: r.registrant.name,
            school: schoolName(r.registrant.school), status: r.status.russian, active: r.isActive, attended: r.attended,
            cancelAction: base + "/cancel", feedAction: base + "/feed", revokeAction: base + "/feed/revoke",
            hasEmail: r.registrant.email != nil, feedURL: feedPath.map(options.absolute), webcal: feedPath.flatMap(options.webcal), notice: notice, csrf: csrf))
    }
}

struct RegistrationPage {
    var title: String
    var home: String
    var timezone: String
    var event: String
    var eventHref: String
    var when: String
    var place: String
    var open: Bool
    var summary: String?
    var action: String
    var csrf: String?
    var values: RegistrationFormValues
    var schools: [FormOption]
    var purpose: String
    var retention: String
    var general: [String]
    var problems: [String: String]
}

struct PrivateRegistrationPage {
    var title: String
    var home: String
    var timezone: String
    var event: String
    var eventHref: String
    var when: String
    var name: String
    var school: String
    var status: String
    var active: Bool
    var attended: Bool
    var cancelAction: String
    var feedAction: String
    var revokeAction: String
    var hasEmail: Bool
    var feedURL: String?
    var webcal: String?
    var notice: String?
    var csrf: String?
}
