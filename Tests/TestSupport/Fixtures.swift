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
