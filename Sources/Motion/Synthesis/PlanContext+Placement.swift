import Foundation
import Lexicon

/// Placing the hands of a sign at its locations: on the body, against the other hand, or meeting each other.
extension PlanContext {
    /// Puts the hands where the location elements say. `placed` are the hands already where the sign put them
    /// (a posture change moves only what it names); a hand that nothing places waits in neutral space, and a
    /// hand that another is placed against comes up to the base position first.
    func place(_ hands: Hands, _ placements: [PhonologyNode], placed alreadyPlaced: Set<Side>) throws -> Hands {
        var out = hands
        var placed = alreadyPlaced
        let body = BodyLocation(avatar: planner.avatar, source: sign.source)
        let neutral = try placement(PhonologyNode(.locationBodyArm))
        var world = planner.avatar.restWorld
        if usesOtherArm, let other = out[dominant.opposite] {
            // Hold the other arm in front first, so that locations on it are where that arm is.
            let support = symmetric ? other
                : try put(other, side: dominant.opposite, part: .palm, at: try body.target(neutral, hand: dominant.opposite, symmetric: true, world: world).point)
            out[dominant.opposite] = support
            placed.insert(dominant.opposite)
            world = planner.avatar.rig.forward(planner.avatar.pose(hands: [dominant.opposite: support]).pose)
        }
        // Brings `side`'s hand up to the base position when another is about to be placed against it unplaced.
        func base(_ side: Side) throws {
            guard !placed.contains(side), let state = out[side] else { return }
            out[side] = try put(state, side: side, part: .palm, at: try body.target(try basePosition(side), hand: side, symmetric: false, world: world).point)
            placed.insert(side)
        }
        for element in placements {
            switch element.kind {
            case .locationBodyArm:
                // The dominant hand goes to the location; in a symmetric sign the other hand to its mirror image.
                guard let state = out[dominant] else { throw bad("location_bodyarm", "the dominant hand is not in the sign") }
                let (point, normal) = try body.target(try placement(element), hand: dominant, symmetric: symmetric, world: world)
                let part = try contactPart(element, state, side: dominant, normal: normal)
                out[dominant] = try put(state, side: dominant, part: part, at: point)
                placed.insert(dominant)
                if symmetric, let state = out[dominant.opposite] {
                    out[dominant.opposite] = try put(state, side: dominant.opposite, part: part, at: point.mirrored)
                    placed.insert(dominant.opposite)
                }
            case .splitLocation:
                let parts = element.children.filter { $0.kind == .locationBodyArm || $0.kind == .locationHand }
                // Two locations (dominant hand first); a single one places the dominant hand only.
                guard (1...2).contains(parts.count) else { throw bad("split_location", "needs one or two locations") }
                let assigned = zip([dominant, dominant.opposite], parts).compactMap { side, part in out[side].map { (side, part, $0) } }
                // Body locations first, then hands placed against the other hand.
                for (side, part, state) in assigned where part.kind == .locationBodyArm {
                    let (point, normal) = try body.target(try placement(part), hand: side, symmetric: false, world: world)
                    out[side] = try put(state, side: side, part: try contactPart(part, state, side: side, normal: normal), at: point)
                    placed.insert(side)
                }
                for (side, part, _) in assigned where part.kind == .locationHand {
                    try base(side.opposite)
                    out = try againstOtherHand(side, part, out)
                    placed.insert(side)
                }
            case .handConstellation:
                out = try constellation(element, out, body: body, world: world)
                placed.formUnion(out.keys)
            case .locationHand:
                try base(dominant.opposite)
                out = try againstOtherHand(dominant, element, out)
                placed.insert(dominant)
            default: throw bad(element.kind.rawValue, "not a location")
            }
        }
        // A hand that no location placed waits in neutral space, on its own side in a two-handed sign.
        for (side, state) in out where !placed.contains(side) {
            out[side] = try put(state, side: side, part: .palm, at: try body.target(neutral, hand: side, symmetric: twoHanded, world: world).point)
        }
        return out
    }

    /// Lexicon's typed reading of a location node.
    func placement(_ node: PhonologyNode) throws -> Placement {
        guard let placement = Placement(node) else { throw bad(node.kind.rawValue, "not a location") }
        return placement
    }

    /// Where a base hand that the other is placed against waits: in front of the lower chest, on its own side.
    func basePosition(_ side: Side) throws -> Placement {
        try placement(PhonologyNode(.locationBodyArm, [
            NodeAttribute("location", Location.chest.rawValue), NodeAttribute("second_location", Location.stomach.rawValue),
            NodeAttribute("side", (side == .right ? LocationSide.right_at : .left_at).rawValue),
        ]))
    }

