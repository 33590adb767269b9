import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Operations
import PlanFiles
import Planning
import Scheduler
import Server
import Site
import SQLiteStore
import Store
import TestSupport
import Testing

/// The seed plans imported and scheduled into a store, and the router over it.
struct TestSite {
    static let importTime: Int64 = 1_700_000_000
    static let scheduleTime: Int64 = 1_700_000_600
    static let options = SiteOptions(baseURL: "http://localhost:8080")

    let database: SQLiteStore
    let cache: SiteCache

    /// `extra`: fixture plan files loaded together with `plans/`.
    /// `populated`: the store already holds the plans.
    /// `options`: where the site lives (an https base URL makes cookies Secure).
    init(extra: [String] = [], database: SQLiteStore? = nil, populated: Bool = false, options: SiteOptions = TestSite.options)
        async throws {
        let database = try database ?? SQLiteStore.inMemory()
        if !populated { try await Self.populate(database, extra: extra) }
        self.database = database
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        // Polling on every request: a write is visible to the very next request.
        cache = SiteCache(store: database, options: options, pages: try PageRenderer(), pollInterval: .zero,
                          logger: logger)
    }

    /// Imports the plans and gives every event a date with the scheduler, as `import` + `schedule` do.
    static func populate(_ database: some DistrictStore, extra: [String] = []) async throws {
        let district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path] + extra)
        _ = try await database.importDistrict(district, now: importTime)
        let result = schedule(ScheduleRequest(district: district))
        let changes = result.placements.map { ScheduleChange(id: $0.key, date: $0.value.date, start: $0.value.start) }
        try await database.applySchedule(changes, now: scheduleTime)
    }

    /// Sign-in over the same store, with bcrypt's lowest cost so tests stay fast.
    var accounts: AccountService { AccountService(store: database, bcryptCost: 4) }

    func snapshot() async throws -> DistrictSnapshot { try await database.snapshot() }

    var app: some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return Application(router: buildRouter(cache: cache, accounts: accounts, today: { _ in LocalDate(year: 2021, month: 6, day: 30)! }),
                           logger: logger)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
