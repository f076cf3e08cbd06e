import AnchorCore
import Foundation

/// A software z-buffer rasteriser: Gouraud-shaded triangle meshes to anti-aliased RGBA frames, on every core.
///
/// Each frame is drawn at `supersampling`× the output size in both directions and box-filtered down, which
/// anti-aliases every edge, fingers included. The buffers are allocated once per rasteriser, so rendering a long
/// video does not grow memory. One rasteriser renders one frame at a time; it is not thread-safe.
public final class Rasterizer {
    /// Output width in pixels.
    public let width: Int
    /// Output height in pixels.
    public let height: Int
    /// Samples per pixel along each axis (1 = no anti-aliasing, 2 = 4 samples per pixel, …).
    public let supersampling: Int

    private let sampleWidth: Int, sampleHeight: Int
    /// Supersampled colour, packed 0xAABBGGRR (little-endian RGBA bytes); `sampleWidth * sampleHeight`.
    private var color: [UInt32]
    /// Supersampled 1/z (reciprocal view depth, 1/metres): larger is nearer; 0 is empty.
    private var depth: [Float]
    private let bands: Int

    /// Creates a rasteriser for `width`×`height` frames.
    public init(width: Int, height: Int, supersampling: Int = 2) {
        precondition(width > 0 && height > 0 && (1...4).contains(supersampling), "bad rasteriser size")
        self.width = width
        self.height = height
        self.supersampling = supersampling
        sampleWidth = width * supersampling
        sampleHeight = height * supersampling
        color = [UInt32](repeating: 0, count: sampleWidth * sampleHeight)
        depth = [Float](repeating: 0, count: sampleWidth * sampleHeight)
        // More bands than cores balances the load: the avatar fills the middle rows more than the top and bottom.
        bands = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
    }

    /// Draws `mesh` as seen by `camera` under `lighting` over `background`.
    public func render(_ mesh: Mesh, camera: Camera, lighting: Lighting = .studio, background: Background = .studio) -> RGBAImage {
        let triangles = setUp(mesh, camera: camera, lighting: lighting)
        let clear: UInt32 = switch background {
        case let .color(r, g, b): 0xFF00_0000 | UInt32(b) << 16 | UInt32(g) << 8 | UInt32(r)
        case .transparent: 0
        }
        let rowsPerBand = (sampleHeight + bands - 1) / bands
        let sampleWidth = sampleWidth, sampleHeight = sampleHeight
        color.withUnsafeMutableBufferPointer { colorBuffer in
            depth.withUnsafeMutableBufferPointer { depthBuffer in
                let color = SharedPointer(colorBuffer), depth = SharedPointer(depthBuffer)
                DispatchQueue.concurrentPerform(iterations: bands) { band in
                    let top = band * rowsPerBand, bottom = min(sampleHeight, top + rowsPerBand)
                    guard top < bottom else { return }
                    for i in top * sampleWidth..<bottom * sampleWidth { color[i] = clear; depth[i] = 0 }
                    for triangle in triangles where triangle.minY < bottom && triangle.maxY >= top {
                        Self.draw(triangle, rows: max(top, triangle.minY)..<min(bottom, triangle.maxY + 1),
                                  width: sampleWidth, color: color, depth: depth)
                    }
                }
            }
        }
        return downsample()
    }

    // MARK: - Triangle set-up

    /// A triangle in supersampled screen space, ready to fill.
    struct ScreenTriangle {
        var p0: SIMD2<Float>, p1: SIMD2<Float>, p2: SIMD2<Float>
        var inverseDepth: Vec3          // 1/z at each corner
        var c0: Vec3, c1: Vec3, c2: Vec3 // shaded sRGB colour at each corner, 0–255
        var minX: Int, maxX: Int, minY: Int, maxY: Int
    }

