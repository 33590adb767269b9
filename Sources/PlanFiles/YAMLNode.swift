import CYaml

/// A composed YAML document as the plan reader needs it: scalars as text with their place,
/// mappings as ordered pairs, sequences, and aliases already replaced by the node they name (a
/// copy that shares its storage; the composer counts what the copies would weigh written out).
///
/// Built straight from the events of libyaml (the copy inside Yams): Yams's `compose` allocates an
/// event object and a tag object per node and hashes the keys of every mapping, which was two
/// thirds of importing a country-sized plan.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], Mark)
    case sequence([YAMLNode], Mark)

    /// Where a node starts, from 1, columns counted in characters.
    struct Mark: Sendable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        var string: String
        var plain: Bool
        var mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    /// YAML's null: a plain `~`, `null` or nothing (a quoted "null" is text).
    var isNull: Bool {
        guard let scalar, scalar.plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// What libyaml, or composing its events, found wrong, at its place.
struct YAMLProblem: Error {
    var message: String
    var mark: YAMLNode.Mark
    /// The document written out (every alias as a copy) would be past the composer's `limit`.
    var pastLimit = false
}

extension YAMLNode {
    /// The one document of `text`; nil when it holds none. Stops past `limit` bytes of the
    /// document written out: every scalar as if each alias were a copy, each node at least 8
    /// bytes, so a "billion laughs" is refused before anything walks it. Each finished item of a
    /// list that is the value of one of the top-level `keys` is also given to `item` as soon as it
    /// is composed, so a second thread can read it while the rest of the file is composed.
    static func compose(_ text: String, limit: Int = .max, handingOff keys: Set<String> = [],
                        to item: (_ key: String, _ node: YAMLNode) -> Void = { _, _ in }) throws(YAMLProblem) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            let composer = Composer(bytes, limit: limit)
            defer { composer.close() }
            return Result { () throws(YAMLProblem) in try composer.document(handingOff: keys, to: item) }
        }
        return try result.get()
    }
}

/// Turns libyaml's events into nodes with an explicit stack, so a deeply nested hostile file
/// cannot overflow the thread's stack.
private final class Composer {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    /// Each anchored node with its size written out.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private let limit: Int
    /// Bytes of the document so far as if written out (see `compose`).
    private var expanded = 0

    /// A collection still open: its items so far (a mapping's keys and values alternate).
    private struct Open {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var mark: YAMLNode.Mark
        var anchor: String?
        /// `expanded` when it opened.
        var start: Int
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.limit = limit
        // libyaml keeps a pointer to the parser itself, so it lives at one address until `close`.
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    func document(handingOff keys: Set<String>, to item: (String, YAMLNode) -> Void) throws(YAMLProblem) -> YAMLNode? {
        var open: [Open] = []
        var root: YAMLNode?
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw problem() }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            var node: YAMLNode
            var anchor: String?
            var size: Int
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT where root != nil:
                throw YAMLProblem(message: "expected a single document in the stream, but found another document", mark: mark)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                node = .scalar(.init(string: Self.text(scalar.value, count: scalar.length),
                                     plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                anchor = Self.name(scalar.anchor)
                size = max(scalar.length, 8)
                expanded += size
            case YAML_ALIAS_EVENT:
                guard let name = Self.name(event.data.alias.anchor), let target = anchors[name] else {
                    throw YAMLProblem(message: "found undefined alias", mark: mark)
                }
                (node, size) = target
                expanded += size
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(isMapping: false, mark: mark, anchor: Self.name(event.data.sequence_start.anchor), start: expanded))
                expanded += 8
                continue
            case YAML_MAPPING_START_EVENT:
                open.append(Open(isMapping: true, mark: mark, anchor: Self.name(event.data.mapping_start.anchor), start: expanded))
                expanded += 8
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                anchor = closed.anchor
                size = expanded - closed.start
                if closed.isMapping {
                    try Self.checkKeys(closed.items)
                    node = .mapping(stride(from: 0, to: closed.items.count - 1, by: 2).map {
                        (key: closed.items[$0], value: closed.items[$0 + 1])
                    }, closed.mark)
                } else {
                    node = .sequence(closed.items, closed.mark)
                }
            default:
                continue
            }
            guard expanded <= limit else { throw YAMLProblem(message: "", mark: .init(line: 1, column: 1), pastLimit: true) }
            if let anchor { anchors[anchor] = (node, size) }
            if open.isEmpty { root = node } else { open[open.count - 1].items.append(node) }
            // An item of a top-level list (`clusters: [...]`): the root mapping holds its key last.
            if open.count == 2, open[0].isMapping, !open[1].isMapping, open[0].items.count % 2 == 1,
               let key = open[0].items.last?.scalar?.string, keys.contains(key) {
                item(key, node)
            }
        }
    }

    /// A key written twice in one mapping, at its first place, as Yams reported it.
    private static func checkKeys(_ items: [YAMLNode]) throws(YAMLProblem) {
        var seen: [String: YAMLNode.Mark] = [:]
        var repeated: [(String, YAMLNode.Mark)] = []
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let key = items[index].scalar else { continue }
            if let first = seen[key.string] {
                if !repeated.contains(where: { $0.0 == key.string }) { repeated.append((key.string, first)) }
            } else {
                seen[key.string] = key.mark
            }
        }
        guard let first = repeated.first else { return }
        let keys = repeated.prefix(3).map { "«\($0.0.excerpt())»" }.joined(separator: ", ")
        throw YAMLProblem(message: "ключ \(keys) повторяется в одном словаре", mark: first.1)
    }

    private func problem() -> YAMLProblem {
        let p = parser.pointee
        let text = [p.context.map { String(cString: $0) }, p.problem.map { String(cString: $0) }]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        // A reader error (bad bytes) has no line of its own.
        let located = p.error == YAML_SCANNER_ERROR || p.error == YAML_PARSER_ERROR
        return YAMLProblem(message: text.isEmpty ? "не удалось разобрать" : text,
                           mark: located ? .init(line: p.problem_mark.line + 1, column: p.problem_mark.column + 1)
                                         : .init(line: 1, column: 1))
    }

    private static func text(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int) -> String {
        guard let bytes else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private static func name(_ bytes: UnsafeMutablePointer<UInt8>?) -> String? {
        bytes.map { String(cString: $0) }
    }
}
