import Foundation

/// The Motion stage's output: per-frame joint rotations and face control values at a fixed frame rate,
/// plus the time span of each gloss. Joints and controls are index-aligned with the rig's.
public struct AnimationTrack: Sendable, Equatable, Codable {
    /// One frame: the root's position and every joint's local rotation, and every control's value.
    public struct Frame: Sendable, Equatable, Codable {
        /// Root (pelvis) position, metres.
        public var rootPosition: Vector3
        /// Local joint rotations, one per rig joint.
        public var rotations: [Quaternion]
        /// Face and head control values, one per rig control.
        public var controls: [Double]
    }

    /// When a gloss is signed, seconds from the start of the track.
    public struct GlossSpan: Sendable, Equatable, Codable {
        /// The gloss signed.
        public var gloss: String
        /// Start and end, seconds from the start of the track.
        public var start: Double
        public var end: Double
        /// The sign's movement kind.
        public var movement: MovementKind
    }

    /// Frames per second.
    public var fps: Double
    /// The rig's name.
    public var rigName: String
    /// Joint names in rig order.
    public var jointNames: [String]
    /// Control names in rig order.
    public var controlNames: [String]
    /// The frames, the first at time 0.
    public var frames: [Frame]
    /// The glosses in order.
    public var spans: [GlossSpan]

    /// Length in seconds.
    public var duration: Double { Double(frames.count) / fps }

    /// The pose of frame `index` for forward kinematics.
    public func pose(_ index: Int) -> Pose {
        Pose(rotations: frames[index].rotations, rootPosition: frames[index].rootPosition)
    }
}
