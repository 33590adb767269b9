import Foundation

/// The files of `Tests/Fixtures/fuzz/<kind>/` (see its README): hostile and fuzzer-found inputs.
public enum FuzzInputs {
    public static func files(_ kind: String) throws -> [(name: String, data: Data)] {
        let folder = Fixtures.url("fuzz/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }
}
