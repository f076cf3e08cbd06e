import AnchorCore
import Foundation
import MediaIO
import Render
import Testing
import TestSupport

@Suite("Software rasteriser")
struct RasterizerTests {
    static let albedo = Vec3(0.8, 0.55, 0.45)
    static let camera = Camera(position: Vec3(0, 0, 2), target: .zero, verticalFieldOfView: 0.6)

    /// The same lit sphere by ray casting, pixel by pixel, with `samples`×`samples` jittered rays per pixel:
    /// an independent reference for the rasteriser's projection, z-test, shading and anti-aliasing.
    static func rayCastSphere(radius: Float, width: Int, height: Int, samples: Int) -> RGBAImage {
        var image = RGBAImage(width: width, height: height, fill: (46, 64, 86, 255))
        let (eye, focal) = (camera.position, Float(height) / 2 / tan(camera.verticalFieldOfView / 2))
        for y in 0..<height {
            for x in 0..<width {
                var sum = Vec3.zero
                for sy in 0..<samples {
                    for sx in 0..<samples {
                        let px = Float(x) + (Float(sx) + 0.5) / Float(samples), py = Float(y) + (Float(sy) + 0.5) / Float(samples)
                        let direction = Vec3((px - Float(width) / 2) / focal, -(py - Float(height) / 2) / focal, -1).normalized
                        // |eye + t d|² = r²  →  t² + 2 (eye·d) t + |eye|² − r² = 0
                        let b = (eye * direction).sum(), c = (eye * eye).sum() - radius * radius
                        let discriminant = b * b - c
                        if discriminant < 0 { sum += Vec3(46, 64, 86); continue }
                        let hit = eye + direction * (-b - discriminant.squareRoot())
                        let normal = hit / radius
                        sum += Lighting.studio.shade(albedo: albedo, normal: normal, toEye: (eye - hit).normalized) * 255
                    }
                }
                let mean = sum / Float(samples * samples)
                let i = (y * width + x) * 4
                image.pixels[i] = UInt8(mean.x.rounded()); image.pixels[i + 1] = UInt8(mean.y.rounded()); image.pixels[i + 2] = UInt8(mean.z.rounded())
            }
        }
        return image
    }

    @Test("a lit sphere matches an independent ray caster (PSNR > 30 dB)")
    func sphereMatchesRayCaster() throws {
        let sphere = Mesh.ellipsoid(center: .zero, radii: Vec3(repeating: 0.4), color: Self.albedo, rings: 48, segments: 64)
        let ours = Rasterizer(width: 96, height: 72, supersampling: 4).render(sphere, camera: Self.camera)
        let reference = Self.rayCastSphere(radius: 0.4, width: 96, height: 72, samples: 4)
        let psnr = Signals.psnr(ours.pixels, reference.pixels)
        #expect(psnr > 30, "PSNR \(psnr) dB")
    }

    @Test("nearer surfaces hide farther ones whatever the drawing order")
    func depthTest() throws {
        let near = Mesh.ellipsoid(center: Vec3(0, 0, 0.3), radii: Vec3(repeating: 0.2), color: Vec3(0.9, 0.1, 0.1))
        let far = Mesh.ellipsoid(center: Vec3(0, 0, -0.3), radii: Vec3(repeating: 0.4), color: Vec3(0.1, 0.1, 0.9))
        var nearFirst = near; nearFirst.append(far)
        var farFirst = far; farFirst.append(near)
        let rasterizer = Rasterizer(width: 64, height: 64)
        let a = rasterizer.render(nearFirst, camera: Self.camera), b = rasterizer.render(farFirst, camera: Self.camera)
        #expect(a == b)
        let centre = (32 * 64 + 32) * 4
        #expect(Int(a.pixels[centre]) > Int(a.pixels[centre + 2]) + 80, "the red sphere is in front")
    }

    @Test("transparent background: alpha is coverage, soft only at edges")
    func transparency() throws {
        let sphere = Mesh.ellipsoid(center: .zero, radii: Vec3(repeating: 0.3), color: Self.albedo)
        let image = Rasterizer(width: 64, height: 64).render(sphere, camera: Self.camera, background: .transparent)
        let alphas = stride(from: 3, to: image.pixels.count, by: 4).map { image.pixels[$0] }
        #expect(alphas[0] == 0)
        #expect(alphas[32 * 64 + 32] == 255)
        let partial = alphas.filter { $0 > 0 && $0 < 255 }.count
        #expect(partial > 20 && partial < 400, "\(partial) edge pixels")
    }

    @Test("rendered frames encode to MP4 and decode back (PSNR > 35 dB)")
    func encodeRendered() throws {
        let folder = try TestFiles.temporaryFolder()
        let url = folder.appendingPathComponent("sphere.mp4")
        let rasterizer = Rasterizer(width: 128, height: 96)
        let encoder = try VideoEncoder(path: url.path, width: 128, height: 96, frameRate: try FrameRate(25))
        var frames: [RGBAImage] = []
        for index in 0..<10 {
            let sphere = Mesh.ellipsoid(center: Vec3(Float(index) * 0.05 - 0.25, 0, 0), radii: Vec3(repeating: 0.3), color: Self.albedo)
            frames.append(rasterizer.render(sphere, camera: Self.camera))
            try encoder.append(frames.last!)
        }
        try encoder.finish()
        let decoded = try TestMedia.decodeFrames(url, width: 128, height: 96)
        #expect(decoded.count == 10)
        for (frame, original) in zip(decoded, frames) { #expect(Signals.psnr(frame, original.pixels) > 35) }
        try PNGWriter.write(frames[5], to: folder.appendingPathComponent("still.png").path)
    }

    @Test("a rasteriser reused frame after frame draws each frame as a fresh one would, kept or dropped")
    func reuse() throws {
        // A big sphere, then a small one elsewhere (the old frame's region must be cleared), then a change of
        // background, and an empty frame; pictures are either dropped before the next frame (buffer reused) or kept (buffer copied).
        let big = Mesh.ellipsoid(center: Vec3(-0.2, 0.1, 0), radii: Vec3(repeating: 0.45), color: Self.albedo)
        let small = Mesh.ellipsoid(center: Vec3(0.3, -0.2, 0), radii: Vec3(repeating: 0.1), color: Self.albedo)
        let frames: [(Mesh, Background)] = [(big, .studio), (small, .studio), (Mesh(), .studio), (big, .studio), (small, .transparent),
                                            (big, .transparent), (small, .studio)]
        for keep in [false, true] {
            let reused = Rasterizer(width: 80, height: 60)
            var kept: [RGBAImage] = []
            for (mesh, background) in frames {
                let image = reused.render(mesh, camera: Self.camera, background: background)
                #expect(image == Rasterizer(width: 80, height: 60).render(mesh, camera: Self.camera, background: background))
                if keep { kept.append(image) }
            }
            #expect(kept.count == (keep ? frames.count : 0))
        }
    }
}
