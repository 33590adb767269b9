import Foundation
import ICal
import Planning

extension District {
    /// The first and last day of every work plan's years: the span busy calendars are expanded over.
    var planSpan: ClosedRange<LocalDate>? {
        let years = clusters.flatMap { $0.plan?.years ?? [] }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first.firstDay...last.lastDay
    }

    /// Reads every `busy: {ics: …}` file with libical into busy intervals; the scheduler needs them.
    /// Every unreadable or broken file is reported, one line each.
    public func readingBusyCalendars() throws(Failure) -> District {
        guard let span = planSpan, !calendar.busyCalendars.isEmpty else { return self }
        var result = self
        var problems: [String] = []
        for busy in calendar.busyCalendars {
            guard let data = FileManager.default.contents(atPath: busy.path) else {
                problems.append("\(busy.path): не удалось прочитать файл занятости")
                continue
            }
            do throws(BusyCalendarError) {
                result.calendar.busyIntervals += try readBusyCalendar(
                    text: String(decoding: data, as: UTF8.self), file: displayPath(busy.path), school: busy.school,
                    timezone: timezone, from: span.lowerBound, through: span.upperBound)
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else { throw Failure(lines: problems) }
        return result
    }
}

/// A path as a coordinator would type it: relative to the current folder when it lies below it.
public func displayPath(_ path: String) -> String {
    let here = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
}
