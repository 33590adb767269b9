/// Who sees the support programmes (issue 17): school-level results and groups are private to
/// methodists and to the school itself; nobody else, and no public page or feed, sees them.
extension Account {
    /// Upload results, run and adjust groupings, write road maps: methodists only.
    public var mayManageSupport: Bool { !disabled && role == .methodist }

    /// See a grouping's page at all: methodists whole, a school account its own row.
    public var maySeeGroupings: Bool { !disabled && (role == .methodist || (role == .school && school != nil)) }

    /// See one school's results and group.
    public func maySeeSchool(_ id: String) -> Bool {
        guard !disabled else { return false }
        return role == .methodist || (role == .school && school == id)
    }

    /// See a road map: methodists, and the school that is its mentee or its support site.
    public func maySeeRoadMap(mentee: String, site: String?) -> Bool {
        maySeeSchool(mentee) || site.map(maySeeSchool) == true
    }
}
