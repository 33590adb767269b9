import Foundation
import GRDB
import Planning
import Store

/// A material's description: every column but the bytes, so snapshots never read files.
struct MaterialRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "material"
    static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("cluster"), Column("number"), Column("fileName"), Column("title"), Column("contentType"),
         Column("size"), Column("uploadedAt")]
    }
    var id: Int64
    var cluster: String
    var number: Int
    var fileName: String
    var title: String
    var contentType: String
    var size: Int
    var uploadedAt: Int64

    var material: Material {
        Material(id: id, event: EventID(cluster: cluster, number: number), fileName: fileName, title: title,
                 contentType: contentType, size: size, uploadedAt: uploadedAt)
    }
}

// `MaterialStore`'s part of `DistrictStore`.
extension SQLiteStore {
    public func addMaterial(event: EventID, fileName: String, title: String, contentType: String, bytes: [UInt8],
                            now: Int64) async throws(StoreError) -> Material {
        try await writing { db in
            guard try EventRecord.exists(db, key: ["cluster": event.cluster, "number": event.number]) else {
                throw StoreError.unknownEvent(event)
            }
            try db.execute(sql: """
                INSERT INTO material (cluster, number, fileName, title, contentType, size, uploadedAt, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event.cluster, event.number, fileName, title, contentType, bytes.count, now, Data(bytes)])
            try Self.bumpRevision(db)
            return Material(id: db.lastInsertedRowID, event: event, fileName: fileName, title: title, contentType: contentType,
                            size: bytes.count, uploadedAt: now)
        }
    }

    public func materialContent(_ id: Int64) async throws(StoreError) -> (material: Material, bytes: [UInt8])? {
        try await reading { db in
            guard let record = try MaterialRecord.fetchOne(db, key: id),
                  let data = try Data.fetchOne(db, sql: "SELECT content FROM material WHERE id = ?", arguments: [id])
            else { return nil }
            return (record.material, Array(data))
        }
    }

    public func removeMaterial(_ id: Int64) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM material WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.bumpRevision(db)
            return true
        }
    }

    static func materials(_ db: Database) throws -> [Material] {
        try MaterialRecord.order(Column("id")).fetchAll(db).map(\.material)
    }
}
