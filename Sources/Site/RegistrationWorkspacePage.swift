import Planning

/// `/manage/events/<c>/<n>/registrations`: settings, the list with attendance check boxes, walk-ins
/// and the CSV import. The only page with registrants' names: the workspace's, never cached.
public struct RegistrationImportView: Sendable {
    public var csv: String
    public var mapping: [(field: String, header: String)]
    public var problems: [String]
    public init(csv: String = "", mapping: [(field: String, header: String)] = [], problems: [String] = []) {
        self.csv = csv
        self.mapping = mapping
        self.problems = problems
    }
}

extension PageRenderer {
    public func workspaceRegistrations(frame: WorkspaceFrame, item: EventSnapshot, district: District, settings: RegistrationSettings?,
                                       registrations: [Registration], mayEdit: Bool, problems: FieldProblems?,
                                       importView: RegistrationImportView, notice: String?, options: SiteOptions) -> String {
        let base = "/manage/events/" + SitePaths.segment(item.id.cluster) + "/\(item.id.number)"
        let figures = RegistrationRules.attendance(registrations)
        let rows = registrations.map { r in
            RegistrationsPage.Row(id: r.id, name: r.registrant.name, school: district.school(r.registrant.school)?.name ?? r.registrant.school,
                                  position: r.registrant.position, email: r.registrant.email ?? "",
                                  status: r.walkIn ? "без регистрации" : r.status.russian, active: r.isActive, attended: r.attended,
                                  revokeAction: r.registrant.email.map { _ in options.href(base + "/registrations/\(r.id)/revoke-feed") })
        }
        return render("manage-registrations", RegistrationsPage(
            title: "Регистрация: мероприятие № \(item.id.number)", home: frame.home, timezone: district.timezone, frame: frame,
            csrf: frame.csrf, event: item.event.title, clusterHref: options.href("/manage/clusters/" + SitePaths.segment(item.id.cluster)),
            publicHref: options.href(SitePaths.event(item.id) + "/registration"),
            signInHref: options.href(base + "/sign-in.docx"), certificatesHref: options.href(base + "/certificates.docx"), notice: notice, general: Self.general(problems),
            problems: fieldMessages(problems), mayEdit: mayEdit, open: settings?.open == true,
            capacity: settings?.capacity.map(String.init) ?? "", deadline: settings?.deadline?.description ?? "",
            settingsAction: options.href(base + "/registration-settings"), attendanceAction: options.href(base + "/attendance"),
            walkInAction: options.href(base + "/walk-ins"), importAction: options.href(base + "/registrations/import"),
            rows: rows, registeredCount: registrations.filter { $0.status == .registered }.count,
            waitingCount: registrations.filter { $0.status == .waitlisted }.count, presentCount: figures.participants,
            schoolCount: figures.schools.count,
            outcomeHref: figures.participants > 0 && item.state.status != .held ? options.href(base + "/outcome") : nil,
            schools: district.registrationSchools(for: item.id.cluster).map { FormOption(value: $0.id, label: $0.name, selected: false) },
            hasMapping: !importView.mapping.isEmpty,
            mapping: importView.mapping.map { .init(field: $0.field, header: $0.header) }, importProblems: importView.problems,
            csv: importView.csv))
    }
}

struct RegistrationsPage {
    struct Row {
        var id: Int64
        var name: String
        var school: String
        var position: String
        var email: String
        var status: String
        var active: Bool
        var attended: Bool
        /// Ends the registrant's personal feed (only for one with an email).
        var revokeAction: String?
    }
    struct Mapping {
        var field: String
        var header: String
    }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var event: String
    var clusterHref: String
    var publicHref: String
    var signInHref: String
    var certificatesHref: String
    var notice: String?
    var general: [String]
    var problems: [String: String]
    var mayEdit: Bool
    var open: Bool
    var capacity: String
    var deadline: String
    var settingsAction: String
    var attendanceAction: String
    var walkInAction: String
    var importAction: String
    var rows: [Row]
    var registeredCount: Int
    var waitingCount: Int
    var presentCount: Int
    var schoolCount: Int
    var outcomeHref: String?
    var schools: [FormOption]
    var hasMapping: Bool
    var mapping: [Mapping]
    var importProblems: [String]
    var csv: String
}
