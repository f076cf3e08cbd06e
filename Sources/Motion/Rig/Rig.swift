import Foundation

/// An avatar skeleton: joints in parent-first order, limits, a rest pose, body landmarks, colliders and face controls.
///
/// The bind pose has every joint rotation at identity (a T-pose, palms down), so joint frames are aligned with the
/// rig frame (+X avatar's left, +Y up, +Z forward, metres) and a joint's local rotation is directly comparable
/// to its limits. Read from the text format of docs/rig-format.md by ``Rig/load(path:)``.
public struct Rig: Sendable, Equatable, Codable {
    /// The rig's name, from its `rig` line.
    public var name: String
    /// Joints, each after its parent; index 0 is the root.
    public var joints: [Joint]
    /// Local rotations of the rest pose (arms down), one per joint.
    public var restRotations: [Quaternion]
    /// Named points on the body surface, by HamNoSys location name.
    public var landmarks: [String: Landmark]
    /// The five digits of each hand (1 = thumb … 5 = little finger) as chains of three joint indices.
    public var digits: [Side: [Int: [Int]]]
    /// Volumes the hands must stay out of (head, neck, torso).
    public var colliders: [Collider]
    /// Face and head controls, in the order the animation stores their values.
    public var controls: [FaceControl]
    /// Samples of the trunk's skin the hands must stay outside of (a rig measured on a mesh); empty otherwise.
    public var surface: [SurfacePoint] = []

    /// The index of the joint called `name`.
    public func jointIndex(_ name: String) -> Int? { joints.firstIndex { $0.name == name } }

    /// The index of the face control called `name`, if any.
    public func controlIndex(_ name: String) -> Int? { controls.firstIndex { $0.name == name } }

    /// The bind-pose position of every joint in the rig frame, metres.
    public var bindPositions: [Vector3] {
        var out = [Vector3](repeating: .zero, count: joints.count)
        for (i, joint) in joints.enumerated() {
            out[i] = (joint.parent.map { out[$0] } ?? .zero) + joint.offset
        }
        return out
    }
}

/// The avatar's left or right side. The signer's right is −X.
public enum Side: String, Sendable, Codable, CaseIterable {
    case left, right

    /// −1 for right, +1 for left: the sign of X on this side.
    public var xSign: Double { self == .right ? -1 : 1 }
    /// The other side.
    public var opposite: Side { self == .right ? .left : .right }
}

/// One joint of the skeleton.
public struct Joint: Sendable, Equatable, Codable {
    /// Unique name, such as `upperarm_r`.
    public var name: String
    /// Index of the parent joint, nil for the root.
    public var parent: Int?
    /// Position relative to the parent in the bind pose, metres.
    public var offset: Vector3
    /// Where the bone ends when the joint has no children (fingertips, head top), metres from the joint; nil otherwise.
    public var end: Vector3?
    /// The Euler order of the joint's BVH channels, and of its limits unless ``swingTwist``.
    public var order: EulerOrder
    /// Allowed limit angles about local X, Y and Z, radians (min ≤ max); see ``limitAngles(_:)``.
    public var limits: [ClosedRange<Double>]
    /// True when the limits are a twist about the bone (local X) and a swing whose rotation vector has the
    /// Y and Z components limited (ball joints: no gimbal lock with the arm hanging or pointing forward).
    public var swingTwist: Bool = false

    /// The angles the limits constrain (radians): Euler angles in ``order``, or (twist, swing y, swing z).
    public func limitAngles(_ q: Quaternion) -> Vector3 {
        guard swingTwist else { return order.angles(q) }
        let (twist, swing) = q.swingTwist(axis: .unitX)
        var s = swing.w < 0 ? Quaternion(w: -swing.w, x: -swing.x, y: -swing.y, z: -swing.z) : swing
        s = s.normalized
        let sinHalf = (s.y * s.y + s.z * s.z).squareRoot()
        let angle = 2 * atan2(sinHalf, s.w)
        let k = sinHalf > 1e-12 ? angle / sinHalf : 2
        return Vector3(twist, s.y * k, s.z * k)
    }

    /// The rotation for limit angles (radians), the inverse of ``limitAngles(_:)``.
    public func rotation(limitAngles a: Vector3) -> Quaternion {
        guard swingTwist else { return order.quaternion(a) }
        let swingVector = Vector3(0, a.y, a.z)
        let swing = swingVector.length > 1e-12 ? Quaternion(axis: swingVector, angle: swingVector.length) : .identity
        return swing * Quaternion(axisIndex: 0, angle: a.x)
    }

    /// The local rotation closest to `q` (per limit angle) that lies within the limits.
    public func clamped(_ q: Quaternion) -> Quaternion {
        var a = limitAngles(q)
        for axis in 0..<3 { a[axis] = min(max(a[axis], limits[axis].lowerBound), limits[axis].upperBound) }
        return rotation(limitAngles: a)
    }

    /// How far (radians) `q` goes past the limits: 0 when inside.
    public func limitExcess(_ q: Quaternion) -> Double {
        let a = limitAngles(q)
        return (0..<3).map { axis in
            max(0, limits[axis].lowerBound - a[axis], a[axis] - limits[axis].upperBound)
        }.max() ?? 0
    }
}

/// A named point on the body for sign locations, attached to a joint so it follows head and body movement.
public struct Landmark: Sendable, Equatable, Codable {
    /// The joint it moves with.
    public var joint: Int
    /// Position relative to that joint in the bind pose, metres (on the midline for paired locations).
    public var offset: Vector3
    /// Outward surface normal in the bind pose (unit); for paired points, the right one's.
    public var normal: Vector3
    /// Lateral distance of "at the side" (`right_at`, `left_at`) from the midline point, metres.
    public var lateral: Double
    /// True for locations that exist on both sides (ear, cheek, shoulder top): without a side, the hand's own side.
    public var paired: Bool
}

/// A sample of the body's skin, attached to a joint: the hands stay on its outer side.
public struct SurfacePoint: Sendable, Equatable, Codable {
    /// The joint it moves with.
    public var joint: Int
    /// Position relative to that joint in the bind pose, metres.
    public var offset: Vector3
    /// Outward surface normal in the bind pose (unit).
    public var normal: Vector3
}

/// A volume the hands must not enter, attached to a joint.
public struct Collider: Sendable, Equatable, Codable {
    /// Name for messages ("head", "torso").
    public var name: String
    /// The joint it moves with.
    public var joint: Int
    /// Segment ends relative to the joint, bind pose, metres (equal for a sphere).
    public var start: Vector3, end: Vector3
    /// Radius around the segment, metres.
    public var radius: Double
}

/// A face or head control with its range; a control may drive one joint axis (head nod, shake, tilt).
public struct FaceControl: Sendable, Equatable, Codable {
    /// Name, such as `brow_raise`, `mouth_open`, `head_nod`.
    public var name: String
    /// Allowed values; 0 is neutral.
    public var range: ClosedRange<Double>
    /// The joint rotated by this control, if any, with its local axis (0 X, 1 Y, 2 Z) and radians per unit.
    public var drive: Drive?

    /// A joint rotation driven by a control: `angle = value × radiansPerUnit` about `axis`.
    public struct Drive: Sendable, Equatable, Codable {
        /// The joint turned (index into ``Rig/joints``).
        public var joint: Int
        /// Its local axis: 0 X, 1 Y, 2 Z.
        public var axis: Int
        /// Radians of rotation per unit of the control's value.
        public var radiansPerUnit: Double
    }
}
