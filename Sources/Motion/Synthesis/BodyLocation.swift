import Foundation
import Lexicon

/// HamNoSys body locations (Lexicon's ``Placement`` of a `location_bodyarm`) → a point in space for the hand's reference part.
struct BodyLocation {
    let avatar: Avatar
    let source: String

    /// Metres from the body surface for each kind of contact (none means "near, in front of it").
    static func contactDistance(_ contact: Contact?) -> Double {
        switch contact {
        case .touch: 0.004
        case .close: 0.045
        case .armextended: 0.42
        case nil: 0.12
        }
    }
    /// Extra lateral distance of "beside" over "at", metres.
    static let besideExtra = 0.10
    /// Locations on the arms, found on the other arm.
    static let armParts: Set<Location> = [.upperarm, .elbow, .elbowinside, .lowerarm, .wristback, .wristpulse]
    /// The landmark of a placement without a location.
    static let neutralSpace = "neutralspace"

    /// Where `hand`'s reference part goes for `placement`, and the body's outward normal there.
    /// - Parameters:
    ///   - symmetric: both hands take part; a location without a side then puts each hand at its own side.
    ///   - world: the current body pose (for locations on the other arm).
    func target(_ placement: Placement, hand: Side, symmetric: Bool, world: WorldPose) throws -> (point: Vector3, normal: Vector3) {
        let first = try point(placement.location, side: placement.side, hand: hand, symmetric: symmetric, world: world)
        var result = first
        if placement.betweenLocation != nil || placement.betweenSide != nil {
            let second = try point(placement.betweenLocation ?? placement.location, side: placement.betweenSide ?? placement.side,
                                   hand: hand, symmetric: symmetric, world: world)
            result = ((first.point + second.point) / 2, (first.normal + second.normal).normalized)
        }
        return (result.point + result.normal * Self.contactDistance(placement.contact), result.normal)
    }

    private func point(_ location: Location?, side: LocationSide?, hand: Side, symmetric: Bool, world: WorldPose) throws -> (point: Vector3, normal: Vector3) {
        let onArm = location.map(Self.armParts.contains) ?? false
        let name = location?.rawValue ?? Self.neutralSpace
        let key = onArm ? name + (hand == .right ? "_l" : "_r") : name
        guard let mark = avatar.rig.landmarks[key], let found = avatar.rig.landmarkPoint(key, in: world) else {
            throw MotionError.badSign(source: source, element: "location_bodyarm@location", reason: "unknown location \(name)")
        }
        var point = found.point, normal = found.normal
        let lateralSide: Side?, beside: Bool
        switch side {
        case .right_at: (lateralSide, beside) = (.right, false)
        case .left_at: (lateralSide, beside) = (.left, false)
        case .right_beside: (lateralSide, beside) = (.right, true)
        case .left_beside: (lateralSide, beside) = (.left, true)
        // "palmar" (the palm side) of a body location is its front; "back" is its far side, like "dorsal".
        case nil, .front, .palmar: (lateralSide, beside) = (mark.paired || symmetric ? hand : nil, false)
        case .dorsal, .back: (lateralSide, beside) = (nil, false)
        }
        if let lateralSide, !key.hasSuffix("_l"), !key.hasSuffix("_r") {
            let distance = max(mark.lateral, symmetric ? 0.06 : 0) + (beside ? Self.besideExtra : 0)
            point.x += lateralSide.xSign * distance
            if mark.paired && lateralSide == .left { normal = normal.mirrored }
        }
        // "dorsal" on the arm is its back, which is the landmark's own side; on the body it is the far side.
        if (side == .dorsal || side == .back) && !onArm { normal = -normal; point += normal * 0.02 }
        return (point, normal)
    }
}
