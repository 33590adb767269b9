import Planning

/// Mail waiting to go out, kept in the store so nothing is lost when sending fails or the server
/// stops: the mail service takes what is due, sends it and marks it sent, or marks it failed with
/// the time to try again.
public protocol OutboxStore: Sendable {
    /// Queues mails; one whose `key` is already in the outbox (sent or not) is skipped, so the rules
    /// may run again without sending twice. Returns how many were queued.
    @discardableResult
    func enqueue(_ mails: [OutgoingMail], now: Int64) async throws(StoreError) -> Int

    /// Unsent mails due at `now`, oldest first, at most `limit`.
    func dueMail(now: Int64, limit: Int) async throws(StoreError) -> [QueuedMail]

    /// The mails `dueMail` gives, taken for sending: each is not due again before `now + lease`
    /// (unless `markSent` or `markFailed` settles it first), so several servers on one store never
    /// send the same mail twice, and one that stopped mid-send leaves it for the next after the lease.
    func claimDueMail(now: Int64, limit: Int, lease: Int64) async throws(StoreError) -> [QueuedMail]

    func markSent(_ id: Int64, at: Int64) async throws(StoreError)

    /// A failed attempt: counted, with its error, tried again at `retryAt`.
    func markFailed(_ id: Int64, error: String, retryAt: Int64) async throws(StoreError)

    /// Every mail for one event, oldest first: what the workspace and tests show.
    func outbox(event: EventID) async throws(StoreError) -> [QueuedMail]

    /// Deletes every mail to this address (case-insensitive), sent or not: `privacy delete`. Returns how many.
    @discardableResult
    func deleteMail(recipient: String) async throws(StoreError) -> Int
}

/// A whole RFC 5322 message (headers and MIME body, CRLF lines) and who it goes to.
public struct OutgoingMail: Hashable, Sendable {
    /// Unique per mail the rules decide on (`Notice.key`): a second enqueue of it is skipped.
    public var key: String
    public var event: EventID
    public var recipient: String
    public var message: String

    public init(key: String, event: EventID, recipient: String, message: String) {
        self.key = key
        self.event = event
        self.recipient = recipient
        self.message = message
    }
}

public struct QueuedMail: Hashable, Sendable {
    public var id: Int64
    public var mail: OutgoingMail
    public var createdAt: Int64
    public var attempts: Int
    public var sentAt: Int64?
    public var lastError: String?

    public init(id: Int64, mail: OutgoingMail, createdAt: Int64, attempts: Int, sentAt: Int64?, lastError: String?) {
        self.id = id
        self.mail = mail
        self.createdAt = createdAt
        self.attempts = attempts
        self.sentAt = sentAt
        self.lastError = lastError
    }
}
