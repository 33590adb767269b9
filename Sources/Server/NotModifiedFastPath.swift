import Foundation
import Hummingbird
import HummingbirdCore
import ICal
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a conditional GET of a feed that is already built and unchanged (304) right on the
/// event loop, before Hummingbird hands the request to Swift concurrency: the hop to the task and
/// back, the router and the middleware cost several times the answer itself.
///
/// Only installed when request logging is off (the log line comes from the router's middleware).
/// Everything else goes on untouched: other paths and methods, a resource not built yet, a poll
/// of the store that is due, unmatched validators, `Connection` headers, and any request while an
/// earlier one on the connection is still being answered (answers keep the order of requests).
/// The answer carries the same headers as the router's 304: the resource's, Date and Server.
final class NotModifiedFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let cache: SiteCache
    private let serverName: String
    /// Requests passed on whose answer has not ended yet.
    private var inFlight = 0
    /// Dropping the rest (body, end) of a request answered here.
    private var discarding = false
    private var dateSecond = Int.min
    private var dateText = ""
    /// Where finished response bytes enter the pipeline, below the HTTP encoder.
    private var encoderContext: ChannelHandlerContext?
    /// The last 304 written, as bytes, with what it was made of.
    private var lastAnswer: (etag: String, lastModified: Int64?, second: Int, bytes: ByteBuffer)?

    init(cache: SiteCache, serverName: String) {
        self.cache = cache
        self.serverName = serverName
    }

    func handlerAdded(context: ChannelHandlerContext) {
        encoderContext = try? context.pipeline.syncOperations.context(handlerType: HTTPResponseEncoder.self)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        encoderContext = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if discarding {
            if case .end = part { discarding = false }
            return
        }
        if case .head(let head) = part {
            if inFlight == 0, let resource = notModifiedResource(head) {
                discarding = true
                if let encoderContext {
                    // Bytes as the HTTP/1.1 encoder writes them for the same head (no body, no
                    // framing headers for a 304), cached while tag, time and second stay.
                    encoderContext.writeAndFlush(NIOAny(IOData.byteBuffer(answerBytes(resource, encoderContext.channel.allocator))),
                                                 promise: nil)
                } else {
                    context.write(wrapOutboundOut(.head(HTTPResponse(status: .notModified, headerFields: fields(resource)))),
                                  promise: nil)
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
                return
            }
            inFlight += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), inFlight > 0 { inFlight -= 1 }
        context.write(data, promise: promise)
    }

    private func fields(_ resource: Resource) -> HTTPFields {
        var fields = resource.headers
        fields[.date] = date()
        fields[.server] = serverName
        return fields
    }

    private func answerBytes(_ resource: Resource, _ allocator: ByteBufferAllocator) -> ByteBuffer {
        _ = date()  // moves dateSecond on
        if let last = lastAnswer, last.second == dateSecond, last.etag == resource.etag,
           last.lastModified == resource.lastModified {
            return last.bytes
        }
        var text = "HTTP/1.1 304 Not Modified\r\n"
        for field in fields(resource) { text += "\(field.name.rawName): \(field.value)\r\n" }
        text += "\r\n"
        let bytes = allocator.buffer(string: text)
        lastAnswer = (resource.etag, resource.lastModified, dateSecond, bytes)
        return bytes
    }

    private func notModifiedResource(_ head: HTTPRequest) -> Resource? {
        guard head.method == .get, head.headerFields[.connection] == nil,
              head.headerFields[.ifNoneMatch] != nil || head.headerFields[.ifModifiedSince] != nil,
              let key = feedKey(head.path ?? ""),
              let resource = cache.builtResource(key), resource.notModified(head.headerFields) else { return nil }
        return resource
    }

    /// The last request target and its key: a subscriber polls the same feed over and over.
    private var lastTarget: (target: String, key: String?)?

    private func feedKey(_ target: String) -> String? {
        if let last = lastTarget, last.target == target { return last.key }
        let key = Self.feedKey(target)
        lastTarget = (target, key)
        return key
    }

    /// The cache key of a feed path exactly as the router matches it; nil for anything else.
    static func feedKey(_ target: String) -> String? {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard path.hasPrefix("/feeds/"), path.hasSuffix(".ics") else { return nil }
        let parts = path.dropFirst("/feeds/".count).dropLast(".ics".count).split(separator: "/", omittingEmptySubsequences: false)
        let scope: FeedScope
        switch parts.count {
        case 1 where parts[0] == "district": scope = .district
        case 2 where !parts[1].isEmpty && (parts[0] == "clusters" || parts[0] == "schools"):
            let raw = String(parts[1])
            let id = raw.removingPercentEncoding ?? raw
            scope = parts[0] == "clusters" ? .cluster(id) : .school(id)
        default: return nil
        }
        return FeedController<BasicRequestContext>.key(scope)
    }

    /// IMF-fixdate of the current second, formatted once a second per connection.
    private func date() -> String {
        let now = Int(Date().timeIntervalSince1970)
        if now != dateSecond {
            dateSecond = now
            dateText = httpDate(Int64(now))
        }
        return dateText
    }
}
