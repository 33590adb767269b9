import Foundation
import Operations

/// A command's result: written whole to `out` (atomically, so a failure leaves no half file) or to stdout.
func writeOutput(_ data: Data, to out: String?) throws {
    guard let out else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
        throw Failure("\(out): не удалось записать файл")
    }
}
