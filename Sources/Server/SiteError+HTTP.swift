import Hummingbird
import Site

extension SiteError {
    /// The HTTP status of each visitor error.
    var status: HTTPResponse.Status {
        switch self {
        case .unknownCluster, .unknownSchool, .unknownEvent, .unknownYear, .unknown, .unknownRegistration: .notFound
        case .badParameter: .badRequest
        case .emptyStore, .storeUnavailable: .serviceUnavailable
        case .misconfigured: .internalServerError
        }
    }
}
