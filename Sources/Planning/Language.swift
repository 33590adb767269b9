/// The language of what the user reads: labels, statuses, formats, month names.
public enum Language: String, CaseIterable, Hashable, Sendable {
    case ru, en

    /// The Russian or the English of one label.
    public func pick(_ russian: String, _ english: String) -> String { self == .ru ? russian : english }
}
