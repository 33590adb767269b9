import Planning

extension SyntheticDistrict {
    /// The district as one plan file (contract v1), for whole-command benchmarks: schools, clusters
    /// with their plans and events, and the calendar's vacations and busy periods (busy intervals,
    /// which only `.ics` files carry, are left out). Public holidays are the loader's built-in ones.
    public static func planFile(_ d: District) -> String {
        var out = "version: 1\ndistrict: \(q(d.name))\ntimezone: \(d.timezone)\nschools:\n"
        out.reserveCapacity(d.events.count * 200)
        for s in d.schools {
            out += "  - {id: \(q(s.id)), name: \(q(s.name)), kind: \(s.kind.rawValue)"
            if let a = s.address { out += ", address: \(q(a))" }
            out += "}\n"
        }
        out += "clusters:\n"
        for c in d.clusters {
            out += "  - id: \(q(c.id))\n    title: \(q(c.title))\n    lead: \(q(c.lead))\n"
            out += "    members: [\(c.members.map(q).joined(separator: ", "))]\n"
            if let co = c.coordinator { out += "    coordinator: {name: \(q(co.name))\(co.email.map { ", email: \(q($0))" } ?? "")}\n" }
            guard let plan = c.plan else { continue }
            out += "    plan:\n      years: [\(plan.years.map(\.description).joined(separator: ", "))]\n"
            out += "      goal: \(q(plan.goal))\n      events:\n"
            for e in plan.events {
                out += "        - {number: \(e.number), year: \(e.year), format: \(e.format.rawValue), title: \(q(e.title))"
                if let p = e.purpose { out += ", purpose: \(q(p))" }
                switch e.timing {
                case .month(let m): out += ", month: \(m)"
                case .window(let from, let to): out += ", from: \(from), to: \(to)"
                case .pinned(let day): out += ", date: \(day)"
                }
                if let start = e.start { out += ", start: \"\(start)\"" }
                out += ", host: \(q(e.host)), participants: [\(e.participants.map(q).joined(separator: ", "))]}\n"
            }
        }
        out += "calendar:\n  vacations:\n"
        for v in d.calendar.vacations { out += "    - {title: \(q(v.title)), from: \(v.from), to: \(v.to)}\n" }
        out += "  busy:\n"
        for b in d.calendar.busy {
            out += "    - {\(b.school.map { "school: \(q($0)), " } ?? "")from: \(b.from), to: \(b.to)"
            out += "\(b.reason.map { ", reason: \(q($0))" } ?? "")}\n"
        }
        return out
    }

    /// A double-quoted YAML scalar.
    private static func q(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
