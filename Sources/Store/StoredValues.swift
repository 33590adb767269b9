/// A stored text read back into its domain value, or `StoreError.corrupt` naming what it was.
/// `what` is built only on failure: naming every column of 80,000 events was a visible part of a read.
package func parse<T>(_ text: String, _ make: (String) -> T?, _ what: @autoclosure () -> String) throws(StoreError) -> T {
    guard let value = make(text) else { throw .corrupt("\(what()): «\(text)»") }
    return value
}

/// The schema's versions, oldest first. Every store migrates through exactly these, so a store
/// at one version has the same tables and columns on SQLite and on PostgreSQL (which folds the
/// column names to lower case). Shipped versions are never edited: add a new one instead.
public enum SchemaVersions {
    public static let all = [
        "v1", "v2-checks", "v3-busy-intervals", "v4-privacy", "v5-accounts", "v6-edits", "v7-venues", "v8-materials",
        "v9-registrations", "v10-outbox", "v11-support",
    ]
}
