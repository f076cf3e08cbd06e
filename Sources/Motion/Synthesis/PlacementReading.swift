/// Reads each location element of a sign by where its location value is, so that every location the vocabulary
/// accepts has a place to go whichever element names it.
///
/// G-SiGML puts body locations in `location_bodyarm` and locations on the other hand in `location_hand`, but the
/// lexicon's vocabulary accepts every location value in both. As a placement (a location element that is not
/// inside another one), a `location_bodyarm` naming a hand area or a digit part is a location on the other hand,
/// and a `location_hand` naming a place on the head or trunk is a body location. Location elements inside
/// another (the part of the moving hand that touches) and the hand parts of a `handconstellation` are left as they are.
enum PlacementReading {
    /// Hand areas and digit parts: on the other hand.
    static let handLocations = Set(["thumbball", "palm", "handback", "thumbside", "pinkyside"]).union(HandPart.digitParts)

    /// Elements that hold a location; their own children name parts of a hand, not places.
    private static let locationElements: Set<String> = ["location_bodyarm", "location_hand", "handconstellation"]

    /// `element` with every placement in it named after where its location is.
    static func normalised(_ element: GesturalElement) -> GesturalElement {
        var out = element
        out.children = element.children.map { locationElements.contains($0.name) ? renamed($0) : normalised($0) }
        return out
    }

    private static func renamed(_ element: GesturalElement) -> GesturalElement {
        var out = element
        let location = element["location"] ?? ""
        if element.name == "location_bodyarm" && handLocations.contains(location) { out.name = "location_hand" }
        if element.name == "location_hand" && !location.isEmpty && !handLocations.contains(location)
            && !BodyLocation.armParts.contains(location) { out.name = "location_bodyarm" }
        return out
    }

    /// True when some placement in `element` (already normalised) puts a hand against the other hand.
    static func placesOnOtherHand(_ element: GesturalElement) -> Bool {
        element.children.contains { $0.name == "location_hand" || (!locationElements.contains($0.name) && placesOnOtherHand($0)) }
    }
}
