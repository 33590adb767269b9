/// A user error: the command line prints each line to stderr without a stack or type name and
/// exits with code 1. Plain messages get an `ошибка: ` prefix; located ones (`file:line:col: …`)
/// are printed as they are, like a compiler's.
public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    public var lines: [String]
    public var located: Bool

    public init(_ message: String) {
        lines = [message]
        located = false
    }

    public init(located lines: [String]) {
        self.lines = lines
        located = true
    }

    public init(lines: [String]) {
        self.lines = lines
        located = false
    }

    /// The lines as printed.
    public var description: String { lines.map { located ? $0 : "ошибка: " + $0 }.joined(separator: "\n") }
}
