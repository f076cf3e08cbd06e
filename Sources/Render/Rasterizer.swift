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
        // Only the picture area the avatar covers is sampled; the rest is plain background.
        let region = Self.coveredRegion(triangles, supersampling: supersampling, width: width, height: height)
        let s = supersampling, sampleWidth = sampleWidth
        if let region {
            let top = region.y.lowerBound * s, sampleRows = region.y.count * s
            let columns = region.x.lowerBound * s..<region.x.upperBound * s
            let rowsPerBand = (sampleRows + bands - 1) / bands
            color.withUnsafeMutableBufferPointer { colorBuffer in
                depth.withUnsafeMutableBufferPointer { depthBuffer in
                    let color = SharedPointer(colorBuffer), depth = SharedPointer(depthBuffer)
                    DispatchQueue.concurrentPerform(iterations: bands) { band in
                        let first = top + band * rowsPerBand, last = min(top + sampleRows, first + rowsPerBand)
                        guard first < last else { return }
                        for row in first..<last {
                            for i in row * sampleWidth + columns.lowerBound..<row * sampleWidth + columns.upperBound {
                                color[i] = clear; depth[i] = 0
                            }
                        }
                        for triangle in triangles where triangle.minY < last && triangle.maxY >= first {
                            Self.draw(triangle, rows: max(first, triangle.minY)..<min(last, triangle.maxY + 1),
                                      width: sampleWidth, color: color, depth: depth)
                        }
                    }
                }
            }
        }
        return resolve(region: region, clear: clear)
    }

    /// The output pixels the triangles touch (whole pixels, clipped to the picture), nil when none.
    private static func coveredRegion(_ triangles: [ScreenTriangle], supersampling s: Int, width: Int, height: Int)
        -> (x: Range<Int>, y: Range<Int>)? {
        guard !triangles.isEmpty else { return nil }
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for t in triangles {
            minX = min(minX, t.minX); maxX = max(maxX, t.maxX); minY = min(minY, t.minY); maxY = max(maxY, t.maxY)
        }
        return (minX / s..<min(width, maxX / s + 1), minY / s..<min(height, maxY / s + 1))
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
        let projection = Projection(camera: camera, width: sampleWidth, height: sampleHeight)
        var screen = [SIMD3<Float>](repeating: .zero, count: mesh.positions.count) // x, y in samples; z = view depth
        var shaded = [Vec3](repeating: .zero, count: mesh.positions.count)
        var facing = [Bool](repeating: false, count: mesh.positions.count)
        for i in mesh.positions.indices {
            screen[i] = projection.screen(mesh.positions[i])
            let toEye = (camera.position - mesh.positions[i]).normalized
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
        // With the signs folded in, a sample is inside when all three w are ≥ 0.
        let sign: Float = area > 0 ? 1 : -1
        let steps = SIMD3(a0, a1, a2) * sign
        // Barycentric weights change by a·(1/area) per sample, so depth and colour step by constants along a row.
        let weightSteps = SIMD3(a0, a1, a2) * inverseArea
        let depthStep = (weightSteps * t.inverseDepth).sum()
        let colorStep = t.c0 * weightSteps.x + t.c1 * weightSteps.y + t.c2 * weightSteps.z
        let span = t.maxX - t.minX
        for y in rows {
            let p = SIMD2(Float(t.minX) + 0.5, Float(y) + 0.5)
            var w = SIMD3(edge(t.p1, t.p2, p), edge(t.p2, t.p0, p), edge(t.p0, t.p1, p)) * sign
            // Each w is linear along the row: solve w + step·k ≥ 0 for the run of k inside, then walk only that run
            // (thin and small triangles would otherwise waste most of their bounding box).
            var first = 0, last = span
            for i in 0..<3 {
                if steps[i] > 0 { first = max(first, Int((-w[i] / steps[i]).rounded(.up)) - 1) }
                else if steps[i] < 0 { last = min(last, Int((w[i] / -steps[i]).rounded(.down)) + 1) }
                else if w[i] < 0 { first = last + 1 }
            }
            guard first <= last else { continue }
            w += steps * Float(first)
            let l = w * (sign * inverseArea)
            var z = (l * t.inverseDepth).sum()
            var c = t.c0 * l.x + t.c1 * l.y + t.c2 * l.z
            let row = y * width + t.minX
            for k in first...last {
                if w.x >= 0 && w.y >= 0 && w.z >= 0 && z > depth[row + k] {
                    depth[row + k] = z
                    // Stepping can overshoot the corner colours by a rounding error: clamp to bytes.
                    let r = UInt32(max(0, min(255, c.x))), g = UInt32(max(0, min(255, c.y))), b = UInt32(max(0, min(255, c.z)))
                    color[row + k] = 0xFF00_0000 | b << 16 | g << 8 | r
                }
                w += steps
                z += depthStep
                c += colorStep
            }
        }
    }

    /// Twice the signed area of triangle (a, b, p): positive when p is left of a→b in y-down screen space.
    @inline(__always)
    private static func edge(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ p: SIMD2<Float>) -> Float {
        (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
    }

    // MARK: - Resolve

    /// Box-filters the covered region of the supersampled buffer to the output size and fills the rest with
    /// the background. Alpha is coverage; colour is un-premultiplied so edges over a transparent background key cleanly.
    private func resolve(region: (x: Range<Int>, y: Range<Int>)?, clear: UInt32) -> RGBAImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeMutableBytes { $0.bindMemory(to: UInt32.self).update(repeating: clear) }
        guard let region else { return RGBAImage(width: width, height: height, pixels: pixels) }
        let s = supersampling, sampleWidth = sampleWidth, width = width
        let rowsPerBand = (region.y.count + bands - 1) / bands
        color.withUnsafeMutableBufferPointer { colorBuffer in
            pixels.withUnsafeMutableBufferPointer { pixelBuffer in
                let color = SharedPointer(colorBuffer), pixels = SharedPointer(pixelBuffer)
                DispatchQueue.concurrentPerform(iterations: bands) { band in
                    let first = region.y.lowerBound + band * rowsPerBand, last = min(region.y.upperBound, first + rowsPerBand)
                    guard first < last else { return }
                    for y in first..<last {
                        for x in region.x {
                            var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0, a: UInt32 = 0
                            for sy in 0..<s {
                                let base = (y * s + sy) * sampleWidth + x * s
                                for sx in 0..<s {
                                    // A sample is either covered (alpha 255) or background; transparent background is
                                    // all zero, so plain sums are premultiplied sums.
                                    let c = color[base + sx]
                                    r += c & 0xFF; g += c >> 8 & 0xFF; b += c >> 16 & 0xFF; a += c >> 24
                                }
                            }
                            let out = (y * width + x) * 4
                            if a > 0 {
                                pixels[out] = UInt8((r * 255 + a / 2) / a)
                                pixels[out + 1] = UInt8((g * 255 + a / 2) / a)
                                pixels[out + 2] = UInt8((b * 255 + a / 2) / a)
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
