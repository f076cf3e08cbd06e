import Foundation

/// One posture of a rig: local joint rotations (index-aligned with ``Rig/joints``) and the root's position.
public struct Pose: Sendable, Equatable, Codable {
    /// Local rotation of each joint relative to its parent.
    public var rotations: [Quaternion]
    /// Position of the root joint in the rig frame, metres.
    public var rootPosition: Vector3

    /// Creates a pose from its parts.
    public init(rotations: [Quaternion], rootPosition: Vector3) {
        self.rotations = rotations
        self.rootPosition = rootPosition
    }

    /// The rig's rest pose (arms hanging).
    public init(rest rig: Rig) {
        self.init(rotations: rig.restRotations, rootPosition: rig.joints[0].offset)
    }
}

/// World-space result of forward kinematics: each joint's position (metres) and orientation.
public struct WorldPose: Sendable {
    /// Joint positions in the rig frame, metres.
    public var positions: [Vector3]
    /// Joint orientations in the rig frame.
    public var orientations: [Quaternion]

    /// Where a point given in joint `index`'s bind-pose frame is now.
    public func point(_ offset: Vector3, on index: Int) -> Vector3 {
        positions[index] + orientations[index] * offset
    }
}

extension Rig {
    /// Forward kinematics: world positions and orientations of every joint of `pose`.
    public func forward(_ pose: Pose) -> WorldPose {
        var positions = [Vector3](repeating: .zero, count: joints.count)
        var orientations = [Quaternion](repeating: .identity, count: joints.count)
        for (i, joint) in joints.enumerated() {
            if let parent = joint.parent {
                positions[i] = positions[parent] + orientations[parent] * joint.offset
                orientations[i] = orientations[parent] * pose.rotations[i]
            } else {
                positions[i] = pose.rootPosition
                orientations[i] = pose.rotations[i]
            }
        }
        return WorldPose(positions: positions, orientations: orientations)
    }

    /// The world position of landmark `name` in `world`, shifted sideways by `lateral` metres towards `side`.
    public func landmarkPoint(_ name: String, in world: WorldPose) -> (point: Vector3, normal: Vector3)? {
        guard let mark = landmarks[name] else { return nil }
        return (world.point(mark.offset, on: mark.joint), world.orientations[mark.joint] * mark.normal)
    }
}