    /// Projects and shades every vertex once, then keeps the triangles that face the camera and are on screen.
    private func setUp(_ mesh: Mesh, camera: Camera, lighting: Lighting) -> [ScreenTriangle] {
        let (right, up, forward) = camera.basis
        let focal = Float(sampleHeight) / 2 / tan(camera.verticalFieldOfView / 2)
        let centerX = Float(sampleWidth) / 2, centerY = Float(sampleHeight) / 2
        var screen = [SIMD3<Float>](repeating: .zero, count: mesh.positions.count) // x, y in samples; z = view depth
        var shaded = [Vec3](repeating: .zero, count: mesh.positions.count)
        var facing = [Bool](repeating: false, count: mesh.positions.count)
        for i in mesh.positions.indices {
            let relative = mesh.positions[i] - camera.position
            let z = relative.dot(forward)
            screen[i] = SIMD3(centerX + focal * relative.dot(right) / z, centerY - focal * relative.dot(up) / z, z)
            let toEye = (-relative).normalized
            facing[i] = mesh.normals[i].dot(toEye) > -0.05
            shaded[i] = lighting.shade(albedo: mesh.colors[i], normal: mesh.normals[i], toEye: toEye) * 255
        }
        var triangles: [ScreenTriangle] = []
        triangles.reserveCapacity(mesh.triangles.count / 2)
        let near: Float = 0.05
        for t in mesh.triangles {
            let a = Int(t.x), b = Int(t.y), c = Int(t.z)
            // Back faces: all three normals turned away. Cheaper than a winding test and robust to either winding.
            guard facing[a] || facing[b] || facing[c] else { continue }
            let sa = screen[a], sb = screen[b], sc = screen[c]
            guard sa.z > near, sb.z > near, sc.z > near else { continue }
            let minX = max(0, Int(min(sa.x, sb.x, sc.x).rounded(.down)))
            let maxX = min(sampleWidth - 1, Int(max(sa.x, sb.x, sc.x).rounded(.up)))
            let minY = max(0, Int(min(sa.y, sb.y, sc.y).rounded(.down)))
            let maxY = min(sampleHeight - 1, Int(max(sa.y, sb.y, sc.y).rounded(.up)))
            guard minX <= maxX, minY <= maxY else { continue }
            triangles.append(ScreenTriangle(
                p0: SIMD2(sa.x, sa.y), p1: SIMD2(sb.x, sb.y), p2: SIMD2(sc.x, sc.y),
                inverseDepth: Vec3(1 / sa.z, 1 / sb.z, 1 / sc.z),
                c0: shaded[a], c1: shaded[b], c2: shaded[c],
                minX: minX, maxX: maxX, minY: minY, maxY: maxY))
        }
        return triangles
    }

    // MARK: - Filling

    /// Fills one triangle's samples in `rows` with the z-test, using edge functions stepped along each row.
    private static func draw(_ t: ScreenTriangle, rows: Range<Int>, width: Int,
                             color: SharedPointer<UInt32>, depth: SharedPointer<Float>) {
        let area = edge(t.p0, t.p1, t.p2)
        guard abs(area) > 1e-6 else { return }
        let inverseArea = 1 / area
        // Each edge function changes by a constant per sample step in x; w0 is opposite p0, and so on.
        let a0 = t.p1.y - t.p2.y, a1 = t.p2.y - t.p0.y, a2 = t.p0.y - t.p1.y
        let sign: Float = area > 0 ? 1 : -1
        for y in rows {
            let py = Float(y) + 0.5, px = Float(t.minX) + 0.5
            var w0 = edge(t.p1, t.p2, SIMD2(px, py)), w1 = edge(t.p2, t.p0, SIMD2(px, py)), w2 = edge(t.p0, t.p1, SIMD2(px, py))
            let row = y * width
            for x in t.minX...t.maxX {
                if w0 * sign >= 0 && w1 * sign >= 0 && w2 * sign >= 0 {
                    let l0 = w0 * inverseArea, l1 = w1 * inverseArea, l2 = w2 * inverseArea
                    let z = l0 * t.inverseDepth.x + l1 * t.inverseDepth.y + l2 * t.inverseDepth.z
                    let index = row + x
                    if z > depth[index] {
                        depth[index] = z
                        let c = t.c0 * l0 + t.c1 * l1 + t.c2 * l2
                        color[index] = 0xFF00_0000 | UInt32(max(0, min(255, c.z))) << 16
                            | UInt32(max(0, min(255, c.y))) << 8 | UInt32(max(0, min(255, c.x)))
                    }
                }
                w0 += a0; w1 += a1; w2 += a2
            }
        }
    }

    /// Twice the signed area of triangle (a, b, p): positive when p is left of a→b in y-down screen space.
    @inline(__always)
    private static func edge(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ p: SIMD2<Float>) -> Float {
        (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
    }

    // MARK: - Resolve

    /// Box-filters the supersampled buffer to the output size. Alpha is coverage; colour is un-premultiplied
    /// so edges over a transparent background key cleanly.
    private func downsample() -> RGBAImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let s = supersampling, sampleWidth = sampleWidth, width = width, height = height
        let rowsPerBand = (height + bands - 1) / bands
        color.withUnsafeMutableBufferPointer { colorBuffer in
            pixels.withUnsafeMutableBufferPointer { pixelBuffer in
                let color = SharedPointer(colorBuffer), pixels = SharedPointer(pixelBuffer)
                DispatchQueue.concurrentPerform(iterations: bands) { band in
                    for y in band * rowsPerBand..<min(height, (band + 1) * rowsPerBand) {
                        for x in 0..<width {
                            var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0, a: UInt32 = 0
                            for sy in 0..<s {
                                let base = (y * s + sy) * sampleWidth + x * s
                                for sx in 0..<s {
                                    let c = color[base + sx]
                                    let alpha = c >> 24
                                    r += (c & 0xFF) * alpha; g += (c >> 8 & 0xFF) * alpha; b += (c >> 16 & 0xFF) * alpha
                                    a += alpha
                                }
                            }
                            let out = (y * width + x) * 4
                            if a > 0 {
                                pixels[out] = UInt8((r + a / 2) / a)
                                pixels[out + 1] = UInt8((g + a / 2) / a)
                                pixels[out + 2] = UInt8((b + a / 2) / a)
                                pixels[out + 3] = UInt8((a + UInt32(s * s) / 2) / UInt32(s * s))
                            }
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
