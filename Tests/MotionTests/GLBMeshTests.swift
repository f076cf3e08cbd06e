import Foundation
@testable import Motion
import Testing
import TestSupport

/// The human avatar's mesh (.models/avatar, made by scripts/setup) read from its .glb, and written back with an animation.
@Suite("Skinned meshes in .glb: read, and written with the animation")
struct GLBMeshTests {
    static let models = TestFiles.packageRoot.appendingPathComponent(".models/avatar")

    @Test("a .glb written with the body reads back to the same mesh, and its face weights are the track's")
    func roundTrip() throws {
        let rig = try Rig.load(path: Self.models.appendingPathComponent("human.rig").path)
        let mesh = try SkinnedMesh.load(path: Self.models.appendingPathComponent("human.glb").path, rig: rig)
        let (track, _) = try Animator(avatar: try Avatar(rig: rig)).animate([.sign(try Fixtures.sign("HALLO.sigml"))], fps: 25)
        let jaw = try #require(mesh.morphTarget(named: "jawOpen"))
        let weights = track.frames.indices.map { frame in
            (0..<mesh.morphTargets.count).map { $0 == jaw ? Float(frame % 10) / 10 : 0 }
        }
        let colors = mesh.parts.map { _ in SIMD3<Float>(0.5, 0.4, 0.3) }
        let data = try GLBWriter.document(track, rig: rig, body: GLBBody(mesh: mesh, colors: colors, morphWeights: weights))
        let file = try TestFiles.temporaryFolder().appendingPathComponent("human.glb")
        try data.write(to: file)
        let back = try SkinnedMesh.load(path: file.path, rig: rig)
        #expect(back.positions == mesh.positions && back.normals.count == mesh.normals.count)
        #expect(back.parts == mesh.parts)
        #expect(back.morphTargets == mesh.morphTargets)
        #expect(zip(back.weights, mesh.weights).allSatisfy { abs(($0 - $1).sum()) < 1e-6 })
        #expect(back.joints == mesh.joints)
        // The weights channel: frames × targets values on the mesh node, as written.
        let reader = try GLBReader(data: data, path: file.path)
        let animation = try #require(reader.document.animations.first)
        let channel = try #require(animation.channels.first { $0.target.path == .weights })
        let values = try reader.floats(animation.samplers[channel.sampler].output)
        #expect(values.count == track.frames.count * mesh.morphTargets.count)
        #expect(values[3 * mesh.morphTargets.count + jaw] == 0.3)
        #expect(reader.document.nodes[channel.target.node].mesh != nil)
    }

    @Test("a file that is not a .glb, or is cut short, is a named error")
    func badFiles() throws {
        let rig = try Rig.load(path: Self.models.appendingPathComponent("human.rig").path)
        let folder = try TestFiles.temporaryFolder()
        let text = folder.appendingPathComponent("text.glb")
        try Data("hello, not a model".utf8).write(to: text)
        let notGLB = try #require(throws: MotionError.self) { try SkinnedMesh.load(path: text.path, rig: rig) }
        #expect(notGLB.description.contains("text.glb") && notGLB.description.contains("not a binary glTF"))
        let whole = try Data(contentsOf: Self.models.appendingPathComponent("human.glb"))
        let cut = folder.appendingPathComponent("cut.glb")
        try whole.prefix(whole.count / 2).write(to: cut)
        let truncated = try #require(throws: MotionError.self) { try SkinnedMesh.load(path: cut.path, rig: rig) }
        #expect(truncated.description.contains("cut.glb"), "\(truncated)")
        #expect(throws: MotionError.self) { try SkinnedMesh.load(path: folder.appendingPathComponent("none.glb").path, rig: rig) }
    }
}
