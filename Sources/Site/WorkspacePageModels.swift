import Planning

// What the workspace templates read: one model per page (Mustache sees stored properties only).

struct ClusterSettingsPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var cluster: String
    var clusterHref: String
    var values: ClusterSettingsValues
    var contact: [FormOption]
    var notes: [FormOption]
    var general: [String]
    var problems: [String: String]
}

struct WorkspaceHomePage {
    struct Cluster { var title: String; var id: String; var href: String; var page: String }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var hasClusters: Bool
    var clusters: [Cluster]
    var newCluster: String?
    /// HTML of `manage-home-lists`.
    var lists: String
    var support: [String]?
    var supportHref: String?
}

struct WorkspaceHomeLists {
    var upcoming: EventList
    var unrecorded: EventList
    var unplaced: EventList
    var pending: EventList
}

struct WorkspaceClusterPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var notice: String?
    var id: String
    var lead: String
    /// HTML of `manage-rows`.
    var events: String
    var actions: [PageLink]
}

/// A link of a page's row of actions.
struct PageLink {
    var href: String
    var label: String
}

struct EventFormPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var cluster: String
    var clusterHref: String
    var isNew: Bool
    var revision: String
    /// The published date and place, shown while new ones wait for publication.
    var published: String?
    var values: EventFormValues
    var formats: [FormOption]
    var hosts: [FormOption]
    var participants: [FormOption]
    var tasks: [FormOption]
    var removeAction: String?
    /// The event's files, and where the upload form posts (a saved event only).
    var materials: [MaterialRow]
    var uploadAction: String?
    var general: [String]
    var problems: [String: String]
}

/// One material of the event form, with its remove button's address.
struct MaterialRow {
    var title: String
    var href: String
    var size: String
    var removeAction: String

    init(_ m: Material, options: SiteOptions) {
        title = m.title
        href = options.href(SitePaths.material(m))
        size = fileSize(m.size)
        removeAction = options.href("/manage/materials/\(m.id)/remove")
    }
}

struct OutcomeFormPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var event: String
    var clusterHref: String
    var current: String
    var values: OutcomeFormValues
    var statuses: [FormOption]
    var schools: [FormOption]
    var warnings: [String]
    var confirm: Bool
    var general: [String]
    var problems: [String: String]
}

struct PreviewPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var cluster: String
    var clusterHref: String
    var action: String
    var rows: [PreviewRow]
    var warnings: [String]
    var changes: Bool
    var calendar: String
}

struct VersionsPage {
    struct Move { var number: Int; var title: String; var old: String; var new: String }
    struct Version { var number: Int; var at: String; var login: String; var moves: [Move]; var hasMoves: Bool }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var notice: String?
    var cluster: String
    var clusterHref: String
    var versions: [Version]
}

struct AuditPage {
    struct Entry { var at: String; var login: String; var source: String; var event: String; var field: String; var old: String; var new: String }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var cluster: String
    var clusterHref: String
    var entries: [Entry]
}
