import Foundation
import GRDB
import Store
#if canImport(Glibc)
import Glibc
#endif

extension SQLiteStore {
    /// A consistent copy of the live store in one new file (`VACUUM INTO`): what committed before
    /// it started, WAL included, while `serve` and other commands go on. Copying the file instead
    /// would lose what is still in the WAL.
    public func backup(to file: String) async throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: file) else { throw .unavailable("\(file) уже существует") }
        do {
            try await writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [file]) }
        } catch {
            throw StoreError(error)
        }
    }

    /// Puts a backup back into the store at `path` with SQLite's online backup, after checking that
    /// it is a ClusterPlan store that reads cleanly. Refused while a server holds the store.
    public static func restore(from file: String, to path: String) async throws(StoreError) {
        guard FileManager.default.fileExists(atPath: file) else { throw .unavailable("нет файла \(file)") }
        let lease = try ServerLease(store: path, exclusive: true)
        let source: DatabaseQueue
        do {
            var config = Configuration()
            config.readonly = true
            source = try DatabaseQueue(path: file, configuration: config)
            // Every row must read back before anything is overwritten.
            _ = try await source.read { db in
                guard try Schema.migrator.hasCompletedMigrations(db) else {
                    throw StoreError.corrupt("\(file): не копия базы ClusterPlan этой версии")
                }
                return try SQLiteStore.snapshot(db) != nil
            }
        } catch {
            throw StoreError(error)
        }
        let target = try open(path: path)
        do { try source.backup(to: target.writer) } catch { throw StoreError(error) }
        withExtendedLifetime(lease) {}
    }
}

/// Held by `serve` for as long as it runs (shared: several servers may serve one store), and taken
/// exclusively by `restore`, which therefore fails while any server runs. An advisory `flock` on
/// `<store>.serve-lock`, released by the kernel when the process ends, however it ends.
public final class ServerLease: Sendable {
    private let descriptor: Int32

    public init(store path: String, exclusive: Bool = false) throws(StoreError) {
        let lockPath = path + ".serve-lock"
        descriptor = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable("\(lockPath): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            close(descriptor)
            throw .inUse(exclusive ? "её обслуживает запущенный clusterplan serve; остановите его и повторите"
                                   : "её восстанавливает clusterplan restore")
        }
    }

    deinit { close(descriptor) }
}
