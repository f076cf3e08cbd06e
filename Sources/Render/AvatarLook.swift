import AnchorCore
import Foundation
import Motion

/// How the avatar is drawn over a rig: either a skinned mesh (the human body, its materials coloured by name, its
/// face units driven by the rig's face controls) or the mannequin (a capsule per limb, ellipsoids for the head,
/// palms and face parts, moved and scaled by the face controls). Read from a `.look` file in `Rigs/`
/// (docs/avatar-look.md), so the avatar's appearance is data a designer edits without touching Swift.
public struct AvatarLook: Sendable {
    /// A capsule from a joint to each of its children (or to its end point), tapering from `radiusStart` to `radiusEnd` (metres).
    public struct Limb: Sendable, Equatable {
        public var joint: Int
        public var radiusStart: Float
        public var radiusEnd: Float
        public var color: Vec3
    }

    /// A control's effect on a blob: `value × offset` added to the centre (metres, joint frame) and
    /// radii multiplied by `1 + value × (scale − 1)` per axis.
    public struct Drive: Sendable, Equatable {
        public var control: Int
        public var offset: Vec3
        public var scale: Vec3
    }

    /// An ellipsoid fixed to a joint: centre and radii in the joint's frame, metres.
    public struct Blob: Sendable, Equatable {
        public var joint: Int
        public var center: Vec3
        public var radii: Vec3
        public var color: Vec3
        public var drives: [Drive]
    }

    /// How a face control turns face units (morph targets) of the mesh: each unit gains `value × weight` (`.both`, the
    /// signed value), or `|value| × weight` for values on the drive's one side only (`.positive`, `.negative`).
    public struct FaceDrive: Sendable {
        /// Which side of a control's range drives.
        public enum Side: Sendable, Equatable { case both, positive, negative }
        /// The rig's face control.
        public var control: Int
        /// The side of its range that drives.
        public var side: Side
        /// Morph target index and weight per unit of control.
        public var units: [(target: Int, weight: Float)]
    }

    /// The eyeballs of an `eyes` line: the mesh parts they are made of, turned about each eye's centre by a yaw
    /// control (+ to the avatar's left) and a pitch control (+ up), degrees per unit.
    public struct EyeTurn: Sendable {
        /// The mesh parts (materials) of the eyeballs.
        public var parts: [String]
        /// The control that turns them sideways, and degrees per unit (+ to the avatar's left).
        public var yaw: (control: Int, degrees: Float)
        /// The control that turns them up and down, and degrees per unit (+ up).
        public var pitch: (control: Int, degrees: Float)
    }

    /// The skinned mesh of a `mesh` line with the colour of each of its parts, the `face` lines' drives and the
    /// `eyes` line's eyeballs.
    public struct MeshBody: Sendable {
        /// The mesh, skinned to the look's rig.
        public var mesh: SkinnedMesh
        /// Linear colour of each of `mesh.parts`.
        public var partColors: [Vec3]
        /// Face controls → face units.
        public var faceDrives: [FaceDrive]
        /// How the eyeballs turn with the gaze, when an `eyes` line says.
        public var eyes: EyeTurn?
    }

    /// Named colours (`colour` lines), linear light 0–1.
    public var colors: [String: Vec3] = [:]
    /// Capsules, one per `limb` line.
    public var limbs: [Limb] = []
    /// Ellipsoids, one per `blob` line.
    public var blobs: [Blob] = []
    /// The skinned body of a `mesh` line; the look then has no limbs or blobs.
    public var body: MeshBody?
    /// Every file the look was read from, in order: itself, the files it includes, its mesh (for cache keys).
    public var files: [String] = []
}

extension AvatarLook {
    /// Adds the mirror image (x negated) of every limb and blob on a joint whose name ends in `from`,
    /// on the joint ending in `to` instead, as the rig's own `mirror` line does for joints.
    mutating func mirror(from: String, to: String, rig: Rig) {
        func twin(_ joint: Int) -> Int? {
            let name = rig.joints[joint].name
            guard name.hasSuffix(from) else { return nil }
            return rig.jointIndex(String(name.dropLast(from.count)) + to)
        }
        let flip = Vec3(-1, 1, 1)
        limbs += limbs.compactMap { limb in twin(limb.joint).map { Limb(joint: $0, radiusStart: limb.radiusStart, radiusEnd: limb.radiusEnd, color: limb.color) } }
        blobs += blobs.compactMap { blob in
            twin(blob.joint).map {
                Blob(joint: $0, center: blob.center * flip, radii: blob.radii, color: blob.color,
                     drives: blob.drives.map { Drive(control: $0.control, offset: $0.offset * flip, scale: $0.scale) })
            }
        }
    }
}
