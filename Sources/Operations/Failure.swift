/// A one-line user error: the command line prints it to stderr without a stack or type name and
/// exits with code 1.
public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
