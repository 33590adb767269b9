import PostgresNIO
import Store

extension PostgresStore {
    /// LISTENs on `channel` on a connection of its own, reconnecting a second after a failure.
    /// Ends when the consumer stops iterating.
    public func revisionNotifications() -> AsyncStream<Int64>? {
        let client = client
        let logger = logger
        return AsyncStream { continuation in
            let task = Task {
                while !Task.isCancelled {
                    do {
                        try await client.withConnection { connection in
                            for try await notification in try await connection.listen(Self.channel) {
                                continuation.yield(Int64(notification.payload) ?? 0)
                            }
                        }
                    } catch {
                        logger.warning("PostgreSQL: LISTEN прерван, повтор через секунду: \(error)")
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
