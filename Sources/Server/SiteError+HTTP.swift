import Hummingbird
import Site

extension SiteError {
    /// The HTTP status of each visitor error.
    var status: HTTPResponse.Status {
        switch self {
        case .unknownCluster, .unknownSchool, .unknownEvent, .unknownYear, .unknown: .notFound
        case .badParameter: .badRequest
        case .emptyStore: .serviceUnavailable
        case .misconfigured: .internalServerError
        }
    }
}
