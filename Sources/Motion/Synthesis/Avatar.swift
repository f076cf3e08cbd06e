import Foundation
import Lexicon

/// A rig prepared for synthesis: its rest pose in world space, an IK solver and hand geometry per side.
public struct Avatar: Sendable {
    /// The skeleton.
    public let rig: Rig
    /// Forward kinematics of the rest pose.
    let restWorld: WorldPose
    /// Arm solvers by side.
    let arms: [Side: ArmIK]
    /// Hand part geometry by side.
    let hands: [Side: HandGeometry]
    /// The rig's skin samples, for keeping the hands' volumes out of the body where the colliders fall short of it.
    let surface: BodySurface
    /// How the mouth moves with the signs; nil: no mouthing (mouth gestures of the signs still show).
    public var mouthing: Mouthing?

    /// Prepares `rig`; fails when it lacks the arm and hand joints synthesis needs.
    public init(rig: Rig) throws {
        self.rig = rig
        restWorld = rig.forward(Pose(rest: rig))
        arms = [.right: try ArmIK(rig: rig, side: .right), .left: try ArmIK(rig: rig, side: .left)]
        hands = [.right: try HandGeometry(rig: rig, side: .right), .left: try HandGeometry(rig: rig, side: .left)]
        surface = BodySurface(rig: rig)
    }

    /// The hand as it is in the rest pose (arm hanging).
    public func restHand(_ side: Side) -> HandState {
        let arm = arms[side]!
        var angles = FingerPose.straight
        for digit in 1...5 {
            for (k, joint) in rig.digits[side]![digit]!.enumerated() {
                var a = rig.joints[joint].limitAngles(rig.restRotations[joint])
                if side == .left { a = Vector3(a.x, -a.y, -a.z) }
                angles.angles[(digit - 1) * 3 + k] = a
            }
        }
        return HandState(wrist: restWorld.positions[arm.hand], orientation: restWorld.orientations[arm.hand], fingers: angles)
    }

    /// Builds the full-body pose for the hands' states: rest body, fingers set, arms solved by IK, and the hands kept
    /// from passing into each other (``handsApart(_:_:)``) or into the body (``handOutOfBody(_:_:)``).
    /// - Returns: the pose and, per side, the wrist target the IK was given (after keeping the hands out of the body).
    /// `previous` (the last frame's pose) keeps the arm solutions continuous from frame to frame.
    /// `maxTurn` (radians) bounds how far forearm twist and wrist may turn since `previous`.
    public func pose(hands: [Side: HandState], base: Pose? = nil, previous: Pose? = nil, maxTurn: Double = .infinity) -> (pose: Pose, targets: [Side: Vector3]) {
        var states = hands
        var solved = solve(states, base: base, previous: previous, maxTurn: maxTurn)
        // Measured on the solved pose, not on the states: joint limits and the turning bound change the hands.
        for _ in 0..<8 {
            let world = rig.forward(solved.pose)
            // Each hand's volume once a round: both checks below read it.
            var volumes: [Side: [HandGeometry.Sphere]] = [:]
            for side in states.keys { volumes[side] = self.hands[side]?.volume(in: world) }
            var moved = false
            if let right = volumes[.right], let left = volumes[.left],
               let step = handsApart(right, left, rightForearm: forearm(.right, world), leftForearm: forearm(.left, world)) {
                states[.right]!.wrist += step
                states[.left]!.wrist = states[.left]!.wrist - step
                moved = true
            }
            for (side, volume) in volumes {
                if let out = handOutOfBody(volume, world) { states[side]!.wrist += out; moved = true }
            }
            guard moved else { break }
            solved = solve(states, base: base, previous: previous, maxTurn: maxTurn)
        }
        return solved
    }

    /// Rest body, fingers set, arms solved by IK towards the hands' states kept out of the body.
    private func solve(_ hands: [Side: HandState], base: Pose?, previous: Pose?, maxTurn: Double) -> (pose: Pose, targets: [Side: Vector3]) {
        var pose = base ?? Pose(rest: rig)
        var targets: [Side: Vector3] = [:]
        let world = rig.forward(pose)
        for (side, state) in hands {
            for (joint, rotation) in state.fingers.rotations(rig: rig, side: side) {
                pose.rotations[joint] = rig.joints[joint].clamped(rotation)
            }
            let arm = arms[side]!
            let target = arm.reachable(keepOutOfBody(state, side: side, world: world), shoulder: world.positions[arm.upperarm])
            arms[side]!.solve(&pose, rig: rig, target: target, handOrientation: state.orientation, previous: previous)
            if let previous { arm.limitTurning(&pose, rig: rig, previous: previous, maxStep: maxTurn) }
            targets[side] = target
        }
        return (pose, targets)
    }

    /// How far to move a hand so that no sphere of its `volume` (``HandGeometry/volume(in:)`` in `world`) is inside
    /// a collider or behind the skin (``BodySurface``, which the colliders fall short of where the body bulges): the
    /// deepest overlap, out along that collider's or skin's normal; nil when none is.
    func handOutOfBody(_ volume: [HandGeometry.Sphere], _ world: WorldPose) -> Vector3? {
        var deepest = (depth: 0.0, way: Vector3.zero)
        for sphere in volume {
            for collider in rig.colliders {
                let (depth, way) = penetration(sphere.centre, collider, world: world, margin: sphere.radius)
                if depth > deepest.depth { deepest = (depth, way) }
            }
            let skin = surface.penetration(sphere.centre, radius: sphere.radius, world: world)
            if skin.depth > deepest.depth { deepest = skin }
        }
        return deepest.depth > 0.0005 ? deepest.way * (deepest.depth + 0.0005) : nil
    }

