import Planning
import QRCode

/// The subscribe box of a page: the feed's address, one button per calendar app with two lines of
/// instructions, a QR code of the address for a phone, and on an event's page its own `.ics`.
struct Subscription {
    struct Client { var name: String; var href: String; var first: String; var second: String }

    var url: String
    var webcal: String?
    var scheme: String
    /// Empty without a public address: a static copy without `--base-url` knows no address to hand out.
    var hasClients: Bool
    var clients: [Client]
    /// The QR code of `url` as inline SVG (no user text in it), nil without a public address.
    var qr: String?
    /// "Add this one event": the event's own `.ics`.
    var single: String?
}

extension SiteContent {
    /// The subscribe box for the feed at `path`, named `title` in the calendar apps that take a name;
    /// `event` adds the link to that event's own `.ics`.
    func subscription(_ path: String, title: String, event: EventID? = nil) -> Subscription {
        let url = options.absolute(path)
        let scheme = url.hasPrefix("https:") ? "https://" : url.hasPrefix("http:") ? "http://" : "ссылка"
        let webcal = options.webcal(path)
        let clients = webcal.map { SubscribeLinks(url: url, webcal: $0, title: title).clients } ?? []
        return Subscription(url: url, webcal: webcal, scheme: scheme, hasClients: !clients.isEmpty, clients: clients,
                            qr: webcal == nil ? nil : QRCode(url)?.svg(title: "QR-код адреса календаря"),
                            single: event.map { options.href(SitePaths.eventFeed($0)) })
    }
}

/// The links calendar apps open to subscribe to a feed, as each documents them.
public struct SubscribeLinks: Sendable {
    /// The feed's `https://` (or `http://`) address and its `webcal://` twin.
    public var url: String
    public var webcal: String
    public var title: String

    public init(url: String, webcal: String, title: String) {
        self.url = url
        self.webcal = webcal
        self.title = title
    }

    /// Google Calendar adds a `webcal://` feed given as `cid`.
    public var google: String { "https://calendar.google.com/calendar/r?cid=" + SitePaths.queryValue(webcal) }
    /// Outlook.com and Microsoft 365 subscribe to the address in `url`, named `name`.
    public var outlook: String {
        "https://outlook.live.com/calendar/0/addfromweb?url=" + SitePaths.queryValue(url) + "&name=" + SitePaths.queryValue(title)
    }
    /// Яндекс Календарь has no link that subscribes: its page, where the address is pasted.
    public static let yandex = "https://calendar.yandex.ru/"

    var clients: [Subscription.Client] {
        [
            .init(name: "Яндекс Календарь", href: Self.yandex,
                  first: "Скопируйте адрес календаря выше и откройте Яндекс Календарь.",
                  second: "Слева у «Подписки» нажмите «+» → «Подписаться на календарь», вставьте адрес и нажмите «Создать»."),
            .init(name: "Google Календарь", href: google,
                  first: "Нажмите кнопку и войдите в аккаунт Google.",
                  second: "Подтвердите «Добавить календарь». Google обновляет подписку раз в 12–24 часа."),
            .init(name: "Outlook", href: outlook,
                  first: "Нажмите кнопку и войдите в Outlook.com или Microsoft 365.",
                  second: "Проверьте название календаря и нажмите «Импорт»."),
            .init(name: "Apple (iPhone, iPad, Mac)", href: webcal,
                  first: "Нажмите кнопку на iPhone, iPad или Mac: откроется приложение «Календарь».",
                  second: "Нажмите «Подписаться», затем «Добавить». На телефоне можно навести камеру на QR-код."),
        ]
    }
}
