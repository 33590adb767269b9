/// What a cluster keeps off its public pages, feeds and reports (`privacy:` in the plan file).
/// Public by default: a coordinator chooses to hide.
public struct ClusterPrivacy: Hashable, Sendable {
    /// The coordinator's name and address: feeds then name the district's methodical centre.
    public var contactPrivate: Bool
    /// Outcome notes, products and cancellation reasons.
    public var notesPrivate: Bool

    public init(contactPrivate: Bool = false, notesPrivate: Bool = false) {
        self.contactPrivate = contactPrivate
        self.notesPrivate = notesPrivate
    }
}

public enum PrivacyChoice: String, CaseIterable, Sendable {
    case `public`, `private`
}

extension DistrictSnapshot {
    /// The snapshot as anonymous visitors and calendar subscribers may see it: private contacts
    /// replaced by the district's methodical centre (or dropped without one), private notes removed.
    public var publicView: DistrictSnapshot {
        guard district.clusters.contains(where: { $0.privacy != ClusterPrivacy() }) else { return self }
        var view = self
        var hiddenNotes: Set<String> = []
        for i in view.district.clusters.indices {
            let privacy = view.district.clusters[i].privacy
            if privacy.contactPrivate { view.district.clusters[i].coordinator = view.district.methodicalCentre }
            if privacy.notesPrivate { hiddenNotes.insert(view.district.clusters[i].id) }
        }
        for i in view.events.indices where hiddenNotes.contains(view.events[i].event.clusterID) {
            view.events[i].state.outcome?.note = nil
            view.events[i].state.outcome?.products = nil
            view.events[i].state.outcome?.cancellationReason = nil
        }
        return view
    }
}
