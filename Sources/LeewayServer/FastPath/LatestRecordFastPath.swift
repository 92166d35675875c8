import HTTPTypes
import LeewayCore
import NIOCore
import NIOHTTPTypes

/// Answers `GET /v1/vessels/{id}/prediction` and `…/features` on the connection's event
/// loop, straight from the cache, before requests reach the router: no task, no thread hop,
/// the stored bytes written as they are. Anything it cannot answer with 200 or 304 (cache
/// warming, unknown vessel, odd path, a query, `Connection: close`) goes on to the router,
/// which gives the same answers and every error. While a request is with the router, later
/// ones on the connection go there too, so responses keep the order of requests.
final class LatestRecordFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let routes: CacheRoutes
    private let serverName: String
    /// Requests passed to the router whose response has not ended yet.
    private var withRouter = 0
    /// The answer for the request being read (its body, if any, is dropped).
    private var answer: LatestRecordAnswer?
    private var date = HTTPDate()

    init(routes: CacheRoutes, serverName: String = "leeway") {
        self.routes = routes
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if withRouter == 0, answer == nil, let found = lookUp(head) {
                answer = found
                return
            }
            withRouter += 1
        case .body:
            if answer != nil { return }
        case .end:
            if let answer {
                self.answer = nil
                routes.fastAnswers.increment()
                write(answer, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withRouter = max(0, withRouter - 1) }
        context.write(data, promise: promise)
    }

    /// The answer for `head` if it is a plain GET of a record the cache holds.
    private func lookUp(_ head: HTTPRequest) -> LatestRecordAnswer? {
        guard head.method == .get, let path = head.path, path.utf8.count <= 96, path.hasPrefix("/v1/vessels/"),
              head.headerFields[.connection]?.lowercased() != "close" else { return nil }
        let rest = path.dropFirst("/v1/vessels/".count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let id = String(rest[..<slash]), leaf = rest[rest.index(after: slash)...]
        let slot: KeyPath<FleetCache.Vessel, CachedRecord?>
        switch leaf {
        case "prediction": slot = \.prediction
        case "features": slot = \.features
        default: return nil
        }
        guard VesselID.isValid(id.utf8), routes.stores.progress.isReady,
              let record = routes.stores.fleet.vessel(id)?[keyPath: slot] else { return nil }
        return LatestRecordAnswer(record, ifNoneMatch: head.headerFields[.ifNoneMatch], freshness: routes.freshness,
                                  maxAge: routes.maxAge, now: date.now)
    }

    private func write(_ answer: LatestRecordAnswer, context: ChannelHandlerContext) {
        var headers = answer.headers
        headers[.date] = date.text
        headers[.server] = serverName
        headers[.contentLength] = String(answer.body?.readableBytes ?? 0)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: headers))), promise: nil)
        if let body = answer.body, answer.status != .notModified {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
