import Planning

/// How many mails of one event went, wait, or failed at their last attempt.
public struct MailCounts: Hashable, Sendable {
    public var sent = 0
    public var waiting = 0
    public var failed = 0
    public init(sent: Int = 0, waiting: Int = 0, failed: Int = 0) {
        self.sent = sent
        self.waiting = waiting
        self.failed = failed
    }
}

struct SubscribersPage {
    struct Count { var value: Int }
    struct FeedRow { var name: String; var url: String; var counts: [Count]; var total: Int; var lastFetch: String }
    struct EventRow {
        var number: Int
        var title: String
        var date: String
        var sent: Int
        var waiting: Int
        var failed: Int
        var signIn: String
        var certificates: String
    }
    struct Client { var name: String }

    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var cluster: String
    var clusterHref: String
    var clients: [Client]
    var feeds: [FeedRow]
    var events: [EventRow]
}

extension Templates {
    static let subscribers = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    <h2>Подписчики календарей</h2>
    <p class="muted">Разные подписчики за последние 7 дней (наибольшее число за день) по программам. Подписчик — хеш адреса \
    и программы с солью, которая меняется каждый день: личные данные не хранятся.</p>
    <div class="table">
    <table class="events">
    <thead><tr><th>Календарь</th>{{#clients}}<th>{{name}}</th>{{/clients}}<th>Всего</th><th>Последнее обращение</th></tr></thead>
    <tbody>
    {{#feeds}}<tr><td data-label="Календарь">{{name}}<br><span class="muted">{{url}}</span></td>{{#counts}}<td class="n">{{value}}</td>{{/counts}}\
    <td class="n" data-label="Всего">{{total}}</td><td data-label="Последнее обращение">{{lastFetch}}</td></tr>
    {{/feeds}}
    </tbody>
    </table>
    </div>
    <h2>Письма и документы мероприятий</h2>
    <div class="table">
    <table class="events">
    <thead><tr><th>№</th><th>Мероприятие</th><th>Дата</th><th>Писем отправлено</th><th>Ждут отправки</th><th>С ошибкой</th><th>Документы</th></tr></thead>
    <tbody>
    {{#events}}<tr><td data-label="Номер">{{number}}</td><td data-label="Мероприятие">{{title}}</td><td data-label="Дата">{{date}}</td>\
    <td data-label="Отправлено">{{sent}}</td><td data-label="Ждут">{{waiting}}</td><td data-label="С ошибкой">{{failed}}</td>\
    <td data-label="Документы"><a href="{{signIn}}">Лист регистрации (DOCX)</a><br><a href="{{certificates}}">Сертификаты (DOCX)</a></td></tr>
    {{/events}}
    </tbody>
    </table>
    </div>
    {{>foot}}
    """
}

extension PageRenderer {
    /// `/manage/clusters/<id>/subscribers`: the subscriber counts of the cluster's feed and its
    /// schools' feeds, then per event its mail and its sign-in sheet and certificates.
    public func workspaceSubscribers(frame: WorkspaceFrame, cluster: Cluster, snapshot: DistrictSnapshot, health: [FeedHealth],
                                     mail: [EventID: MailCounts], timezone: String, options: SiteOptions) -> String {
        let byPath = Dictionary(health.map { ($0.feed, $0) }, uniquingKeysWith: { a, _ in a })
        let feeds = [(cluster.title, SitePaths.clusterFeed(cluster.id))]
            + cluster.members.map { (snapshot.district.school($0)?.name ?? $0, SitePaths.schoolFeed($0)) }
        let rows = feeds.map { name, path -> SubscribersPage.FeedRow in
            let h = byPath[options.href(path)] ?? byPath[path]
            return .init(name: name, url: options.absolute(path),
                         counts: FeedClient.allCases.map { .init(value: h?.subscribers[$0] ?? 0) }, total: h?.total ?? 0,
                         lastFetch: h.map { isoTimestamp($0.lastFetch) } ?? "не было")
        }
        let base = "/manage/events/"
        let events = snapshot.events(inCluster: cluster.id).filter { $0.state.status != .removed }.map { item in
            let counts = mail[item.id] ?? MailCounts()
            let path = base + SitePaths.segment(item.id.cluster) + "/\(item.id.number)"
            return SubscribersPage.EventRow(
                number: item.id.number, title: item.event.title, date: item.state.date?.description ?? "не назначена",
                sent: counts.sent, waiting: counts.waiting, failed: counts.failed,
                signIn: options.href(path + "/sign-in.docx"), certificates: options.href(path + "/certificates.docx"))
        }
        return render("manage-subscribers", SubscribersPage(
            title: "Подписчики, письма и документы", home: frame.home, timezone: timezone, frame: frame, cluster: cluster.title,
            clusterHref: options.href("/manage/clusters/" + SitePaths.segment(cluster.id)),
            clients: FeedClient.allCases.map { .init(name: $0.russian) }, feeds: rows, events: events))
    }
}
