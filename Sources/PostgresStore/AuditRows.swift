import Logging
import Planning
import PostgresNIO
import Store

extension PostgresStore {
    /// Adds audit entries inside a write, in the order given (the log reads them back newest first by rowid).
    static func insertAudit(_ entries: [AuditEntry], _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.insertAll(into: "audit", ["at", "login", "source", "cluster", "event", "field", "oldValue", "newValue"],
                                       entries, logger: logger) { e, binds in
            binds.append(e.at)
            binds.append(e.login)
            binds.append(e.source.rawValue)
            binds.append(e.cluster)
            binds.append(e.event)
            binds.append(e.field)
            binds.append(e.old)
            binds.append(e.new)
        }
    }
}
