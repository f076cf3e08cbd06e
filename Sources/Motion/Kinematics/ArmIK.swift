import Foundation

/// Two-bone inverse kinematics for one arm: shoulder (upperarm), elbow (forearm) and wrist (hand) joints.
///
/// The elbow angle comes from the law of cosines. The swivel of the elbow about the shoulder–wrist axis starts
/// from a natural choice (elbow down, a little out and back, as a relaxed signer holds it) and is turned by up to
/// ±80° when that lets the forearm and wrist reach the asked hand orientation within their limits. The hand's
/// orientation is split into forearm twist (pronation/supination) and wrist bend; every joint is clamped to its limits.
public struct ArmIK: Sendable {
    /// The arm's side.
    public let side: Side
    /// Joint indices.
    public let upperarm: Int, forearm: Int, hand: Int
    /// Bone lengths, metres.
    public let upperLength: Double, foreLength: Double
    /// Closest and farthest wrist distance from the shoulder the elbow's flexion range allows, metres.
    public let minReach: Double, maxReach: Double

    /// A signer's elbow stays below the shoulder: the elbow may rise to this far below the shoulder joint (metres)
    /// at no cost; above it, each metre costs ``raisedElbowCost`` radians of hand orientation. Without it the letter
    /// M (fingers down, in front of the shoulder) was reached with the elbow 14 cm above the shoulder, and G, H, N, P
    /// with the upper arm held out level; a signer drops the wrist instead and leaves the hand a little off its exact
    /// orientation.
    static let relaxedElbowDrop = 0.12, raisedElbowCost = 12.0

    /// A signer keeps the elbow near the body: it may stand this far out to the side of the shoulder joint (metres)
    /// at no cost; beyond it, each metre costs ``spreadElbowCost`` radians of hand orientation. Without it every
    /// letter held the elbow more than 12 cm out, and those whose hand points across the body (G, H; CSL CH, NG)
    /// 22 cm, the upper arm out to the side and the forearm level across the chest. A higher cost turns the
    /// fingers-down letters (M, N, P) palm up.
    static let relaxedElbowSpread = 0.08, spreadElbowCost = 2.5

    /// Swivel offsets tried around the natural elbow position, radians (smallest first).
    static let swivels: [Double] = [0, 12, -12, 25, -25, 40, -40, 60, -60, 80, -80].map { $0 * .pi / 180 }

    /// Finds the arm joints (`upperarm_r`, `forearm_r`, `hand_r` or `_l`) in `rig`.
    public init(rig: Rig, side: Side) throws {
        let suffix = side == .right ? "_r" : "_l"
        guard let u = rig.jointIndex("upperarm" + suffix), let f = rig.jointIndex("forearm" + suffix),
              let h = rig.jointIndex("hand" + suffix) else {
            throw MotionError.badRig(path: rig.name, line: 0, field: "joint", reason: "the rig needs upperarm\(suffix), forearm\(suffix) and hand\(suffix)")
        }
        self.side = side
        upperarm = u; forearm = f; hand = h
        upperLength = rig.joints[f].offset.length
        foreLength = rig.joints[h].offset.length
        let flexRange = rig.joints[f].limits[1]
        let maxFlex = max(abs(flexRange.lowerBound), abs(flexRange.upperBound))   // radians
        let a = upperLength, b = foreLength
        minReach = (a * a + b * b + 2 * a * b * cos(maxFlex)).squareRoot()
        maxReach = a + b
    }

    /// `target` moved, if needed, into the shell the wrist can reach from `shoulder`: pushed forward (+Z) when
    /// too close (the elbow cannot fold further), pulled towards the shoulder when too far. Metres.
    public func reachable(_ target: Vector3, shoulder: Vector3) -> Vector3 {
        let low = minReach + 0.005, high = maxReach * 0.995
        let d = target - shoulder
        if d.length > high { return shoulder + d.normalized * high }
        guard d.length < low else { return target }
        // Solve |d + t·ẑ| = low for the smallest t ≥ 0.
        let bq = 2 * d.z, cq = d.dot(d) - low * low
        let t = (-bq + (bq * bq - 4 * cq).squareRoot()) / 2
        return target + Vector3(0, 0, max(0, t))
    }

