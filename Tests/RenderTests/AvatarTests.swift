import AnchorCore
import Foundation
import MediaIO
import Motion
import Render
import Testing
import TestSupport

@Suite("The avatar drawn from its rig and look")
struct AvatarTests {
    static let rigPath = TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path
    static let lookPath = TestFiles.packageRoot.appendingPathComponent("Rigs/adult.look").path

    static func avatar() throws -> AvatarGeometry {
        let rig = try Rig.load(path: rigPath)
        return AvatarGeometry(rig: rig, look: try AvatarLook.load(path: lookPath, rig: rig))
    }

    static func pose(_ avatar: AvatarGeometry, controls: [String: Double] = [:]) -> AvatarPose {
        let world = avatar.rig.forward(Pose(rest: avatar.rig))
        let values = avatar.rig.controls.map { controls[$0.name] ?? 0 }
        return AvatarPose(positions: world.positions, rotations: world.orientations, controls: values)
    }

    static let camera = Camera.framing(minimum: Vec3(-0.45, 0.95, -0.15), maximum: Vec3(0.45, 1.82, 0.45), width: 320, height: 240)

    @Test("the look loads, mirrors the right side to the left, and draws a closed mesh")
    func loads() throws {
        let avatar = try Self.avatar()
        let rightLimbs = avatar.look.limbs.filter { avatar.rig.joints[$0.joint].name.hasSuffix("_r") }.count
        let leftLimbs = avatar.look.limbs.filter { avatar.rig.joints[$0.joint].name.hasSuffix("_l") }.count
        #expect(rightLimbs > 15 && leftLimbs == rightLimbs)
        let mesh = avatar.mesh(Self.pose(avatar))
        #expect(mesh.triangles.count > 10_000)
        #expect(mesh.triangles.allSatisfy { $0.max() < UInt32(mesh.positions.count) })
    }

    @Test("bad look lines are named with their line number")
    func badLines() throws {
        let rig = try Rig.load(path: Self.rigPath)
        for (text, needle) in [("colour skin 1 1\n", ":1: 'colour' needs"), ("colour a 0 0 0\nlimb elbow 0.1 0.1 a\n", ":2: rig 'adult' has no joint 'elbow'"),
                               ("limb hand_r 0.1 0.1 pink\n", "colour 'pink' is not defined"),
                               ("colour a 0 0 0\nblob head 0 0 0 0.1 0.1 0.1 a move smile 1 0 0\n", "no face control 'smile'"),
                               ("sphere head\n", "unknown keyword 'sphere'")] {
            let error = try #require(throws: RenderError.self) { try AvatarLook.parse(text, path: "x.look", rig: rig) }
            #expect(error.description.contains(needle), "\(error)")
        }
    }

    @Test("hands are drawn where the skeleton puts them")
    func handsWhereTheSkeletonSays() throws {
        let avatar = try Self.avatar()
        let rasterizer = Rasterizer(width: 320, height: 240)
        let pose = Self.pose(avatar)
        let image = rasterizer.render(avatar.mesh(pose), camera: Self.camera)
        for name in ["middle1_r", "middle1_l"] {
            let joint = try #require(avatar.rig.jointIndex(name))
            let p = pose.positions[joint]
            let pixel = try #require(Self.camera.project(Vec3(Float(p.x), Float(p.y), Float(p.z)), width: 320, height: 240))
            let i = (Int(pixel.y) * 320 + Int(pixel.x)) * 4
            // Skin is light and warm: red well above blue. The shirt and background are dark or blue.
            #expect(Int(image.pixels[i]) > Int(image.pixels[i + 2]) + 30, "\(name) at \(pixel) is \(image.pixels[i..<i + 3])")
        }
    }

    @Test("face controls show: an open mouth and raised brows change the face")
    func faceControls() throws {
        let avatar = try Self.avatar()
        let rasterizer = Rasterizer(width: 320, height: 240)
        let neutral = rasterizer.render(avatar.mesh(Self.pose(avatar)), camera: Self.camera)
        let open = rasterizer.render(avatar.mesh(Self.pose(avatar, controls: ["mouth_open": 1])), camera: Self.camera)
        let raised = rasterizer.render(avatar.mesh(Self.pose(avatar, controls: ["brow_raise_l": 1, "brow_raise_r": 1])), camera: Self.camera)
        // The face is small at this size: count the pixels that visibly change.
        func changed(_ a: RGBAImage, _ b: RGBAImage) -> Int {
            zip(a.pixels, b.pixels).filter { abs(Int($0) - Int($1)) > 40 }.count
        }
        #expect(changed(neutral, open) > 15)
        #expect(changed(neutral, raised) > 8)
        let folder = try TestFiles.temporaryFolder()
        try PNGWriter.write(neutral, to: folder.appendingPathComponent("neutral.png").path)
        try PNGWriter.write(open, to: folder.appendingPathComponent("mouth-open.png").path)
    }
}
