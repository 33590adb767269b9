import Foundation
import HTTPTypes
import Hummingbird
import ICal
import NIOCore
import Planning
import Site

/// `/feeds/district.ics`, `/feeds/clusters/<id>.ics`, `/feeds/schools/<id>.ics`: the iCalendar
/// feeds, built once per store revision and answered from memory with ETag and Last-Modified.
struct FeedController<Context: RemoteAddressRequestContext>: Sendable {
    let cache: SiteCache
    /// Counts distinct subscribers of the district, cluster and school feeds (not one-event files).
    var counter: FeedCounter?

    /// Subscribers poll; a minute of freshness spares the server without hiding a change for long.
    static var cacheControl: String { "public, max-age=60" }

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("district.ics") { request, context in try await feed(.district, request, context) }
            .get("clusters/{id}.ics") { request, context in
                try await feed(.cluster(context.parameters.decoded("id")), request, context)
            }
            .get("schools/{id}.ics") { request, context in
                try await feed(.school(context.parameters.decoded("id")), request, context)
            }
            .get("events/{cluster}/{number}.ics") { request, context in
                let cluster = try context.parameters.decoded("cluster")
                let number = try context.parameters.decoded("number")
                guard let n = Int(number) else { throw SiteError.unknownEvent("\(cluster)/\(number)") }
                return try await feed(.event(EventID(cluster: cluster, number: n)), request, context)
            }
    }

    func feed(_ scope: FeedScope, _ request: Request, _ context: Context) async throws -> Response {
        let response = try await cache.resource(Self.key(scope)) { content in
            let (text, lastModified) = try content.feed(scope)
            return Resource(text: text, contentType: "text/calendar; charset=utf-8", lastModified: lastModified,
                            cacheControl: Self.cacheControl)
        }.response(to: request)
        if let counter, Self.isSubscription(scope) {
            counter.saw(feed: request.uri.path, address: Self.address(request, context), userAgent: request.headers[.userAgent] ?? "",
                        now: Int64(Date().timeIntervalSince1970))
        }
        return response
    }

    /// The district, cluster and school feeds; never a one-event file or a personal feed (its path holds a token).
    static func isSubscription(_ scope: FeedScope) -> Bool {
        switch scope {
        case .district, .cluster, .school: true
        case .event, .personal: false
        }
    }

    /// The subscriber's address: the peer, or behind a reverse proxy on this machine the first
    /// `X-Forwarded-For` entry (a made-up one only changes a count).
    static func address(_ request: Request, _ context: Context) -> String {
        let peer = context.remoteAddress?.ipAddress ?? ""
        if peer == "127.0.0.1" || peer == "::1", let name = HTTPField.Name("X-Forwarded-For"), let forwarded = request.headers[name] {
            return String(forwarded.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces)
        }
        return peer
    }

    static func key(_ scope: FeedScope) -> String {
        switch scope {
        case .district: "feed:district"
        case .cluster(let id): "feed:cluster:\(id)"
        case .school(let id): "feed:school:\(id)"
        case .event(let id): "feed:event:\(id)"
        // Never cached: personal feeds are built per request (`RegistrationController`).
        case .personal: "feed:personal"
        }
    }
}

extension Parameters {
    /// A path parameter with its percent-escapes decoded (Hummingbird hands them over raw).
    func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
