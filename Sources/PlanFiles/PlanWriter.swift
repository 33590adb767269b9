import Planning
import Yams

/// A district's schools and clusters as a contract-v1 plan file (no calendar: it lives in its
/// own file). Only what differs from the defaults is written, so `validate` reads back the same values.
public enum PlanWriter {
    public static func yaml(_ district: District, header: [String] = []) throws -> String {
        var top: [(Node, Node)] = [(key("version"), Node("1", .implicit, .plain))]
        if !district.name.isEmpty { top.append((key("district"), text(district.name))) }
        top.append((key("timezone"), text(district.timezone)))
        if !district.schools.isEmpty { top.append((key("schools"), list(district.schools.map(school)))) }
        if !district.venues.isEmpty { top.append((key("venues"), list(district.venues.map(venue)))) }
        if !district.clusters.isEmpty { top.append((key("clusters"), list(district.clusters.map(cluster)))) }
        let body = try Yams.serialize(node: Node(top), width: -1, allowUnicode: true)
        return header.map { "# \($0)\n" }.joined() + body
    }

    private static func key(_ k: String) -> Node { Node(k, .implicit, .plain) }
    /// Every string quoted, so ids like "344" and texts like «нет» stay strings; multi-line texts literal.
    private static func text(_ s: String) -> Node { Node(s, .implicit, s.contains("\n") ? .literal : .doubleQuoted) }
    private static func plain(_ s: String) -> Node { Node(s, .implicit, .plain) }
    private static func list(_ nodes: [Node], flow: Bool = false) -> Node {
        Node(nodes, .implicit, flow ? .flow : .block)
    }
    private static func map(_ pairs: [(String, Node?)]) -> Node {
        Node(pairs.compactMap { k, v in v.map { (key(k), $0) } })
    }

    private static func school(_ s: School) -> Node {
        map([("id", text(s.id)), ("name", text(s.name)), ("kind", plain(s.kind.rawValue)),
             ("address", s.address.map(text)), ("contingent", s.contingent.map { plain($0.rawValue) })])
    }

    private static func venue(_ v: Venue) -> Node {
        map([("id", text(v.id)), ("name", text(v.name)), ("address", v.address.map(text))])
    }

    private static func cluster(_ c: Cluster) -> Node {
        map([("id", text(c.id)), ("title", text(c.title)), ("profile", c.profile.map(text)), ("lead", text(c.lead)),
             ("members", list(c.members.map(text), flow: true)),
             ("coordinator", c.coordinator.map { map([("name", text($0.name)), ("email", $0.email.map(text))]) }),
             ("privacy", c.privacy == ClusterPrivacy() ? nil : map([
                 ("contact", c.privacy.contactPrivate ? plain(PrivacyChoice.private.rawValue) : nil),
                 ("notes", c.privacy.notesPrivate ? plain(PrivacyChoice.private.rawValue) : nil),
             ])),
             ("plan", c.plan.map { plan($0, members: c.members) })])
    }

    private static func plan(_ p: WorkPlan, members: [String]) -> Node {
        map([
            ("years", list(p.years.map { plain($0.description) }, flow: true)),
            ("theme", p.theme.map(text)),
            ("goal", text(p.goal)),
            ("tasks", p.tasks.isEmpty ? nil : list(p.tasks.map { map([("id", text($0.id)), ("text", text($0.text))]) })),
            ("directions", p.directions.isEmpty ? nil : list(p.directions.map { d in
                map([("id", text(d.id)), ("title", text(d.title)),
                     ("items", d.items.isEmpty ? nil : list(d.items.map(text)))])
            })),
            ("indicators", p.indicators.isEmpty ? nil : list(p.indicators.map { i in
                map([("id", text(i.id)), ("title", text(i.title)), ("target", i.target.map { plain(number($0)) }),
                     ("targets", i.targets.isEmpty ? nil : Node(i.targets.sorted { $0.key < $1.key }.map {
                         (plain($0.key.description), plain(number($0.value)))
                     }, .implicit, .flow)),
                     ("unit", i.unit.map(text))])
            })),
            ("events", p.events.isEmpty ? nil : list(p.events.map { event($0, members: members) })),
        ])
    }

    private static func event(_ e: PlannedEvent, members: [String]) -> Node {
        var pairs: [(String, Node?)] = [
            ("number", plain("\(e.number)")), ("year", plain(e.year.description)), ("format", plain(e.format.rawValue)),
            ("title", text(e.title)), ("purpose", e.purpose.map(text)),
        ]
        switch e.timing {
        case .month(let m): pairs.append(("month", plain(m.description)))
        case .window(let from, let to): pairs += [("from", plain(from.description)), ("to", plain(to.description))]
        case .pinned(let d): pairs.append(("date", plain(d.description)))
        }
        if let start = e.start { pairs.append(("start", text(start.description))) }
        if e.durationMinutes != e.format.defaultDurationMinutes { pairs.append(("duration", plain("\(e.durationMinutes)m"))) }
        pairs.append(("host", text(e.host)))
        if e.participants != members { pairs.append(("participants", list(e.participants.map(text), flow: true))) }
        if !e.tasks.isEmpty { pairs.append(("tasks", list(e.tasks.map(text), flow: true))) }
        if let link = e.link { pairs.append(("link", text(link))) }
        return map(pairs)
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
