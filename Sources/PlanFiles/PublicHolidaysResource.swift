import Foundation
import Planning
import Yams

/// The built-in Russian non-working days, read from `Resources/holidays-ru.yaml`: the Labour Code's
/// fixed holidays for every year and the government's weekend transfers year by year.
enum PublicHolidaysResource {
    /// Fixed holidays are laid out over these years; transfers come from the file as written.
    static let years = 2015...2035

    static let builtIn: PublicHolidays = {
        guard let url = Bundle.module.url(forResource: "holidays-ru", withExtension: "yaml", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let holidays = try? parse(text) else {
            // The resource ships with the package; failing to read it is a build defect.
            preconditionFailure("PlanFiles: built-in holidays-ru.yaml is missing or malformed")
        }
        return holidays
    }()

    struct ResourceError: Error { var message: String }

    static func parse(_ text: String) throws -> PublicHolidays {
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw ResourceError(message: "not a mapping") }
        var result = PublicHolidays()
        for (monthDay, name) in root["fixed"] as? [String: String] ?? [:] {
            let parts = monthDay.split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]) else {
                throw ResourceError(message: "bad fixed day \(monthDay)")
            }
            for year in years {
                guard let date = LocalDate(year: year, month: m, day: d) else { throw ResourceError(message: "bad day \(monthDay)") }
                result.holidays[date] = name
            }
        }
        for (_, value) in root["transfers"] as? [AnyHashable: Any] ?? [:] {
            let entry = value as? [String: Any] ?? [:]
            result.transferredDaysOff.formUnion(try dates(entry["days_off"]))
            result.extraWorkingDays.formUnion(try dates(entry["working_days"]))
        }
        return result
    }

    private static func dates(_ value: Any?) throws -> [LocalDate] {
        try (value as? [Any] ?? []).map { item in
            let text = item as? String ?? (item as? Date).map { isoDay($0) } ?? "\(item)"
            guard let date = LocalDate(iso: text) else { throw ResourceError(message: "bad date \(item)") }
            return date
        }
    }

    private static func isoDay(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
