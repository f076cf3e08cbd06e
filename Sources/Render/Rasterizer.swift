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
    /// Samples from one buffer row to the next: `sampleWidth` plus padding, so an eight-sample vector write that
    /// starts anywhere in a row stays in that row (rows are what the parallel bands own).
    private let rowStride: Int
    /// Supersampled colour, packed 0xAABBGGRR (little-endian RGBA bytes); `rowStride * sampleHeight`.
    private var color: [UInt32]
    /// Supersampled 1/z (reciprocal view depth, 1/metres): larger is nearer; 0 is empty.
    private var depth: [Float]
    private let bands: Int
    /// The last picture returned, `width * height * 4` bytes, with the background and covered region it was made
    /// with: its buffer is reused (no allocation, only the old region cleared) when the caller has let go of it.
    private var output: (pixels: [UInt8], clear: UInt32, region: (x: Range<Int>, y: Range<Int>)?)?
    /// The last frame's projected vertices and triangles, kept so each frame refills them without allocating.
    private var vertices: [ScreenVertex] = [], triangles: [ScreenTriangle] = []

    /// Creates a rasteriser for `width`×`height` frames.
    public init(width: Int, height: Int, supersampling: Int = 2) {
        precondition(width > 0 && height > 0 && (1...4).contains(supersampling), "bad rasteriser size")
        self.width = width
        self.height = height
        self.supersampling = supersampling
        sampleWidth = width * supersampling
        sampleHeight = height * supersampling
        rowStride = sampleWidth + Self.lanes - 1
        color = [UInt32](repeating: 0, count: rowStride * sampleHeight)
        depth = [Float](repeating: 0, count: rowStride * sampleHeight)
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
        let s = supersampling, rowStride = rowStride
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
                            for i in row * rowStride + columns.lowerBound..<row * rowStride + columns.upperBound {
                                color[i] = clear; depth[i] = 0
                            }
                        }
                        for triangle in triangles where triangle.minY < last && triangle.maxY >= first {
                            Self.draw(triangle, rows: max(first, triangle.minY)..<min(last, triangle.maxY + 1),
                                      width: rowStride, color: color, depth: depth)
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

    /// A mesh vertex projected and shaded.
    struct ScreenVertex {
        var screen: SIMD3<Float> // x, y in samples; z = view depth in metres
        var shaded: Vec3         // sRGB colour, 0–255
        var facing: Bool         // the normal is not turned away from the eye
    }

    /// Projects and shades every vertex once, then keeps the triangles that face the camera and are on screen.
    private func setUp(_ mesh: Mesh, camera: Camera, lighting: Lighting) -> [ScreenTriangle] {
        let projection = Projection(camera: camera, width: sampleWidth, height: sampleHeight)
        var vertices = self.vertices, triangles = self.triangles
        self.vertices = []; self.triangles = [] // unshared, so refilling them reuses their storage
        defer { self.vertices = vertices; self.triangles = triangles }
        vertices.removeAll(keepingCapacity: true)
        for i in mesh.positions.indices {
            let toEye = (camera.position - mesh.positions[i]).normalized
            vertices.append(ScreenVertex(
                screen: projection.screen(mesh.positions[i]),
                shaded: lighting.shade(albedo: mesh.colors[i], normal: mesh.normals[i], toEye: toEye) * 255,
                facing: mesh.normals[i].dot(toEye) > -0.05))
        }
        triangles.removeAll(keepingCapacity: true)
        let near: Float = 0.05
        for t in mesh.triangles {
            let a = vertices[Int(t.x)], b = vertices[Int(t.y)], c = vertices[Int(t.z)]
            // Back faces: all three normals turned away. Cheaper than a winding test and robust to either winding.
            guard a.facing || b.facing || c.facing else { continue }
            let sa = a.screen, sb = b.screen, sc = c.screen
            guard sa.z > near, sb.z > near, sc.z > near else { continue }
            let minX = max(0, Int(min(sa.x, sb.x, sc.x).rounded(.down)))
            let maxX = min(sampleWidth - 1, Int(max(sa.x, sb.x, sc.x).rounded(.up)))
            let minY = max(0, Int(min(sa.y, sb.y, sc.y).rounded(.down)))
            let maxY = min(sampleHeight - 1, Int(max(sa.y, sb.y, sc.y).rounded(.up)))
            guard minX <= maxX, minY <= maxY else { continue }
            triangles.append(ScreenTriangle(
                p0: SIMD2(sa.x, sa.y), p1: SIMD2(sb.x, sb.y), p2: SIMD2(sc.x, sc.y),
                inverseDepth: Vec3(1 / sa.z, 1 / sb.z, 1 / sc.z),
                c0: a.shaded, c1: b.shaded, c2: c.shaded,
                minX: minX, maxX: maxX, minY: minY, maxY: maxY))
        }
        return triangles
    }

    // MARK: - Filling

    /// Samples filled at once by `fill`.
    private static let lanes = 8

    /// Fills one triangle's samples in `rows` (`width` = samples per buffer row) with the z-test: per row, the run of
    /// samples inside is found once, then filled eight samples at a time without further edge tests.
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
        let step = Gradient(depth: (weightSteps * t.inverseDepth).sum(),
                            color: t.c0 * weightSteps.x + t.c1 * weightSteps.y + t.c2 * weightSteps.z)
        let span = t.maxX - t.minX
        let clamp = needsClamping(t, area: area)
        for y in rows {
            let p = SIMD2(Float(t.minX) + 0.5, Float(y) + 0.5)
            let w = SIMD3(edge(t.p1, t.p2, p), edge(t.p2, t.p0, p), edge(t.p0, t.p1, p)) * sign
            guard let run = inside(w, steps: steps, span: span) else { continue }
            let l = (w + steps * Float(run.lowerBound)) * (sign * inverseArea)
            // Colours are biased by `-truncation` so that `channel`, which rounds to nearest, truncates.
            let start = Gradient(depth: (l * t.inverseDepth).sum(),
                                 color: t.c0 * l.x + t.c1 * l.y + t.c2 * l.z - Vec3(repeating: truncation))
            fill(y * width + t.minX + run.lowerBound, count: run.count, start: start, step: step, clamp: clamp,
                 color: color, depth: depth)
        }
    }

    /// The samples k in `0...span` of a row where all three edge functions `w + steps·k` are ≥ 0, nil when none.
    ///
    /// The functions are linear in k, so the run is an interval: each inequality is solved for k, widened by a
    /// little slack for rounding, then the ends step inward until the sample passes the test itself (usually at
    /// once). A triangle is convex, so every sample between two inside samples is inside too. (Runs are short —
    /// most triangles are a few samples wide — so an exact run saves more vector work in `fill` than this costs.)
    /// The three solutions are worked out side by side, without branches, which mispredict on a row's edges.
    @inline(__always)
    private static func inside(_ w: SIMD3<Float>, steps: SIMD3<Float>, span: Int) -> ClosedRange<Int>? {
        // An edge parallel to the row (step 0) leaves every sample on the same side of it.
        guard !any(steps .== 0 .& w .< 0) else { return nil }
        let slack: Float = 0.01, limit = Float(span)
        let solution = -w / steps // where each edge function crosses zero (±∞ or NaN for step 0, masked out below)
        // Edges rising along the row bound k from below, falling ones from above.
        let lower = SIMD3<Float>(repeating: 0).replacing(with: solution - slack, where: steps .> 0)
        let upper = SIMD3<Float>(repeating: limit).replacing(with: solution + slack, where: steps .< 0)
        // Clamped before converting, so a tiny step cannot overflow Int; truncation is the floor at ≥ 0 (and
        // cheaper than `rounded`, a library call on baseline x86-64), and −1 empties the run.
        let low = min(limit + 1, max(max(lower.x, lower.y), lower.z)), whole = Int(low)
        var first = Float(whole) < low ? whole + 1 : whole
        var last = Int(max(-1, min(min(upper.x, upper.y), upper.z)))
        @inline(__always) func covered(_ k: Int) -> Bool {
            let wk = w + steps * Float(k)
            return wk.x >= 0 && wk.y >= 0 && wk.z >= 0
        }
        while first <= last && !covered(first) { first += 1 }
        while last > first && !covered(last) { last -= 1 }
        return first <= last ? first...last : nil
    }

    /// Depth (1/z) and shaded colour (0–255 per channel) at a sample, or their change per sample step in x.
    private struct Gradient {
        var depth: Float
        var color: Vec3
    }

    /// Z-tests and writes `count` consecutive samples from index `first`, whose depth and colour start at `start`
    /// and change by `step` per sample, eight samples at a time.
    ///
    /// The last group reads and writes back up to seven samples past the run unchanged (masked); the row padding
    /// keeps them in this band's row.
    @inline(__always)
    private static func fill(_ first: Int, count: Int, start: Gradient, step: Gradient, clamp: Bool,
                             color: SharedPointer<UInt32>, depth: SharedPointer<Float>) {
        let lane = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
        for k in stride(from: 0, to: count, by: lanes) {
            let offsets = lane + Float(k)
            let z = start.depth + step.depth * offsets
            let depths = UnsafeMutableRawPointer(depth.base + first + k)
            let old = depths.loadUnaligned(as: SIMD8<Float>.self)
            let nearer = z .> old .& (offsets .< Float(count))
            guard any(nearer) else { continue }
            depths.storeBytes(of: old.replacing(with: z, where: nearer), as: SIMD8<Float>.self)
            let r = channel(start.color.x, step.color.x, offsets, clamp: clamp)
            let g = channel(start.color.y, step.color.y, offsets, clamp: clamp)
            let b = channel(start.color.z, step.color.z, offsets, clamp: clamp)
            let packed = 0xFF00_0000 | b &<< 16 | g &<< 8 | r
            let colors = UnsafeMutableRawPointer(color.base + first + k)
            let previous = colors.loadUnaligned(as: SIMD8<UInt32>.self)
            colors.storeBytes(of: previous.replacing(with: packed, where: nearer), as: SIMD8<UInt32>.self)
        }
    }

    /// Whether a triangle's interpolated colours may leave 0–255. Inside, they lie between the corners' colours;
    /// interpolation errs by about ε·extent²/area (ε = 2⁻²⁴, float rounding), relative to the corner values. So only
    /// triangles with a corner channel near 0 or 255, or slivers (tiny area for their size), need clamping.
    private static func needsClamping(_ t: ScreenTriangle, area: Float) -> Bool {
        let extent = Float(max(t.maxX - t.minX, t.maxY - t.minY) + 1)
        guard extent * extent < 1000 * abs(area) else { return true } // error ≲ 1e-4 of 255 otherwise
        let low = Vec3(repeating: 1), high = Vec3(repeating: 254)
        return any(t.c0 .< low .| t.c1 .< low .| t.c2 .< low .| t.c0 .> high .| t.c1 .> high .| t.c2 .> high)
    }

    /// What `draw` subtracts from colours so that rounding them to nearest truncates them: just under ½, so exact
    /// integers (flat colours, 255 highlights) stay exact; values within 0.0005 below an integer round up instead.
    private static let truncation: Float = 0.4995

    /// One colour channel at eight samples (`start + step·offsets`, biased by `-truncation`) as integers 0–255.
    /// Clamped if `clamp` (rounding can overshoot the corner colours, see `needsClamping`).
    @inline(__always)
    private static func channel(_ start: Float, _ step: Float, _ offsets: SIMD8<Float>, clamp: Bool) -> SIMD8<UInt32> {
        var value = start + step * offsets
        if clamp { value = value.replacing(with: 0, where: value .< 0).replacing(with: 255, where: value .> 255) }
        // Rounding without a per-lane conversion (Swift's are scalar and overflow-checked): adding 1.5·2²³ rounds
        // the value to an integer, which then sits in the low mantissa bits.
        let magic: Float = 12_582_912
        return unsafeBitCast(value + magic, to: SIMD8<UInt32>.self) &- magic.bitPattern
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
        var pixels = background(clear)
        defer { output = (pixels, clear, region) }
        guard let region else { return RGBAImage(width: width, height: height, pixels: pixels) }
        let s = supersampling, rowStride = rowStride, width = width
        let rowsPerBand = (region.y.count + bands - 1) / bands
        color.withUnsafeBufferPointer { colorBuffer in
            pixels.withUnsafeMutableBytes { pixelBytes in
                let samples = SharedPointer(UnsafeMutableBufferPointer(mutating: colorBuffer))
                let pixels = SharedPointer(pixelBytes.bindMemory(to: UInt32.self))
                DispatchQueue.concurrentPerform(iterations: bands) { band in
                    let first = region.y.lowerBound + band * rowsPerBand, last = min(region.y.upperBound, first + rowsPerBand)
                    for y in first..<max(first, last) {
                        let samples = samples.base + y * s * rowStride, pixels = pixels.base + y * width
                        var x = region.x.lowerBound
                        if s == 2 { x = Self.resolveOpaque2x2(samples, rowStride: rowStride, pixels, x..<region.x.upperBound) }
                        for x in x..<region.x.upperBound {
                            pixels[x] = Self.resolvePixel(samples + x * s, rowStride: rowStride, supersampling: s, clear: clear)
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// A `width`×`height` picture of the background colour `clear` (packed RGBA), outside the region about to be
    /// resolved: the last picture's buffer when the caller has let go of it, with its old covered region cleared.
    private func background(_ clear: UInt32) -> [UInt8] {
        guard var last = output, last.clear == clear else {
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            pixels.withUnsafeMutableBytes { $0.bindMemory(to: UInt32.self).update(repeating: clear) }
            return pixels
        }
        output = nil // lets go of our reference, so the buffer is not copied on write when the caller has dropped it
        if let region = last.region {
            let width = width
            last.pixels.withUnsafeMutableBytes { bytes in
                let pixels = bytes.bindMemory(to: UInt32.self)
                for y in region.y {
                    UnsafeMutableBufferPointer(rebasing: pixels[y * width + region.x.lowerBound..<y * width + region.x.upperBound])
                        .update(repeating: clear)
                }
            }
        }
        return last.pixels
    }

    /// Resolves the pixels of one output row in `columns` whose four samples (2×2, from `samples`, rows
    /// `rowStride` apart) are all opaque — every pixel over an opaque background — four pixels at a time, and
    /// returns the first column left to `resolvePixel` (a partly covered group, or the last few pixels).
    @inline(__always)
    private static func resolveOpaque2x2(_ samples: UnsafeMutablePointer<UInt32>, rowStride: Int,
                                         _ pixels: UnsafeMutablePointer<UInt32>, _ columns: Range<Int>) -> Int {
        // Packed sums: red and blue (even bytes) and green and alpha (odd bytes) in 16-bit halves, which hold
        // four samples' sum (≤ 1020) without carrying into each other.
        let evenBytes = SIMD8<UInt32>(repeating: 0x00FF_00FF), opaque = SIMD8<UInt32>(repeating: 0xFF00_0000)
        var x = columns.lowerBound
        while x + 4 <= columns.upperBound {
            let top = UnsafeRawPointer(samples + 2 * x).loadUnaligned(as: SIMD8<UInt32>.self)
            let bottom = UnsafeRawPointer(samples + rowStride + 2 * x).loadUnaligned(as: SIMD8<UInt32>.self)
            guard all(top & bottom & opaque .== opaque) else { break }
            let even = (top & evenBytes) &+ (bottom & evenBytes), odd = (top &>> 8 & evenBytes) &+ (bottom &>> 8 & evenBytes)
            // Left and right samples of each pixel are neighbouring lanes; + 2 then ÷ 4 rounds the mean to nearest.
            let evenMean = (even.evenHalf &+ even.oddHalf &+ 0x0002_0002) &>> 2 & 0x00FF_00FF
            let oddMean = (odd.evenHalf &+ odd.oddHalf &+ 0x0002_0002) &>> 2 & 0x00FF_00FF
            UnsafeMutableRawPointer(pixels + x).storeBytes(of: evenMean | oddMean &<< 8, as: SIMD4<UInt32>.self)
            x += 4
        }
        return x
    }

    /// One output pixel from its `supersampling`² samples at `samples` (rows `rowStride` apart): the mean colour of
    /// the covered samples and coverage as alpha; `clear` (transparent) where none is covered.
    @inline(__always)
    private static func resolvePixel(_ samples: UnsafeMutablePointer<UInt32>, rowStride: Int, supersampling s: Int,
                                     clear: UInt32) -> UInt32 {
        var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0, a: UInt32 = 0
        for sy in 0..<s {
            for sx in 0..<s {
                // A sample is either covered (alpha 255) or background; transparent background is all zero, so
                // plain sums are premultiplied sums.
                let c = samples[sy * rowStride + sx]
                r += c & 0xFF; g += c >> 8 & 0xFF; b += c >> 16 & 0xFF; a += c >> 24
            }
        }
        guard a > 0 else { return clear }
        let n = UInt32(s * s)
        let red = (r * 255 + a / 2) / a, green = (g * 255 + a / 2) / a, blue = (b * 255 + a / 2) / a
        return ((a + n / 2) / n) << 24 | blue << 16 | green << 8 | red
    }
}