    /// Two hands in contact: the parts named by the two `location_hand` children meet at the body location (or in front).
    func constellation(_ element: PhonologyNode, _ hands: Hands, body: BodyLocation, world: WorldPose) throws -> Hands {
        var out = hands
        let other = dominant.opposite
        guard var d = out[dominant], var n = out[other] else {
            // One hand: contact with the location it is at (HamNoSys "touch" after a movement towards it).
            guard let last = lastBodyLocation, let state = out[dominant] else { throw bad("handconstellation", "needs two hands or a location") }
            var touch = try placement(last)
            touch.contact = element.value("contact") ?? .touch
            let (point, normal) = try body.target(touch, hand: dominant, symmetric: false, world: world)
            out[dominant] = try put(state, side: dominant, part: try contactPart(last, state, side: dominant, normal: normal), at: point)
            return out
        }
        let parts = try element.children.filter { $0.kind == .locationHand }.map(handPart)
        let dPart = parts.first ?? .palm, nPart = parts.count > 1 ? parts[1] : .palm
        let meeting = try placement(element.children.first { $0.kind == .locationBodyArm } ?? PhonologyNode(.locationBodyArm))
        var centre = try body.target(meeting, hand: dominant, symmetric: false, world: world).point
        if meeting.side == nil { centre.x = 0 }
        // Two hands meeting at a location on the body meet in front of it, never inside it.
        for _ in 0..<20 {
            let depth = planner.avatar.rig.colliders.map { planner.avatar.penetration(centre, $0, world: world, margin: 0.07).0 }.max() ?? 0
            if depth <= 0 { break }
            centre.z += depth + 0.005
        }
        let gap = element.value("contact", as: Contact.self) == .close ? 0.04 : 0.012
        let dLocal = try geometry(dominant).locate(dPart, fingers: d.fingers)
        let nLocal = try geometry(other).locate(nPart, fingers: n.fingers)
        var axis = (d.orientation * dLocal.normal) - (n.orientation * nLocal.normal)
        if axis.length < 1e-6 { axis = Vector3.unitX * other.xSign }
        axis = axis.normalized
        d.wrist = centre - axis * (gap / 2) - d.orientation * dLocal.point
        n.wrist = centre + axis * (gap / 2) - n.orientation * nLocal.point
        out[dominant] = d; out[other] = n
        return out
    }

    /// Puts `side`'s hand (its part named by a nested `location_hand`, else the palm) at the other hand's part named by `element`.
    func againstOtherHand(_ side: Side, _ element: PhonologyNode, _ hands: Hands) throws -> Hands {
        var out = hands
        guard let state = out[side], let other = out[side.opposite] else { throw bad("location_hand", "a location on the other hand needs two hands") }
        let own = try element.children.first { $0.kind == .locationHand }.map(handPart) ?? .palm
        let target = try geometry(side.opposite).locate(try handPart(element), fingers: other.fingers)
        let contact: Contact? = element.value("contact")
        let gap = contact == .close ? 0.04 : contact == .touch ? 0.012 : 0.03
        let point = other.wrist + other.orientation * target.point + (other.orientation * target.normal) * gap
        out[side] = try put(state, side: side, part: own, at: point)
        return out
    }

    /// The part of `side`'s hand at a body location `element` whose surface faces `normal`: the part a nested
    /// `location_hand` names, else the part of the hand nearest the body there.
    func contactPart(_ element: PhonologyNode, _ state: HandState, side: Side, normal: Vector3) throws -> HandPart {
        if let named = element.children.first(where: { $0.kind == .locationHand }) { return try handPart(named) }
        return try geometry(side).nearestPart(to: normal, orientation: state.orientation, fingers: state.fingers)
    }

    /// A `location_hand` node's placement → a hand part.
    func handPart(_ element: PhonologyNode) throws -> HandPart {
        let place = try placement(element)
        let location = place.location ?? .palm
        if HandPart.digitParts.contains(location) { return HandPart(location: location, digit: place.digits.first ?? 2) }
        guard planner.avatar.rig.landmarks[location.rawValue + "_r"] != nil || location == .elbowinside else {
            throw bad("location_hand@location", "unknown hand part \(location.rawValue)")
        }
        return HandPart(location: location == .elbowinside ? .wristpulse : location, digit: nil)
    }

    /// The geometry of `side`'s hand.
    func geometry(_ side: Side) throws -> HandGeometry {
        guard let geometry = planner.avatar.hands[side] else { throw bad("sign_manual", "the avatar has no \(side) hand") }
        return geometry
    }

    /// Moves a hand so that `part` is at `point`, keeping its orientation and fingers.
    func put(_ state: HandState, side: Side, part: HandPart, at point: Vector3) throws -> HandState {
        var s = state
        let local = try geometry(side).locate(part, fingers: state.fingers)
        s.wrist = point - state.orientation * local.point
        return s
    }
}
