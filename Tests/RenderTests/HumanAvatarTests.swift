import AnchorCore
import Foundation
import Motion
import Render
import Testing
import TestSupport

/// The human avatar that scripts/setup converts from MakeHuman's CC0 assets (.models/avatar, docs/avatar-mesh.md)
/// with Rigs/human.look: the real mesh, skinned and morphed as the renderer draws it.
@Suite("The human avatar: skinned mesh, face units, framing")
struct HumanAvatarTests {
    static let rigPath = TestFiles.packageRoot.appendingPathComponent(".models/avatar/human.rig").path
    static let lookPath = TestFiles.packageRoot.appendingPathComponent("Rigs/human.look").path
    static let meshPath = TestFiles.packageRoot.appendingPathComponent(".models/avatar/human.glb").path

    static func avatar() throws -> AvatarGeometry {
        let rig = try Rig.load(path: rigPath)
        return AvatarGeometry(rig: rig, look: try AvatarLook.load(path: lookPath, rig: rig))
    }

    /// The bind pose (every rotation zero: arms straight out), as the mesh was made.
    static func bindPose(_ avatar: AvatarGeometry, rotations change: [String: Quaternion] = [:], controls: [String: Double] = [:]) -> AvatarPose {
        var rotations = [Quaternion](repeating: .identity, count: avatar.rig.joints.count)
        for (name, rotation) in change { rotations[avatar.rig.jointIndex(name)!] = rotation }
        let world = avatar.rig.forward(Pose(rotations: rotations, rootPosition: avatar.rig.joints[0].offset))
        return AvatarPose(positions: world.positions, rotations: world.orientations,
                          controls: avatar.rig.controls.map { controls[$0.name] ?? 0 })
    }

    @Test("the mesh loads for its rig: every joint bound, 52 face units, weights normalised, each material a look colour")
    func loads() throws {
        let avatar = try Self.avatar()
        let body = try #require(avatar.look.body)
        let mesh = body.mesh
        #expect(mesh.positions.count > 10_000 && mesh.parts.reduce(0) { $0 + $1.triangles.count } > 20_000)
        #expect(mesh.morphTargets.count == 52 && mesh.morphTarget(named: "jawOpen") != nil && mesh.morphTarget(named: "eyeBlinkLeft") != nil)
        #expect(mesh.weights.allSatisfy { abs($0.sum() - 1) < 1e-5 })
        #expect(mesh.joints.allSatisfy { $0.max() < UInt16(avatar.rig.joints.count) })
        #expect(Set(mesh.parts.map(\.material)).isSuperset(of: ["skin", "shirt", "lips", "teeth", "iris"]))
        #expect(body.partColors.count == mesh.parts.count)
        #expect(!body.faceDrives.isEmpty)
        // Every file the look depends on, for cache keys: itself, the palette it includes, the mesh.
        #expect(avatar.look.files.map { ($0 as NSString).lastPathComponent } == ["human.look", "palette.look", "human.glb"])
    }

