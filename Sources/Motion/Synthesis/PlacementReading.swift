import Lexicon

/// Reads each location node of a sign by where its location value is, so that every location the vocabulary
/// accepts has a place to go whichever node kind names it.
///
/// G-SiGML puts body locations in `location_bodyarm` and locations on the other hand in `location_hand`, but the
/// lexicon's vocabulary accepts every location value in both. As a placement (a location node that is not
/// inside another one), a `location_bodyarm` naming a hand area or a digit part is a location on the other hand,
/// and a `location_hand` naming a place on the head or trunk is a body location. Location nodes inside
/// another (the part of the moving hand that touches) and the hand parts of a `handconstellation` are left as they are.
enum PlacementReading {
    /// Hand areas and digit parts: on the other hand.
    static let handLocations = Set<Location>([.thumbball, .palm, .handback, .thumbside, .pinkyside]).union(HandPart.digitParts)

    /// Node kinds that hold a location; their own children name parts of a hand, not places.
    private static let locationKinds: Set<NodeKind> = [.locationBodyArm, .locationHand, .handConstellation]

    /// `node` with every placement in it named after where its location is.
    static func normalised(_ node: PhonologyNode) -> PhonologyNode {
        var out = node
        out.children = node.children.map { locationKinds.contains($0.kind) ? renamed($0) : normalised($0) }
        return out
    }

    private static func renamed(_ node: PhonologyNode) -> PhonologyNode {
        var out = node
        guard let location = node.value("location", as: Location.self) else { return out }
        if node.kind == .locationBodyArm && handLocations.contains(location) { out.kind = .locationHand }
        if node.kind == .locationHand && !handLocations.contains(location) && !BodyLocation.armParts.contains(location) {
            out.kind = .locationBodyArm
        }
        return out
    }

    /// True when some placement in `node` (already normalised) puts a hand against the other hand.
    static func placesOnOtherHand(_ node: PhonologyNode) -> Bool {
        node.children.contains { $0.kind == .locationHand || (!locationKinds.contains($0.kind) && placesOnOtherHand($0)) }
    }
}
