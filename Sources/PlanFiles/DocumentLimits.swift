import Foundation

/// The absolute path of `relative` when it stays inside `directory` (symbolic links resolved); nil otherwise.
func pathInside(_ directory: String, _ relative: String) -> String? {
    guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else { return nil }
    let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
    let base = ((absolute as NSString).resolvingSymlinksInPath as NSString).standardizingPath
    let full = (((base + "/" + relative) as NSString).resolvingSymlinksInPath as NSString).standardizingPath
    return full.hasPrefix(base + "/") ? full : nil
}
