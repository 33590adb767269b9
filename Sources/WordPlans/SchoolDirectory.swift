import Planning

/// Known schools plus the ones this document introduces, looked up the way coordinators write
/// them: «344 лицей», «ГБОУ гимназия №498», «СОШ № 146», or a full name.
struct SchoolDirectory {
    private(set) var all: [School]
    /// Ids of schools made from the document, in the order first met.
    private(set) var created: [String] = []

    init(known: [School]) { all = known }

    struct Problem: Error { var message: String }

    /// `members`: the cluster's schools found so far, preferred when a number fits several schools
    /// (one store may hold several districts, each with its «школа № 344»).
    mutating func resolve(_ mention: DistrictWords.SchoolMention, members: [String] = []) -> Result<String, Problem> {
        guard let number = mention.number else {
            let name = mention.text.lowercased()
            if let school = all.first(where: { $0.name.lowercased() == name }) { return .success(school.id) }
            return .failure(Problem(message: "«\(mention.text)»: нет номера школы и нет школы с таким названием"))
        }
        var candidates = all.filter { $0.id == number || DistrictWords.name($0.name, hasNumber: number) }
        if candidates.count > 1 {
            let inCluster = candidates.filter { members.contains($0.id) }
            if !inCluster.isEmpty { candidates = inCluster }
        }
        if candidates.count > 1, let kind = mention.kind {
            let sameKind = candidates.filter { $0.kind == kind }
            if !sameKind.isEmpty { candidates = sameKind }
        }
        if candidates.count > 1, let exact = candidates.first(where: { $0.id == number }) { candidates = [exact] }
        if candidates.count > 1 {
            return .failure(Problem(message: "«\(mention.text)»: подходит несколько школ (\(candidates.map(\.id).joined(separator: ", "))); укажите полное название"))
        }
        if let school = candidates.first {
            // A school this document made learns its kind from a later, fuller mention («344» then «344 лицей»).
            if created.contains(school.id), let i = all.firstIndex(where: { $0.id == school.id }), all[i].kind == .other,
               let kind = mention.kind {
                all[i].kind = kind
                all[i].name = Self.name(for: mention, number: number, kind: kind)
            }
            return .success(school.id)
        }
        let kind = mention.kind ?? .other
        all.append(School(id: number, name: Self.name(for: mention, number: number, kind: kind), kind: kind))
        created.append(number)
        return .success(number)
    }

    /// The name as written when it says more than a number and a kind; otherwise «лицей № 344».
    private static func name(for mention: DistrictWords.SchoolMention, number: String, kind: SchoolKind) -> String {
        let descriptive = DistrictWords.words(mention.text).filter {
            $0 != number && $0 != "№" && !$0.hasPrefix("лице") && !$0.hasPrefix("гимнази") && !$0.hasPrefix("школ")
        }
        if !descriptive.isEmpty { return mention.text }
        let word = switch kind {
        case .lyceum: "Лицей"
        case .gymnasium: "Гимназия"
        case .school: "Школа"
        case .boarding: "Школа-интернат"
        case .college: "Колледж"
        case .kindergarten: "Детский сад"
        case .other: "Образовательная организация"
        }
        return "\(word) № \(number)"
    }
}