    /// Sets the arm's joints in `pose` so the wrist reaches `target` (rig frame, metres) with the hand turned as
    /// close as the limits allow to `handOrientation` (world). The spine and clavicle are taken from `pose`.
    /// With `previous` (the last frame), solutions that stay close to it are preferred, so the elbow and
    /// forearm do not flip between equally good solutions from one frame to the next.
    public func solve(_ pose: inout Pose, rig: Rig, target: Vector3, handOrientation: Quaternion, previous: Pose? = nil) {
        let world = rig.forward(pose)
        let shoulder = world.positions[upperarm]
        let parent = world.orientations[rig.joints[upperarm].parent!]
        var best: (cost: Double, rotations: (Quaternion, Quaternion, Quaternion))?
        // With a previous frame, swivels close to where the elbow was come first; the continuity cost below keeps
        // the elbow there unless a distant swivel is much better (reach, orientation).
        // Offsets turn the other way on the left arm, so mirrored inputs give mirrored arms (ties break alike).
        let turn = -side.xSign
        let offsets = (previous.map { previous -> [Double] in
            let base = swivelAngle(of: previous, shoulder: shoulder, parent: parent, target: target)
            return [0, 5, -5, 12, -12].map { max(-80, min(80, base * 180 / .pi + turn * $0)) * .pi / 180 }
        } ?? []) + Self.swivels.map { turn * $0 }
        for offset in offsets {
            var c = candidate(rig: rig, shoulder: shoulder, parent: parent, target: target, handOrientation: handOrientation,
                              swivel: offset, previousTwist: previous.map { rig.joints[forearm].limitAngles($0.rotations[forearm]).x })
            if let previous {
                c.cost += 2.0 * Self.stepCost(previous.rotations[upperarm].angle(to: c.rotations.0))
                    + 1.0 * Self.stepCost(previous.rotations[forearm].angle(to: c.rotations.1))
            }
            if best == nil || c.cost < best!.cost { best = c }
            if previous == nil && c.cost < 0.02 { break }   // the natural elbow already works (orientation within about 1°)
        }
        if let rotations = best?.rotations {
            pose.rotations[upperarm] = rotations.0
            pose.rotations[forearm] = rotations.1
            pose.rotations[hand] = rotations.2
        }
    }

    /// The cost of turning a joint by `angle` radians since the last frame: the angle itself for large turns, so the
    /// elbow does not flip between distant solutions, but quadratic for small ones, so it can creep frame by frame
    /// towards a solution that turns the hand better instead of staying where it first landed.
    static func stepCost(_ angle: Double) -> Double {
        let knee = 0.3
        return angle < knee ? angle * angle / (2 * knee) : angle - knee / 2
    }

    /// The swivel (radians from the natural elbow direction, about the shoulder–target axis) of `previous`'s elbow.
    private func swivelAngle(of previous: Pose, shoulder: Vector3, parent: Quaternion, target: Vector3) -> Double {
        let n = (target - shoulder).normalized
        // The elbow points away from the upper arm's flexion side (+Z), which stays defined for a straight arm.
        let natural = naturalElbowDirection(n)
        let e = (-((parent * previous.rotations[upperarm]) * Vector3.unitZ)).rejecting(n)
        guard e.length > 1e-6 else { return 0 }
        return atan2(n.dot(natural.cross(e.normalized)), natural.dot(e.normalized))
    }

    /// The relaxed elbow direction for a shoulder→wrist axis `n`, perpendicular to `n`: out, down and back, a
    /// hint that is far from every axis the arm uses in front of the body (so it never degenerates and flips).
    private func naturalElbowDirection(_ n: Vector3) -> Vector3 {
        var natural = Vector3(side.xSign * 0.5, -0.6, -0.45).rejecting(n)
        if natural.length < 1e-6 { natural = Vector3(0, -1, 0).rejecting(n) }
        return natural.normalized
    }

