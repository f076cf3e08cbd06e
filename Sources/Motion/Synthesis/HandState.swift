import Foundation
import Lexicon

/// What one hand is doing at one instant: where its wrist is, how the hand is turned, its finger pose.
public struct HandState: Sendable, Equatable, Codable {
    /// Wrist (hand joint) position in the rig frame, metres.
    public var wrist: Vector3
    /// World orientation of the hand joint.
    public var orientation: Quaternion
    /// Finger joint angles (right-hand convention).
    public var fingers: FingerPose

    /// The state of the mirror-image hand (through x = 0), for the other hand of a left–right symmetric sign.
    public var mirrored: HandState {
        HandState(wrist: wrist.mirrored, orientation: orientation.mirrored, fingers: fingers)
    }

    /// A transition from `self` to `other` at progress `u` (0…1): minimum-jerk timing, and a path that bows
    /// forwards through the signing space by a quarter of its length, so the hand never grazes the body or the
    /// shoulder on its way (as a straight line from the hip to the face would).
    public func transition(to other: HandState, _ u: Double) -> HandState {
        var state = blend(to: other, minimumJerk(u))
        state.wrist.z += 0.25 * wrist.distance(to: other.wrist) * sin(.pi * minimumJerk(u))
        return state
    }

    /// Interpolates position linearly, orientation and finger angles smoothly: `self` at t = 0, `other` at t = 1.
    public func blend(to other: HandState, _ t: Double) -> HandState {
        HandState(wrist: wrist.lerp(to: other.wrist, t), orientation: orientation.slerp(to: other.orientation, t),
                  fingers: fingers.lerp(to: other.fingers, t))
    }
}

/// A point on the hand (G-SiGML `location_hand`): a named area, or a part of one digit.
struct HandPart: Equatable {
    /// The area (palm, handback, thumbside, pinkyside, thumbball, wristback, wristpulse: a rig landmark), or a digit
    /// part (tip, nail, pad, midjoint, base, side) of `digit`.
    var location: Location
    /// Digit 1 (thumb) … 5 for digit parts.
    var digit: Int?

    /// The palm centre, the default reference point.
    static let palm = HandPart(location: .palm, digit: nil)
    /// The parts of one digit.
    static let digitParts: Set<Location> = [.tip, .nail, .pad, .midjoint, .base, .side]
}

/// Positions of hand parts in the hand joint's frame for a given finger pose, from the rig.
struct HandGeometry {
    let rig: Rig
    let side: Side
    let hand: Int

    init(rig: Rig, side: Side) throws {
        guard let hand = rig.jointIndex(side == .right ? "hand_r" : "hand_l") else {
            throw MotionError.badRig(path: rig.name, line: 0, field: "joint", reason: "the rig has no hand joint for the \(side.rawValue) side")
        }
        self.rig = rig; self.side = side; self.hand = hand
    }

    /// The part of the hand nearest a surface with outward normal `normal` (world), the hand turned by `orientation`:
    /// the part that meets the surface when the sign names none. Palm, back, either edge or a fingertip, so that a
    /// hand whose fingers point at the body touches with the fingertips instead of reaching through it.
    func nearestPart(to normal: Vector3, orientation: Quaternion, fingers: FingerPose) throws -> HandPart {
        let candidates = [HandPart.palm] + [Location.handback, .thumbside, .pinkyside].map { HandPart(location: $0, digit: nil) }
            + (2...5).map { HandPart(location: .tip, digit: $0) }
        var best = (part: HandPart.palm, depth: -Double.infinity)
        for part in candidates {
            let depth = -(orientation * (try locate(part, fingers: fingers).point)).dot(normal)
            if depth > best.depth { best = (part, depth) }
        }
        return best.part
    }

