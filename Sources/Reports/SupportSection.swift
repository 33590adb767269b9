/// «Адресная поддержка» (issue 17): the support programme of the year, in the methodist's version
/// of the report only; the public report never carries it (school-level groups are private).
public struct SupportSection: Hashable, Sendable {
    public struct GroupCount: Hashable, Sendable {
        public var title: String
        public var schools: Int
        public init(title: String, schools: Int) { self.title = title; self.schools = schools }
    }

    public struct Pair: Hashable, Sendable {
        public var site: String
        public var mentees: [String]
        public var planned: Int
        public var held: Int
        public init(site: String, mentees: [String], planned: Int, held: Int) {
            self.site = site
            self.mentees = mentees
            self.planned = planned
            self.held = held
        }
    }

    /// "Группировка № 1 (2x2, 2019/2020, все предметы)"
    public var grouping: String
    public var groups: [GroupCount]
    public var pairs: [Pair]
    public var unpaired: [String]
    /// nil: no results of the next year yet.
    public var nextYear: String?
    public var movedUp: [String]
    public var fellBack: [String]

    public init(grouping: String, groups: [GroupCount], pairs: [Pair], unpaired: [String], nextYear: String?, movedUp: [String],
                fellBack: [String]) {
        self.grouping = grouping
        self.groups = groups
        self.pairs = pairs
        self.unpaired = unpaired
        self.nextYear = nextYear
        self.movedUp = movedUp
        self.fellBack = fellBack
    }

    var blocks: [Block] {
        var blocks: [Block] = [.heading(2, "Адресная поддержка"), .paragraph(grouping)]
        blocks.append(.table(Table(header: ["Группа", "ОО"], rows: groups.map { [$0.title, "\($0.schools)"] }, numericColumns: [1])))
        blocks.append(.heading(3, "Опорные площадки и подопечные"))
        blocks.append(.table(Table(header: ["Опорная площадка", "Подопечные ОО", "Мероприятий запланировано", "Проведено"],
                                   rows: pairs.map { [$0.site, $0.mentees.joined(separator: ", "), "\($0.planned)", "\($0.held)"] },
                                   numericColumns: [2, 3])))
        let planned = pairs.map(\.planned).reduce(0, +), held = pairs.map(\.held).reduce(0, +)
        blocks.append(.paragraph("Мероприятий дорожных карт: запланировано \(planned), проведено \(held)."))
        if !unpaired.isEmpty { blocks.append(.paragraph("Без опорной площадки: \(unpaired.joined(separator: "; ")).")) }
        blocks.append(.heading(3, "Переходы между группами"))
        if let nextYear {
            blocks.append(.paragraph("По результатам \(nextYear) поднялись: \(movedUp.isEmpty ? "никто" : movedUp.joined(separator: "; "))."))
            blocks.append(.paragraph("Опустились: \(fellBack.isEmpty ? "никто" : fellBack.joined(separator: "; "))."))
        } else {
            blocks.append(.paragraph("Результатов следующего года в базе пока нет."))
        }
        return blocks
    }
}
