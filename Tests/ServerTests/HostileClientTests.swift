import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Planning
import Server
import Site
@testable import SQLiteStore
import Store
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: what slow or odd clients and a broken store did to `serve`.
@Suite struct HostileClientTests {
    struct Arguments: AppArguments {
        var host = "127.0.0.1"
        var port = 0
        var baseURL: String? = nil
        var refresh = "PT4H"
        var logLevel = Logger.Level.warning
        var limits = ConnectionLimits(headerTimeout: .seconds(2), idleTimeout: .seconds(10), maxConnections: 64)
    }

    /// The live server over the seed plans, with a raw socket client.
    func live(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let database = try SQLiteStore.inMemory()
        try await TestSite.populate(database)
        let app = try buildApplication(Arguments(), store: database, today: { _ in LocalDate(year: 2021, month: 6, day: 30)! })
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    @Test func connectIsAnswered501AndClosed() async throws {
        try await live { port in
            let answer = try await RawClient(port: port).exchange("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
            #expect(answer.text.hasPrefix("HTTP/1.1 501 Not Implemented\r\n"))
            #expect(answer.text.lowercased().contains("connection: close\r\n"))
            #expect(answer.closed)
        }
    }

    @Test func aMethodTheDecoderDoesNotKnowIsAnswered400AndClosed() async throws {
        try await live { port in
            let answer = try await RawClient(port: port).exchange("FOO / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(answer.text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(answer.closed)
        }
    }

    @Test(arguments: ["PROPFIND", "TRACE", "LOCK"])
    func unknownMethodsAreAnswered405AndClosed(method: String) async throws {
        try await live { port in
            let answer = try await RawClient(port: port).exchange("\(method) / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(answer.text.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
            #expect(answer.closed)
        }
    }

    @Test func aClientThatNeverFinishesItsHeadersIsClosed() async throws {
        try await live { port in
            let client = try RawClient(port: port)
            let clock = ContinuousClock()
            let start = clock.now
            // Half a request, then nothing: the server closes it after the header timeout (2 s here).
            let answer = await client.exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ", readFor: 15)
            #expect(answer.closed)
            #expect(answer.text.isEmpty)
            #expect(clock.now - start < .seconds(12))
            // A real request on a new connection is still answered.
            let real = try await RawClient(port: port).exchange("GET /api/clusters HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(real.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        }
    }

    @Test func pagesCarryNosniffAndAPolicyWithoutInlineStyles() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'") && policy.contains("style-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(!response.text.contains("<style"))
                #expect(response.text.contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
            }
            try await client.execute(uri: "/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains("table{border-collapse:collapse"))
            }
            try await client.execute(uri: "/reports/2019-2020", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("<style"))
                #expect(response.text.contains("<link rel=\"stylesheet\" href=\"/report.css\"/>"))
            }
            try await client.execute(uri: "/feeds/district.ics", method: .get) { response in
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func anUnreadableStoreIsAnswered503NotWithStaleFeeds() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            try await client.execute(uri: "/feeds/district.ics", method: .get) { #expect($0.status == .ok) }
            try await site.database.writer.write { try $0.execute(sql: "DROP TABLE meta") }
            try await client.execute(uri: "/feeds/district.ics", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .serviceUnavailable) }
        }
    }

    @Test func aReportOverHugeRecordedNumbersIsServed() async throws {
        let site = try await TestSite()
        let held = try await site.snapshot().events.filter { $0.event.year == AcademicYear(startYear: 2019) }.prefix(2)
        for event in held {
            // Written past the input checks, as a store from before them could hold.
            try await site.database.record(.held(on: event.event.timing.firstDay, participants: Int.max, schools: [], note: nil, products: nil),
                                     for: event.id, now: TestSite.scheduleTime + 60)
        }
        try await site.app.test(.router) { client in
            try await client.execute(uri: "/reports/2019-2020", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("9223372036854775807"))
            }
        }
    }
}

/// A blocking TCP client on loopback, to send what no HTTP library would.
struct RawClient {
    let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { throw POSIXError(.ECONNREFUSED) }
    }

    /// Sends `request`, then reads until the server closes or `seconds` pass. The blocking reads
    /// run on a dispatch thread: on two cores, two of them on Swift's cooperative threads left
    /// none for the server's handlers, and a full test run timed out waiting for an answer.
    func exchange(_ request: String, readFor seconds: Int = 20) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: blockingExchange(request, readFor: seconds)) }
        }
    }

    private func blockingExchange(_ request: String, readFor seconds: Int) -> (text: String, closed: Bool) {
        defer { close(socket) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if n < 0 { return (String(decoding: received, as: UTF8.self), false) }
            received += buffer[0..<n]
        }
    }
}
