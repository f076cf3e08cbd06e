import Motion

/// One frame of the avatar as the rasteriser needs it: where each joint is and how it is turned, in the rig frame.
public struct AvatarPose: Sendable, Equatable {
    /// World position of each joint, metres, parallel to the rig's joints.
    public var positions: [Vector3]
    /// World rotation of each joint (bind pose = identity), parallel to the rig's joints.
    public var rotations: [Quaternion]
    /// Face control values, parallel to the rig's controls; 0 is neutral.
    public var controls: [Double]

    /// Creates a pose.
    public init(positions: [Vector3], rotations: [Quaternion], controls: [Double]) {
        self.positions = positions
        self.rotations = rotations
        self.controls = controls
    }
}

/// Builds the avatar's triangle mesh for a pose from a rig and a look (the drawn body; Motion's `Avatar` moves it):
/// the look's skinned body when it has one, else the mannequin of capsules and ellipsoids.
public struct AvatarGeometry: Sendable {
    /// The skeleton.
    public let rig: Rig
    /// Shapes and colours over the skeleton.
    public let look: AvatarLook
    private let children: [[Int]]
    let meshBuilder: BodyMeshBuilder?

    /// Pairs a rig with its look.
    public init(rig: Rig, look: AvatarLook) {
        self.rig = rig
        self.look = look
        var children = [[Int]](repeating: [], count: rig.joints.count)
        for (index, joint) in rig.joints.enumerated() { if let parent = joint.parent { children[parent].append(index) } }
        self.children = children
        // The body below the signing space (legs, shoes) is never in the picture: 10 cm of margin for leaning.
        meshBuilder = look.body.map { BodyMeshBuilder(body: $0, cutHeight: SigningSpace.bounds(of: rig).minimum.y - 0.1) }
    }

    /// The look's skinned body for a `.glb` export of `track` (its face units animated from the face controls);
    /// nil for the mannequin.
    public func glbBody(for track: AnimationTrack) -> GLBBody? {
        guard let meshBuilder, let meshBody = look.body else { return nil }
        return GLBBody(mesh: meshBody.mesh, colors: meshBody.partColors,
                       morphWeights: track.frames.map { meshBuilder.unitWeights($0.controls) })
    }

    /// The mesh of the avatar in `pose`, in world space (metres, y up, facing +z).
    public func mesh(_ pose: AvatarPose) -> Mesh {
        if let meshBuilder { return meshBuilder.mesh(pose) }
        var mesh = Mesh()
        for limb in look.limbs {
            let start = Vec3(pose.positions[limb.joint])
            var ends = children[limb.joint].map { Vec3(pose.positions[$0]) }
            if ends.isEmpty, let end = rig.joints[limb.joint].end {
                ends = [Vec3(pose.positions[limb.joint] + pose.rotations[limb.joint] * end)]
            }
            // Thin parts (fingers) need fewer facets; they cover few pixels.
            let thin = limb.radiusStart < 0.02
            for end in ends {
                mesh.append(.capsule(from: start, to: end, radiusA: limb.radiusStart, radiusB: limb.radiusEnd, color: limb.color,
                                     rings: thin ? 3 : 6, segments: thin ? 10 : 16))
            }
        }
        for blob in look.blobs {
            var center = blob.center, radii = blob.radii
            for drive in blob.drives {
                let value = Float(pose.controls[drive.control])
                center += drive.offset * value
                radii *= Vec3(repeating: 1) + (drive.scale - Vec3(repeating: 1)) * value
            }
            radii = radii.replacing(with: Vec3(repeating: 0.0005), where: radii .< 0.0005)
            let rotation = pose.rotations[blob.joint]
            let basis = (Vec3(rotation * .unitX), Vec3(rotation * .unitY), Vec3(rotation * .unitZ))
            let world = Vec3(pose.positions[blob.joint]) + basis.0 * center.x + basis.1 * center.y + basis.2 * center.z
            let small = radii.max() < 0.02
            mesh.append(.ellipsoid(center: world, radii: radii, basis: basis, color: blob.color,
                                   rings: small ? 8 : 18, segments: small ? 12 : 28))
        }
        return mesh
    }
}

extension SIMD3 where Scalar == Float {
    /// A rig vector (double precision) for the rasteriser.
    init(_ v: Vector3) { self.init(Float(v.x), Float(v.y), Float(v.z)) }
}