    /// How far to move the right hand (and the left the opposite way) so that the hands' volumes
    /// (``HandGeometry/volume(in:)``) stop overlapping: half the deepest overlap, along the overlaps' depth-weighted
    /// mean direction (so a left–right symmetric pose stays symmetric); nil when they do not overlap. Two hands that
    /// a sign puts in contact then touch, and a hand moving over the other passes over it instead of through it.
    /// Each hand is also kept out of the other's forearm (`rightForearm`, `leftForearm`; ``forearm(_:_:)``): a hand
    /// crossing to the other arm (ARM, butter) would otherwise pass through it just behind the wrist.
    func handsApart(_ right: [HandGeometry.Sphere], _ left: [HandGeometry.Sphere],
                    rightForearm: [HandGeometry.Sphere] = [], leftForearm: [HandGeometry.Sphere] = []) -> Vector3? {
        var deepest = 0.0, way = Vector3.zero
        // Called every solver round of every frame: the pairs are walked in place, not gathered into arrays.
        func overlap(_ a: HandGeometry.Sphere, _ b: HandGeometry.Sphere) {
            let apart = a.centre - b.centre
            let depth = a.radius + b.radius - apart.length
            guard depth > 0 else { return }
            deepest = max(deepest, depth)
            if apart.length > 1e-9 { way += apart.normalized * depth }
        }
        for a in right {
            for b in left { overlap(a, b) }
            for b in leftForearm { overlap(a, b) }
        }
        for a in rightForearm {
            for b in left { overlap(a, b) }
        }
        guard deepest > 0.0005 else { return nil }
        // When one hand is deep inside the other, the overlaps point every way (a thumb past the other hand's middle
        // pushes backwards): then straight apart, from one hand's middle to the other's.
        let middle = { (spheres: [HandGeometry.Sphere]) in
            spheres.reduce(Vector3.zero) { $0 + $1.centre } * (1 / Double(max(1, spheres.count)))
        }
        let between = middle(right) - middle(left)
        if way.length < deepest * 0.1 || way.dot(between) <= 0 { way = between }
        if way.length < 1e-9 { way = Vector3.unitX }
        return way.normalized * (deepest / 2 + 0.0005)
    }

    /// The forearm's volume between elbow and wrist in `world`: spheres of ``forearmRadius`` from a fifth of the way
    /// to the wrist (nearer the elbow the hands do not reach in signing space) up to where the hand's own wrist sphere
    /// begins.
    func forearm(_ side: Side, _ world: WorldPose) -> [HandGeometry.Sphere] {
        guard let arm = arms[side] else { return [] }
        let elbow = world.positions[arm.forearm], wrist = world.positions[arm.hand]
        return [0.2, 0.4, 0.6, 0.8].map { (elbow + (wrist - elbow) * $0, Self.forearmRadius) }
    }

    /// The forearm's radius towards the wrist, metres (the human mesh's forearm is about 5–6 cm across there).
    static let forearmRadius = 0.026

    /// Centre of the hand (between palm and back, a third of the way along the fingers) relative to the wrist, hand frame, metres.
    func handCentreOffset(_ side: Side) -> Vector3 { Vector3(0.065 * side.xSign, 0, 0) }

    /// Moves a wrist target so that neither the wrist nor the hand's centre is inside a collider (plus 2 cm of hand),
    /// nor a fingertip (plus 8 mm, a fingertip's half thickness).
    func keepOutOfBody(_ state: HandState, side: Side, world: WorldPose) -> Vector3 {
        var wrist = state.wrist
        let centreOffset = state.orientation * handCentreOffset(side)
        let tips = fingertipOffsets(state, side: side).map { state.orientation * $0 }
        for _ in 0..<3 {
            for collider in rig.colliders {
                for (offset, margin) in [(Vector3.zero, 0.02), (centreOffset, 0.02)] + tips.map({ ($0, 0.008) }) {
                    let (depth, normal) = penetration(wrist + offset, collider, world: world, margin: margin)
                    if depth > 0 { wrist += normal * depth }
                }
            }
        }
        return wrist
    }

    /// The tips of the five digits relative to the wrist, in the hand's frame (metres), with the state's finger
    /// angles: the hand geometry's `tip` parts, as contact placement finds them.
    func fingertipOffsets(_ state: HandState, side: Side) -> [Vector3] {
        guard let geometry = hands[side] else { return [] }
        return (1...5).compactMap { try? geometry.locate(HandPart(location: .tip, digit: $0), fingers: state.fingers).point }
    }

    /// How deep `point` is inside `collider` grown by `margin` (metres, 0 when outside) and the way out.
    func penetration(_ point: Vector3, _ collider: Collider, world: WorldPose, margin: Double) -> (Double, Vector3) {
        let a = world.point(collider.start, on: collider.joint), b = world.point(collider.end, on: collider.joint)
        let ab = b - a
        let t = ab.length < 1e-9 ? 0 : max(0, min(1, (point - a).dot(ab) / ab.dot(ab)))
        let closest = a + ab * t
        var away = point - closest
        if away.length < 1e-9 { away = Vector3(0, 0, 1) }
        let depth = collider.radius + margin - away.length
        return (max(0, depth), away.normalized)
    }
}
