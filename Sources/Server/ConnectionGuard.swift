import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Limits of `serve` against slow or odd clients: nginx's defaults where it has them.
public struct ConnectionLimits: Sendable {
    /// A request's headers must be complete this long after the connection opens or the last answer ends
    /// (nginx `client_header_timeout` 60 s): a slowloris client is closed, not held.
    public var headerTimeout: TimeAmount
    /// A connection with no request for this long is closed (nginx `keepalive_timeout` 75 s).
    public var idleTimeout: TimeAmount
    /// Open connections at most; beyond, new ones wait in the listen queue. Far above what real
    /// clients use, so slow clients (closed after `headerTimeout`) cannot take every slot.
    public var maxConnections: Int

    public init(headerTimeout: TimeAmount = .seconds(30), idleTimeout: TimeAmount = .seconds(60), maxConnections: Int = 4096) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

/// Per connection: closes it when a request's headers do not arrive in time, and answers methods
/// the site does not serve itself — 501 for CONNECT (never a tunnel), 405 for any other unknown
/// method, 400 for a request the decoder cannot read — then closes, without reading further.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let servedMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    private let headerTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var refused = false

    init(headerTimeout: TimeAmount) { self.headerTimeout = headerTimeout }

    func handlerAdded(context: ChannelHandlerContext) { if context.channel.isActive { arm(context) } }
    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }
    func handlerRemoved(context: ChannelHandlerContext) { deadline?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        let part = unwrapInboundIn(data)
        if case .head(let head) = part {
            deadline?.cancel()
            deadline = nil
            if !Self.servedMethods.contains(head.method) {
                refused = true
                refuse(context, status: head.method == .connect ? .notImplemented : .methodNotAllowed)
                return
            }
        }
        context.fireChannelRead(data)
    }

    /// What the HTTP decoder cannot read at all (a method it does not know, a broken request line): 400 and close.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, !refused else { return context.fireErrorCaught(error) }
        refused = true
        refuse(context, status: .badRequest)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // The answer ended: the next request's headers are due within the timeout again.
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: headerTimeout) { channel.close(promise: nil) }
    }

    private func refuse(_ context: ChannelHandlerContext, status: HTTPResponse.Status) {
        var head = HTTPResponse(status: status)
        head.headerFields[.connection] = "close"
        head.headerFields[.contentLength] = "0"
        if status == .methodNotAllowed { head.headerFields[.allow] = "GET, HEAD" }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
