/// One problem with one input field, in Russian: shown next to the field on a form and as
/// `{errors: [{field, message}]}` (422) by the JSON API.
public struct FieldProblem: Hashable, Sendable, Codable {
    /// The form field or JSON key; nil for a problem of the whole input.
    public var field: String?
    public var message: String

    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Input refused as a whole, with every problem found: nothing was saved.
public struct FieldProblems: Error, Hashable, Sendable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) { self.problems = problems }
    public init(field: String?, _ message: String) { problems = [FieldProblem(field: field, message)] }

    /// The message for a field, for a form to show beside it.
    public func message(for field: String) -> String? {
        let messages = problems.filter { $0.field == field }.map(\.message)
        return messages.isEmpty ? nil : messages.joined(separator: "; ")
    }
}
