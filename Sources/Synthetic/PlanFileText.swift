import Planning
import Tabular

extension SyntheticDistrict {
    /// The district as one plan file (contract v1), for whole-command benchmarks: schools (without
    /// addresses), clusters with their plans and events (without purposes, which the plan files of
    /// the seeds rarely give), and the calendar's vacations and busy periods (busy intervals, which
    /// only `.ics` files carry, are left out). Public holidays are the loader's built-in ones.
    public static func planFile(_ d: District) -> String {
        var out = "version: 1\ndistrict: \(yamlQuoted(d.name))\ntimezone: \(d.timezone)\nschools:\n"
        out.reserveCapacity(d.events.count * 200)
        for s in d.schools {
            out += "  - {id: \(yamlQuoted(s.id)), name: \(yamlQuoted(s.name)), kind: \(s.kind.rawValue)}\n"
        }
        out += "clusters:\n"
        for c in d.clusters {
            out += "  - id: \(yamlQuoted(c.id))\n    title: \(yamlQuoted(c.title))\n    lead: \(yamlQuoted(c.lead))\n"
            out += "    members: [\(c.members.map(yamlQuoted).joined(separator: ", "))]\n"
            if let co = c.coordinator { out += "    coordinator: {name: \(yamlQuoted(co.name))\(co.email.map { ", email: \(yamlQuoted($0))" } ?? "")}\n" }
            guard let plan = c.plan else { continue }
            out += "    plan:\n      years: [\(plan.years.map(\.description).joined(separator: ", "))]\n"
            out += "      goal: \(yamlQuoted(plan.goal))\n      events:\n"
            for e in plan.events {
                out += "        - {number: \(e.number), year: \(e.year), format: \(e.format.rawValue), title: \(yamlQuoted(e.title))"
                switch e.timing {
                case .month(let m): out += ", month: \(m)"
                case .window(let from, let to): out += ", from: \(from), to: \(to)"
                case .pinned(let day): out += ", date: \(day)"
                }
                if let start = e.start { out += ", start: \"\(start)\"" }
                out += ", host: \(yamlQuoted(e.host))"
                // Participants default to the members, as in a real plan: listed only when they differ.
                if e.participants != c.members { out += ", participants: [\(e.participants.map(yamlQuoted).joined(separator: ", "))]" }
                out += "}\n"
            }
        }
        out += "calendar:\n  vacations:\n"
        for v in d.calendar.vacations { out += "    - {title: \(yamlQuoted(v.title)), from: \(v.from), to: \(v.to)}\n" }
        out += "  busy:\n"
        for b in d.calendar.busy {
            out += "    - {\(b.school.map { "school: \(yamlQuoted($0)), " } ?? "")from: \(b.from), to: \(b.to)"
            out += "\(b.reason.map { ", reason: \(yamlQuoted($0))" } ?? "")}\n"
        }
        return out
    }
}
