import ICal
import Planning

/// What a visitor can get wrong: unknown ids and malformed parameters. Each maps to one HTTP status
/// and a Russian message that is safe to show (it only repeats what the visitor sent).
public enum SiteError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownCluster(String)
    case unknownSchool(String)
    case unknownEvent(String)
    case unknownYear(String)
    /// An id or year the district does not know, with the nearest known ones.
    case unknown(UnknownID)
    case badParameter(String)
    case emptyStore
    /// The store cannot be read (a broken or missing file): nothing stale is served meanwhile.
    case storeUnavailable
    /// The stored plan or the server's options cannot make a feed (a bad time zone, say).
    case misconfigured(String)
    /// A private registration link or personal feed that does not exist (any more).
    case unknownRegistration

    public var description: String {
        switch self {
        case .unknownCluster(let id): "нет кластера «\(id)»"
        case .unknownSchool(let id): "нет школы «\(id)»"
        case .unknownEvent(let id): "нет мероприятия «\(id)»"
        case .unknownYear(let text): "нет учебного года «\(text)» в планах: ожидается год вида 2019-2020"
        case .unknown(let error): error.description
        case .badParameter(let text): text
        case .emptyStore: "данных пока нет: выполните «clusterplan import plans»"
        case .storeUnavailable: "база данных сейчас не читается; попробуйте позже"
        case .misconfigured(let text): "сервер не может построить календарь: \(text)"
        case .unknownRegistration: "такой регистрации или ленты нет: ссылка неверна, отозвана или регистрация удалена"
        }
    }

    public init(_ error: UnknownID) { self = .unknown(error) }

    public init(_ error: FeedError) {
        switch error {
        case .unknownCluster(let id): self = .unknownCluster(id)
        case .unknownSchool(let id): self = .unknownSchool(id)
        case .unknownEvent(let id): self = .unknownEvent(id.description)
        // Problems of the stored plan, not of the request: reported as a server-side failure.
        case .unknownTimezone, .invalidRefreshInterval: self = .misconfigured(error.description)
        }
    }
}
