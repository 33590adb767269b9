import PlanFiles
import Planning

/// `validate` and `import`: every problem of the plan files in one run — the files' own, then the
/// busy calendars' (read with libical), each a line ready to print.
public struct PlanCheck: Sendable {
    /// As the files say it: busy calendars stay paths (the store keeps them so; `schedule` reads them).
    public var district: District
    public var problems: [String]

    public init(paths: [String]) {
        let (district, diagnostics) = PlanLoader.check(paths: paths)
        self.district = district
        problems = diagnostics.map(\.description)
        do throws(Failure) {
            // A broken busy calendar is refused now, not at the first `schedule`.
            _ = try district.readingBusyCalendars()
        } catch {
            problems += error.description.split(separator: "\n").map(String.init)
        }
    }

    /// The district, or every problem as one `Failure`.
    public func checked() throws(Failure) -> District {
        guard problems.isEmpty else { throw Failure(located: problems) }
        return district
    }
}
