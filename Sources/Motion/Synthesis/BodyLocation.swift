import Foundation

/// HamNoSys body locations (`location_bodyarm`) → a point in space for the hand's reference part.
struct BodyLocation {
    let avatar: Avatar
    let source: String

    /// Metres from the body surface for each kind of contact (none means "near, in front of it").
    static let contactDistance: [String: Double] = ["touch": 0.004, "close": 0.045, "armextended": 0.42, "none": 0.12]
    /// Extra lateral distance of "beside" over "at", metres.
    static let besideExtra = 0.10
    /// Locations on the arms, found on the other arm.
    static let armParts: Set<String> = ["upperarm", "elbow", "elbowinside", "lowerarm", "wristback", "wristpulse"]

    /// Where `hand`'s reference part goes for `element`, and the body's outward normal there.
    /// - Parameters:
    ///   - symmetric: both hands take part; a location without a side then puts each hand at its own side.
    ///   - world: the current body pose (for locations on the other arm).
    func target(_ element: GesturalElement, hand: Side, symmetric: Bool, world: WorldPose) throws -> (point: Vector3, normal: Vector3) {
        let first = try point(element["location"], side: element["side"], hand: hand, symmetric: symmetric, world: world)
        var result = first
        if element["second_location"] != nil || element["second_side"] != nil {
            let second = try point(element["second_location"] ?? element["location"], side: element["second_side"] ?? element["side"],
                                   hand: hand, symmetric: symmetric, world: world)
            result = ((first.point + second.point) / 2, (first.normal + second.normal).normalized)
        }
        let contact = element["contact"] ?? "none"
        guard let distance = Self.contactDistance[contact] else {
            throw MotionError.badSign(source: source, element: "location_bodyarm@contact", reason: "unknown contact \(contact)")
        }
        return (result.point + result.normal * distance, result.normal)
    }

    private func point(_ name: String?, side: String?, hand: Side, symmetric: Bool, world: WorldPose) throws -> (point: Vector3, normal: Vector3) {
        let location = name ?? "neutralspace"
        let key = Self.armParts.contains(location) ? location + (hand == .right ? "_l" : "_r") : location
        guard let mark = avatar.rig.landmarks[key], let found = avatar.rig.landmarkPoint(key, in: world) else {
            throw MotionError.badSign(source: source, element: "location_bodyarm@location", reason: "unknown location \(location)")
        }
        var point = found.point, normal = found.normal
        let lateralSide: Side?, beside: Bool
        switch side {
        case "right_at": (lateralSide, beside) = (.right, false)
        case "left_at": (lateralSide, beside) = (.left, false)
        case "right_beside": (lateralSide, beside) = (.right, true)
        case "left_beside": (lateralSide, beside) = (.left, true)
        // "palmar" (the palm side) of a body location is its front; "back" is its far side, like "dorsal".
        case nil, "front", "palmar": (lateralSide, beside) = (mark.paired || symmetric ? hand : nil, false)
        case "dorsal", "back": (lateralSide, beside) = (nil, false)
        default: throw MotionError.badSign(source: source, element: "location_bodyarm@side", reason: "unknown side \(side!)")
        }
        if let lateralSide, !key.hasSuffix("_l"), !key.hasSuffix("_r") {
            let distance = max(mark.lateral, symmetric ? 0.06 : 0) + (beside ? Self.besideExtra : 0)
            point.x += lateralSide.xSign * distance
            if mark.paired && lateralSide == .left { normal = normal.mirrored }
        }
        // "dorsal" on the arm is its back, which is the landmark's own side; on the body it is the far side.
        if (side == "dorsal" || side == "back") && !Self.armParts.contains(location) { normal = -normal; point += normal * 0.02 }
        return (point, normal)
    }
}