    @Test("skinning: the bind pose is the mesh itself; a bent elbow carries the hand round it and leaves the other hand")
    func skinning() throws {
        let avatar = try Self.avatar()
        let mesh = try #require(avatar.look.body).mesh
        let rig = avatar.rig
        // With every joint where the mesh was bound and no rotation, the drawn vertices are the mesh's own.
        let unposed = AvatarPose(positions: mesh.bindPositions.map { Vector3(Double($0.x), Double($0.y), Double($0.z)) },
                                 rotations: [Quaternion](repeating: .identity, count: rig.joints.count),
                                 controls: [Double](repeating: 0, count: rig.controls.count))
        // Keys at 10 µm: blending four joints' identical transforms rounds in the last float bits.
        func key(_ p: SIMD3<Float>) -> SIMD3<Int> { SIMD3(Int((p.x * 1e5).rounded()), Int((p.y * 1e5).rounded()), Int((p.z * 1e5).rounded())) }
        var index: [SIMD3<Int>: Int] = [:]
        for (i, p) in mesh.positions.enumerated() where index[key(p)] == nil { index[key(p)] = i }
        let unbent = avatar.mesh(unposed)
        #expect(unbent.positions.filter { index[key($0)] == nil }.count < unbent.positions.count / 1000)

        let bind = avatar.mesh(Self.bindPose(avatar))
        let quarter = Quaternion(axis: Vector3(0, 1, 0), angle: .pi / 2)
        let bent = avatar.mesh(Self.bindPose(avatar, rotations: ["forearm_r": quarter]))
        let elbow = rig.bindPositions[try #require(rig.jointIndex("forearm_r"))]
        let elbowPoint = SIMD3<Float>(Float(elbow.x), Float(elbow.y), Float(elbow.z))
        let handR = try #require(rig.jointIndex("hand_r")), handL = try #require(rig.jointIndex("hand_l"))
        // Vertices bound only to the right hand keep their distance to the elbow and turn 90° about it.
        var checkedRight = 0, checkedLeft = 0
        for (vertex, (before, after)) in zip(bind.positions, bent.positions).enumerated() {
            guard let source = index[key(unbent.positions[vertex])], mesh.weights[source].x > 0.999 else { continue }
            if mesh.joints[source].x == UInt16(handR) && checkedRight < 50 {
                #expect(abs((after - elbowPoint).length - (before - elbowPoint).length) < 1e-3, "vertex \(vertex)")
                #expect(abs((after - elbowPoint).dot(before - elbowPoint)) < 0.02 * (before - elbowPoint).length * (before - elbowPoint).length)
                checkedRight += 1
            } else if mesh.joints[source].x == UInt16(handL) && checkedLeft < 50 {
                #expect(after == before)
                checkedLeft += 1
            }
            if checkedRight == 50 && checkedLeft == 50 { break }
        }
        #expect(checkedRight == 50 && checkedLeft == 50)
    }

    @Test("face controls drive the face units: an open mouth drops the jaw, closed lids close the eyes")
    func faceUnits() throws {
        let avatar = try Self.avatar()
        let mesh = try #require(avatar.look.body).mesh
        let jaw = try #require(mesh.morphTarget(named: "jawOpen"))
        let rest = avatar.mesh(Self.bindPose(avatar))
        let open = avatar.mesh(Self.bindPose(avatar, controls: ["mouth_open": 1]))
        let closed = avatar.mesh(Self.bindPose(avatar, controls: ["lid_open": -1]))
        // The chin goes down: the lowest-moving jaw vertex drops by most of the unit's largest offset × its weight.
        let largestDrop = -(mesh.morphTargets[jaw].offsets.map(\.y).min() ?? 0)
        let drop = zip(rest.positions, open.positions).map { $0.y - $1.y }.max() ?? 0
        #expect(largestDrop > 0.005 && drop > largestDrop * 0.6, "jaw drop \(drop) m of \(largestDrop)")
        let moved = zip(rest.positions, closed.positions).filter { ($0 - $1).length > 0.001 }.count
        #expect(moved > 50, "\(moved) vertices moved closing the eyes")
        // The eyes turn with the gaze: looking to the avatar's left moves every iris towards +x, looking up towards +y.
        let body = try #require(avatar.look.body)
        let irisColour = body.partColors[try #require(mesh.parts.firstIndex { $0.material == "iris" })]
        let left = avatar.mesh(Self.bindPose(avatar, controls: ["gaze_h": 1]))
        let up = avatar.mesh(Self.bindPose(avatar, controls: ["gaze_v": 1]))
        // The drawn irises are the vertices in the iris colour (each part has its own copies).
        let indices = rest.colors.indices.filter { rest.colors[$0] == irisColour }
        func irisCentre(_ drawn: Mesh) -> SIMD3<Float> {
            indices.reduce(SIMD3<Float>.zero) { $0 + drawn.positions[$1] } / Float(max(1, indices.count))
        }
        #expect(indices.count > 20)
        let restIris = irisCentre(rest)
        #expect(irisCentre(left).x - restIris.x > 0.004, "the irises move \(irisCentre(left).x - restIris.x) m to the left")
        #expect(irisCentre(up).y - restIris.y > 0.003, "the irises move \(irisCentre(up).y - restIris.y) m up")
        // A control outside the face leaves the face alone; the lids' positive side (wide) is another unit.
        let wide = avatar.mesh(Self.bindPose(avatar, controls: ["lid_open": 1]))
        #expect(zip(closed.positions, wide.positions).contains { ($0 - $1).length > 0.001 })
    }

    @Test("a broadcast interpreter's framing: head at the top, the body down to the hips fills the picture, legs left out")
    func framing() throws {
        let avatar = try Self.avatar()
        let renderer = try TrackRenderer(geometry: avatar, width: 320, height: 180)
        let frame = try #require(try Animator(avatar: Avatar(rig: avatar.rig)).animate([.pause(0.04)]).track.frames.first)
        let image = renderer.render(frame)
        let pixels = image.pixels
        let background = Array(pixels[0..<4])
        func covered(row: Int) -> Int {
            var count = 0
            for x in 0..<320 {
                let i = (row * 320 + x) * 4
                if Array(pixels[i..<i + 4]) != background { count += 1 }
            }
            return count
        }
        let rows = (0..<180).filter { covered(row: $0) > 0 }
        let top = try #require(rows.first)
        #expect(top > 2 && top < 180 / 8, "the head starts at row \(top)")
        #expect(rows.last == 179, "the body reaches the bottom of the picture")
        // Large in its picture: the torso near the bottom is wide.
        #expect(covered(row: 170) > 320 / 6)
        // The legs are not drawn: no triangle lies wholly below the signing space.
        let world = avatar.rig.forward(Pose(rotations: frame.rotations, rootPosition: frame.rootPosition))
        let mesh = avatar.mesh(AvatarPose(positions: world.positions, rotations: world.orientations, controls: frame.controls))
        let bottom = SigningSpace.bounds(of: avatar.rig).minimum.y
        #expect(mesh.triangles.allSatisfy { t in [t.x, t.y, t.z].contains { mesh.positions[Int($0)].y >= bottom - 0.2 } })
    }

    @Test("bad mesh and face lines are named; a mesh made for another rig is refused with the distance")
    func badLines() throws {
        let rig = try Rig.load(path: Self.rigPath)
        let folder = TestFiles.packageRoot.appendingPathComponent("Rigs").path + "/x.look"
        for (text, needle) in [("face mouth_open jawOpen 1\n", "'face' lines come after the 'mesh' line"),
                               ("mesh nowhere.glb\n", "does not exist"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\nface mouth_open jawDrop 1\n", "no face unit 'jawDrop'"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\nface smile jawOpen 1\n", "no face control 'smile'"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\nface mouth_open jawOpen\n", "face CONTROL[+|-] UNIT WEIGHT"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\nlimb neck 0.1 0.1 skin\n", "no limb or blob lines"),
                               ("colour skin 1 1 1\nmesh ../.models/avatar/human.glb\n", "is not a colour of the look"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\neyes glass yaw gaze_h 40 pitch gaze_v 30\n", "no part 'glass'"),
                               ("include palette.look\nmesh ../.models/avatar/human.glb\neyes iris yaw gaze_h 40\n", "eyes PART… yaw CONTROL")] {
            let error = try #require(throws: RenderError.self) { try AvatarLook.parse(text, path: folder, rig: rig) }
            #expect(error.description.contains(needle), "\(text): \(error)")
        }
        let loop = try TestFiles.temporaryFolder().appendingPathComponent("loop.look")
        try "include loop.look\n".write(to: loop, atomically: true, encoding: .utf8)
        let nested = try #require(throws: RenderError.self) { try AvatarLook.load(path: loop.path, rig: rig) }
        #expect(nested.description.contains("nest more than"), "\(nested)")
        let adult = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let error = try #require(throws: MotionError.self) { try SkinnedMesh.load(path: Self.meshPath, rig: adult) }
        #expect(error.description.contains("mm from where rig 'adult' puts it"), "\(error)")
    }
}
