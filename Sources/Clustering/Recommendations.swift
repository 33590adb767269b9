/// Whom a recommendation addresses (seeds 002 and 004 write them per role).
public enum Role: String, CaseIterable, Sendable {
    case leaders
    case deputyHeads = "deputy-heads"
    case subjectTeachers = "subject-teachers"
    case methodicalAssociations = "methodical-associations"

    public var title: String {
        switch self {
        case .leaders: "Руководителям ОО"
        case .deputyHeads: "Заместителям директоров"
        case .subjectTeachers: "Учителям-предметникам"
        case .methodicalAssociations: "Методическим объединениям (РМО, ШМО)"
        }
    }
}

/// Recommendations per group and role, as the district keeps them in `data/recommendations/*.yaml`:
///
/// ```yaml
/// groups:
///   below:                       # a Group raw value
///     subject-teachers: [...]    # a Role raw value
/// all:                           # for every group
///   leaders: [...]
/// ```
/// Unknown keys are errors, as in plan files.
public struct Recommendations: Hashable, Sendable, Decodable {
    public var groups: [Group: [Role: [String]]]
    public var all: [Role: [String]]

    public init(groups: [Group: [Role: [String]]] = [:], all: [Role: [String]] = [:]) {
        self.groups = groups
        self.all = all
    }

    /// The group's own recommendations, then the common ones, role by role; empty roles left out.
    public func items(for group: Group) -> [(role: Role, items: [String])] {
        Role.allCases.compactMap { role in
            let items = (groups[group]?[role] ?? []) + (all[role] ?? [])
            return items.isEmpty ? nil : (role, items)
        }
    }

    /// Several files read as one: lists are appended in file order.
    public mutating func merge(_ other: Recommendations) {
        for (group, roles) in other.groups {
            groups[group, default: [:]].merge(roles) { $0 + $1 }
        }
        all.merge(other.all) { $0 + $1 }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        groups = [:]
        all = [:]
        for key in container.allKeys {
            switch key.stringValue {
            case "groups":
                let nested = try container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                for groupKey in nested.allKeys {
                    guard let group = Group(rawValue: groupKey.stringValue), group != .insufficient else {
                        throw unknownKey(groupKey, in: nested, allowed: Group.allCases.filter { $0 != .insufficient }.map(\.rawValue))
                    }
                    groups[group] = try Self.roles(nested.nestedContainer(keyedBy: AnyKey.self, forKey: groupKey))
                }
            case "all":
                all = try Self.roles(container.nestedContainer(keyedBy: AnyKey.self, forKey: key))
            default:
                throw unknownKey(key, in: container, allowed: ["groups", "all"])
            }
        }
    }

    private static func roles(_ container: KeyedDecodingContainer<AnyKey>) throws -> [Role: [String]] {
        var roles: [Role: [String]] = [:]
        for key in container.allKeys {
            guard let role = Role(rawValue: key.stringValue) else {
                throw unknownKey(key, in: container, allowed: Role.allCases.map(\.rawValue))
            }
            roles[role] = try container.decode([String].self, forKey: key)
        }
        return roles
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private func unknownKey(_ key: AnyKey, in container: KeyedDecodingContainer<AnyKey>, allowed: [String]) -> DecodingError {
    .dataCorrupted(DecodingError.Context(
        codingPath: container.codingPath + [key],
        debugDescription: "неизвестный ключ «\(key.stringValue)»; допустимы: \(allowed.joined(separator: ", "))"))
}
