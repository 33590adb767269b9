import Foundation

/// Test files live in `Tests/Fixtures/` and the seed plans in `plans/`; both are found from this
/// source file's path so every test target shares one copy of them.
public enum Fixtures {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    public static var plansDirectory: URL { repositoryRoot.appendingPathComponent("plans") }

    /// A fresh empty directory under the system's temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("clusterplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs the `clusterplan` executable built next to the tests, as a user would.
public struct CommandLineRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// `arguments` after `clusterplan`; `database` becomes `CLUSTERPLAN_DB`; run in `directory`
    /// (default: the repository root); `input` is its standard input (none: empty).
    public static func clusterplan(_ arguments: [String], database: String? = nil, directory: URL? = nil,
                                   environment extra: [String: String] = [:], input: String? = nil) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["CLUSTERPLAN_DB"] = database
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        // Small inputs (a password line) fit the pipe's buffer: written whole before reading.
        inp.fileHandleForWriting.write(Data((input ?? "").utf8))
        try inp.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The test bundle sits in the build directory beside the executable.
    static var executable: URL {
        let build = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidate = build.appendingPathComponent("clusterplan")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/clusterplan")
    }
}

/// A fresh store file for command-line tests, and `run` against it: the set-up each CLI suite needs.
public struct CommandLineStore: Sendable {
    public let database: String

    public init() throws {
        database = try Fixtures.temporaryDirectory().appendingPathComponent("test.sqlite").path
    }

    public func run(_ arguments: String..., input: String? = nil, environment: [String: String] = [:]) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database, environment: environment, input: input)
    }
}

/// Runs a tool (`python3` through `/usr/bin/env`, `zbarimg`, `rsvg-convert`…) and returns its exit
/// status and standard output; its standard error is dropped.
public enum ToolRun {
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// `python3` from the PATH.
    public static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        try run("/usr/bin/env", ["python3"] + arguments)
    }
}
