import Mustache

/// Renders the page templates. Built once per server or publish run.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init() throws { library = try Templates.library() }

    func render(_ template: String, _ model: Any) -> String {
        // The names are this file's own constants: a missing template is a programming error.
        guard let html = library.render(model, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }

    /// The page for a 404 or any other failure: only the status and a message meant for visitors.
    public func errorPage(title: String, message: String, home: String, timezone: String) -> String {
        render("error", ErrorPage(title: title, home: home, timezone: timezone, message: message))
    }
}

// The models below are read by the templates through reflection: field names are template keys.

struct EventRow {
    var number: Int
    var date: String
    var time: String
    var format: String
    var href: String
    var title: String
    var showCluster: Bool
    var clusterTitle: String
    var host: String
    var status: String
    var cancelled: Bool
}

/// The next event of a cluster or school (or, when all are past, the last one), above the table.
struct UpcomingCard {
    var heading: String
    var event: EventRow
}

struct Link {
    var href: String
    var name: String
    var isLead: Bool
}

struct TextItem {
    var text: String
}

/// The school search: a GET form answered by the server; a static copy shows the whole list.
struct SearchBox {
    var action: String
    var query: String
}

struct IndexPage {
    struct DistrictCard {
        struct ClusterItem { var href: String; var title: String; var lead: String; var eventCount: Int }
        var name: String
        var anchor: String
        var clusters: [ClusterItem]
        var schoolCount: Int
        var schoolsHref: String
        var calendarHref: String?
    }
    struct Year { var href: String; var title: String }
    struct Reports { var years: [Year] }

    var title: String
    var home: String
    var timezone: String
    var subscribe: Subscription
    var search: SearchBox
    var upcomingHeading: String
    var hasUpcoming: Bool
    var upcoming: [EventRow]
    var districts: [DistrictCard]
    var calendarHref: String?
    var reports: Reports?
}

struct SchoolsPage {
    struct Group {
        struct SchoolItem { var href: String; var name: String; var clusters: String? }
        var name: String
        var anchor: String
        var schools: [SchoolItem]
    }

    var title: String
    var home: String
    var timezone: String
    var search: SearchBox
    /// "Найдено школ: 2" for a search, nil for the whole list.
    var summary: String?
    var nothingFound: Bool
    var allHref: String?
    var groups: [Group]
}

struct ClusterPage {
    struct DirectionItem { var title: String; var items: [String] }
    struct CoordinatorItem { var name: String; var email: String? }

    var title: String
    var home: String
    var timezone: String
    var district: String?
    var profile: String?
    var subscribe: Subscription
    var calendarHref: String?
    var upcoming: UpcomingCard?
    var theme: String?
    var goal: String?
    var hasTasks: Bool
    var tasks: [TextItem]
    var hasDirections: Bool
    var directions: [DirectionItem]
    var members: [Link]
    var coordinator: CoordinatorItem?
    var hasEvents: Bool
    var events: [EventRow]
}

struct SchoolPage {
    struct ClusterItem { var href: String; var title: String; var isLead: Bool }

    var title: String
    var home: String
    var timezone: String
    var district: String?
    var address: String?
    var subscribe: Subscription
    var calendarHref: String?
    var upcoming: UpcomingCard?
    var hasClusters: Bool
    var clusters: [ClusterItem]
    var hasEvents: Bool
    var events: [EventRow]
}

struct EventPage {
    var title: String
    var home: String
    var timezone: String
    var format: String
    var number: Int
    /// The cluster's feed, and this event's own `.ics`.
    var subscribe: Subscription
    var clusterHref: String
    var clusterTitle: String
    var date: String
    var time: String?
    var status: String
    var year: String
    var hostHref: String?
    var host: String
    var address: String?
    var link: String?
    struct MaterialLink { var href: String; var title: String; var size: String }
    var hasMaterials: Bool
    var materials: [MaterialLink]
    var participants: [Link]
    var purpose: String?
    var hasTasks: Bool
    var tasks: [TextItem]
    var outcome: String?
    var registration: RegistrationLink?
}

struct ErrorPage {
    var title: String
    var home: String
    var timezone: String
    var message: String
}
