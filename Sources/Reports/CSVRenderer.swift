import Foundation
import Planning
import Tabular

/// One row per event of the report, clusters in report order, with a header row. The columns are
/// fixed (`Labels.csvHeader`); dates are ISO 8601 so spreadsheets and scripts read them alike;
/// several schools or tasks in one cell are separated by `;`. RFC 4180: CRLF line ends, fields
/// quoted when they hold a comma, quote or line break.
public func renderCSV(_ report: ActivityReport, language: Language = .ru) -> String {
    let l = Labels(language: language)
    var out = csvRecord(l.csvHeader)
    for section in report.clusters {
        for e in section.events {
            let planned = switch e.planned {
            case .month(let m): m.description
            case .window(let from, let to): "\(from)/\(to)"
            case .pinned(let d): d.description
            }
            out += csvRecord([
                e.id.cluster, "\(e.id.number)", report.year.description, l.format(e.format), e.title, planned,
                e.date?.description ?? "", l.status(e.status), e.heldOn?.description ?? "", e.host.id, e.host.name,
                e.participants.map(String.init) ?? "", e.schools.joined(separator: ";"), e.tasks.joined(separator: ";"),
                e.note ?? "", e.cancellationReason ?? "",
            ])
        }
    }
    return out
}

