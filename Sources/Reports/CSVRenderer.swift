import Foundation
import Planning
import Tabular

/// How the CSV is written: for a Russian Excel (which reads `,` as the decimal mark and guesses the
/// encoding without a BOM), or plain RFC 4180 for scripts.
public enum CSVDialect: String, CaseIterable, Sendable {
    /// UTF-8 with a byte-order mark, `;` between fields.
    case excel
    /// No BOM, `,` between fields.
    case rfc4180
}

/// One row per event of the report, clusters in report order, with a header row. The columns are
/// fixed (`Labels.csvHeader`); dates are ISO 8601 so spreadsheets and scripts read them alike;
/// several schools or tasks in one cell are separated by `;`. CRLF line ends, fields quoted when
/// they hold the separator, a quote or a line break.
public func renderCSV(_ report: ActivityReport, language: Language = .ru, dialect: CSVDialect) -> String {
    let l = Labels(language: language)
    let separator: Unicode.Scalar = dialect == .excel ? ";" : ","
    func csvLine(_ fields: [String]) -> String { csvRecord(fields, separator: separator) }
    var out = (dialect == .excel ? "\u{FEFF}" : "") + csvLine(l.csvHeader)
    for section in report.clusters {
        for e in section.events {
            let planned = switch e.planned {
            case .month(let m): m.description
            case .window(let from, let to): "\(from)/\(to)"
            case .pinned(let d): d.description
            }
            out += csvLine([
                e.id.cluster, "\(e.id.number)", report.year.description, l.format(e.format), e.title, planned,
                e.date?.description ?? "", l.status(e.status), e.heldOn?.description ?? "", e.host.id, e.host.name,
                e.participants.map(String.init) ?? "", e.schools.joined(separator: ";"), e.tasks.joined(separator: ";"),
                e.note ?? "", e.cancellationReason ?? "",
            ])
        }
    }
    return out
}