    /// The radii of the palm's and the fingers' spheres, metres. An adult hand is about 26 mm thick across the palm
    /// and its fingers 16–18 mm wide; the spheres are larger because they sit on the bones (not in the middle of the
    /// flesh) and leave gaps between them: sized on the MakeHuman body's skinned mesh, where they keep the hands
    /// within about 10 mm of each other in all but a few frames (docs/avatar-mesh.md).
    static let palmRadius = 0.018, fingerRadius = 0.011
    /// The radius of the sphere at each digit's tip, metres: a fingertip's half thickness.
    static let tipRadius = 0.008

    /// One sphere of a hand's volume, world metres.
    typealias Sphere = (centre: Vector3, radius: Double)

    /// The hand's volume in `world` as spheres (centres and radii, metres): the wrist, the palm between it and each
    /// knuckle, the ball of the thumb, each digit along its three bones, and its tip (``tipRadius``). What keeps the
    /// hands from passing into each other and into the body.
    func volume(in world: WorldPose) -> [Sphere] {
        let wrist = world.positions[hand]
        var spheres: [Sphere] = [(wrist, Self.palmRadius)]
        for digit in 1...5 {
            guard let chain = rig.digits[side]?[digit], chain.count == 3 else { continue }
            let last = chain[2]
            let points = chain.map { world.positions[$0] } + [world.point(rig.joints[last].end ?? .zero, on: last)]
            if digit > 1 { spheres += [0.35, 0.7].map { (wrist + (points[0] - wrist) * $0, Self.palmRadius) } }
            for bone in 0..<3 {
                // The thumb's first bone lies in the thick ball of the thumb, not in a finger.
                let radius = digit == 1 && bone == 0 ? Self.palmRadius : Self.fingerRadius
                spheres += [0.0, 0.5].map { (points[bone] + (points[bone + 1] - points[bone]) * $0, radius) }
            }
            spheres.append((points[3], Self.tipRadius))
        }
        return spheres
    }

    /// Where `part` is, and its outward normal, in the hand joint's frame (metres), with the fingers in `fingers`.
    func locate(_ part: HandPart, fingers: FingerPose) throws -> (point: Vector3, normal: Vector3) {
        let suffix = side == .right ? "_r" : "_l"
        if let digit = part.digit, HandPart.digitParts.contains(part.location) {
            var pose = Pose(rest: rig)
            pose.rotations[hand] = .identity
            for (joint, rotation) in fingers.rotations(rig: rig, side: side) { pose.rotations[joint] = rotation }
            pose.rootPosition = .zero
            let world = rig.forward(pose)
            let toHand = world.orientations[hand].inverse
            let chain = rig.digits[side]![digit]!
            func local(_ p: Vector3) -> Vector3 { toHand * (p - world.positions[hand]) }
            let last = chain[2]
            let tip = world.point(rig.joints[last].end ?? .zero, on: last)
            let along = world.orientations[last] * (Vector3.unitX * side.xSign)
            let palmar = toHand * (world.orientations[last] * Vector3(0, -1, 0))
            switch part.location {
            case .tip: return (local(tip), toHand * along)
            case .nail: return (local(tip - along * 0.008) - palmar * 0.007, -palmar)
            case .pad: return (local(tip - along * 0.008) + palmar * 0.007, palmar)
            case .midjoint: return (local(world.positions[chain[1]]), -(toHand * (world.orientations[chain[1]] * Vector3(0, -1, 0))))
            case .base: return (local(world.positions[chain[0]]), -(toHand * (world.orientations[chain[0]] * Vector3(0, -1, 0))))
            default: return (local(world.positions[chain[1]]) + Vector3(0, 0, 0.009), Vector3(0, 0, 1))
            }
        }
        guard let mark = rig.landmarks[part.location.rawValue + suffix] else {
            throw MotionError.badSign(source: rig.name, element: "location_hand@location", reason: "unknown hand part \(part.location.rawValue)")
        }
        let handWorld = rig.bindPositions[hand]
        let jointWorld = rig.bindPositions[mark.joint]
        return (jointWorld + mark.offset - handWorld, mark.normal)
    }
}
