import Planning

/// Teachers' registrations for events, their attendance, and personal feeds. The rules are
/// `RegistrationRules`'s: a store calls `admit` and `cancelling` inside the write's transaction,
/// so the duplicate check and the last free place are decided on what is stored. Registrations
/// hold personal data: they never come with a snapshot (only each event's `RegistrationSettings`
/// do, which raise `revision` because the event's page shows the form).
public protocol RegistrationStore: Sendable {
    /// Opens, closes or changes registration for an event (`.unknownEvent` for one the store does
    /// not hold); a larger capacity promotes the waiting list in order.
    func setRegistrationSettings(_ settings: RegistrationSettings, audit: [AuditEntry]) async throws(StoreError)

    /// An event's registrations, in the order they came (cancelled ones too).
    func registrations(for event: EventID) async throws(StoreError) -> [Registration]

    /// Adds a registration as `RegistrationRules.admit` decides (registered or waitlisted;
    /// `.registration(.duplicate)` for an email already registered for the event).
    func register(_ new: NewRegistration, for event: EventID, now: Int64) async throws(StoreError) -> Registration

    /// Adds several at once (an imported form): all of them, or none when one is refused.
    func register(_ new: [NewRegistration], for event: EventID, now: Int64) async throws(StoreError) -> [Registration]

    /// The registration a private link's token digest belongs to.
    func registration(token digest: String) async throws(StoreError) -> Registration?

    /// Cancels a registration and promotes the waiting list (`RegistrationRules.cancelling`);
    /// returns every registration whose status changed, the cancelled one first. Nothing for one
    /// already cancelled; `.registration(.unknownRegistration)` for an unknown id.
    @discardableResult
    func cancelRegistration(_ id: Int64, now: Int64) async throws(StoreError) -> [Registration]

    /// Marks exactly `present` of the event's registrations as attended (the others not) and adds
    /// the walk-ins as registered and attended; returns the event's registrations afterwards.
    func setAttendance(_ event: EventID, present: Set<Int64>, walkIns: [NewRegistration], now: Int64) async throws(StoreError)
        -> [Registration]

    /// Every registration made with this email (case-insensitive), for the personal feed and privacy export.
    func registrations(email: String) async throws(StoreError) -> [Registration]

    /// Deletes every registration made with this email and its personal feed; returns how many
    /// registrations went. Recorded outcomes keep their counts.
    func deleteRegistrant(email: String) async throws(StoreError) -> Int

    /// Gives an email a personal feed token (its SHA-256 digest), replacing the earlier one.
    func setPersonalFeed(email: String, digest: String, now: Int64) async throws(StoreError)

    /// The email a personal feed token digest belongs to.
    func personalFeedEmail(digest: String) async throws(StoreError) -> String?

    /// Ends an email's personal feed; false when it had none.
    @discardableResult
    func revokePersonalFeed(email: String) async throws(StoreError) -> Bool
}