    /// One solution with the elbow swivelled by `swivel` radians from the natural position; its cost is the
    /// remaining hand orientation error plus wrist position error plus a preference for the natural elbow and against
    /// an elbow raised towards the shoulder or held out to the side.
    private func candidate(rig: Rig, shoulder: Vector3, parent: Quaternion, target: Vector3,
                           handOrientation: Quaternion, swivel: Double, previousTwist: Double?) -> (cost: Double, rotations: (Quaternion, Quaternion, Quaternion)) {
        let boneAxis = Vector3.unitX * side.xSign            // bind direction of the arm bones
        let a = upperLength, b = foreLength
        var toTarget = target - shoulder
        if toTarget.length < 1e-6 { toTarget = Vector3(0, 0, 1) }
        let distance = min(max(toTarget.length, abs(a - b) + 1e-3), (a + b) * 0.9999)
        let n = toTarget.normalized
        let wrist = shoulder + n * distance

        // Law of cosines: the angle at the shoulder between the shoulder–wrist line and the upper arm.
        let cosShoulder = max(-1, min(1, (a * a + distance * distance - b * b) / (2 * a * distance)))
        let centre = shoulder + n * (a * cosShoulder)
        let radius = a * (1 - cosShoulder * cosShoulder).squareRoot()
        let direction = Quaternion(axis: n, angle: swivel) * naturalElbowDirection(n)
        let elbow = centre + direction * radius

        // Upper arm: its bone axis along shoulder→elbow, its local +Z (the elbow's flexion side) towards the forearm.
        let d1 = (elbow - shoulder).normalized, d2 = (wrist - elbow).normalized
        // The forearm bends away from the elbow's direction: this side is the same as the forearm's for a bent arm
        // and stays defined (no twist flip) when the arm is almost straight.
        let zAxis = (-direction).rejecting(d1).normalized
        let xAxis = d1 * side.xSign
        let upperWorld = Quaternion(matrixColumns: (xAxis, zAxis.cross(xAxis), zAxis))
        let flex = acos(max(-1, min(1, d1.dot(d2))))           // radians, 0 = straight
        let upper = rig.joints[upperarm].clamped(parent.inverse * upperWorld)
        let upperClamped = parent * upper

        // Forearm: flexion about local Y (+ for the right arm, − for the left), plus the twist that best serves the hand.
        let bend = Quaternion(axisIndex: 1, angle: -side.xSign * flex)
        let (wanted, _) = ((upperClamped * bend).inverse * handOrientation).swingTwist(axis: boneAxis)
        let twist = reachableTwist(wanted * side.xSign, rig.joints[forearm].limits[0], previous: previousTwist) * side.xSign   // about +X ↔ about the bone
        let fore = rig.joints[forearm].clamped(bend * Quaternion(axis: boneAxis, angle: twist))
        let foreWorld = upperClamped * fore
        let handLocal = rig.joints[hand].clamped(foreWorld.inverse * handOrientation)

        let elbowReached = shoulder + upperClamped * (boneAxis * a)
        let reached = elbowReached + foreWorld * (boneAxis * b)
        let raised = max(0, elbowReached.y - (shoulder.y - Self.relaxedElbowDrop))
        let spread = max(0, (elbowReached.x - shoulder.x) * side.xSign - Self.relaxedElbowSpread)
        let cost = (foreWorld * handLocal).angle(to: handOrientation) + 200 * reached.distance(to: target) + 0.05 * abs(swivel)
            + Self.raisedElbowCost * raised + Self.spreadElbowCost * spread
        return (cost, (upper, fore, handLocal))
    }

    /// The forearm twist (local X, radians) to use for a wanted one: itself when allowed; otherwise the limit nearer
    /// the last frame's twist (or, without one, nearer around the circle), so the forearm does not flip across.
    private func reachableTwist(_ wanted: Double, _ range: ClosedRange<Double>, previous: Double?) -> Double {
        if range.contains(wanted) { return wanted }
        func gap(_ a: Double, _ b: Double) -> Double { let d = abs(a - b).truncatingRemainder(dividingBy: 2 * .pi); return min(d, 2 * .pi - d) }
        let reference = previous ?? wanted
        return gap(reference, range.lowerBound) < gap(reference, range.upperBound) ? range.lowerBound : range.upperBound
    }

    /// Limits how far the forearm twist and the wrist turn since `previous` to `maxStep` radians, as muscles do.
    /// Neither moves the wrist's position (the twist is about the forearm bone; the wrist turns about itself).
    public func limitTurning(_ pose: inout Pose, rig: Rig, previous: Pose, maxStep: Double) {
        let joint = rig.joints[forearm]
        var now = joint.limitAngles(pose.rotations[forearm])
        let before = joint.limitAngles(previous.rotations[forearm])
        now.x = before.x + max(-maxStep, min(maxStep, now.x - before.x))
        pose.rotations[forearm] = joint.rotation(limitAngles: now)
        let turn = previous.rotations[hand].angle(to: pose.rotations[hand])
        if turn > maxStep { pose.rotations[hand] = previous.rotations[hand].slerp(to: pose.rotations[hand], maxStep / turn) }
    }
}
