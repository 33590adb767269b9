import Planning

/// Files attached to events. Their descriptions come with every snapshot (`DistrictSnapshot.materials`);
/// the bytes only through `materialContent`, one file at a time. Adding or removing one raises the
/// revision: the event's page and feed DESCRIPTION list it.
public protocol MaterialStore: Sendable {
    /// Stores a file already checked with `MaterialRules.problem`; `.unknownEvent` for an event
    /// the store does not hold.
    func addMaterial(event: EventID, fileName: String, title: String, contentType: String, bytes: [UInt8],
                     now: Int64) async throws(StoreError) -> Material

    /// The file and its description; nil when there is no such material.
    func materialContent(_ id: Int64) async throws(StoreError) -> (material: Material, bytes: [UInt8])?

    /// Removes a material; false when there was none.
    @discardableResult
    func removeMaterial(_ id: Int64) async throws(StoreError) -> Bool
}
