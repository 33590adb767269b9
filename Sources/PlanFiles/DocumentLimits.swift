import Foundation

/// Bytes of every scalar as if each alias were written out, counting each node at least 8 bytes;
/// stops once past `limit`, so a "billion laughs" tree is never walked whole.
func expandedSize(of root: YAMLNode, limit: Int) -> Int {
    var total = 0
    var stack = [root]
    while let node = stack.popLast(), total <= limit {
        switch node {
        case .scalar(let scalar): total += max(scalar.string.utf8.count, 8)
        case .mapping(let mapping, _):
            total += 8
            for (key, value) in mapping { stack.append(key); stack.append(value) }
        case .sequence(let sequence, _):
            total += 8
            stack.append(contentsOf: sequence)
        }
    }
    return total
}

/// The absolute path of `relative` when it stays inside `directory` (symbolic links resolved); nil otherwise.
func pathInside(_ directory: String, _ relative: String) -> String? {
    guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else { return nil }
    let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
    let base = ((absolute as NSString).resolvingSymlinksInPath as NSString).standardizingPath
    let full = (((base + "/" + relative) as NSString).resolvingSymlinksInPath as NSString).standardizingPath
    return full.hasPrefix(base + "/") ? full : nil
}
