/// Single-precision 3-vectors for the rasteriser: positions in metres (world) or pixels (screen), colours in linear 0–1.
public typealias Vec3 = SIMD3<Float>

extension SIMD3 where Scalar == Float {
    /// Dot product.
    @inlinable public func dot(_ other: Vec3) -> Float { (self * other).sum() }
    /// Cross product (right-handed).
    @inlinable public func cross(_ other: Vec3) -> Vec3 {
        Vec3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x)
    }
    /// Euclidean length.
    @inlinable public var length: Float { dot(self).squareRoot() }
    /// This vector scaled to length 1 (zero stays zero).
    @inlinable public var normalized: Vec3 {
        let l = length
        return l > 0 ? self / l : self
    }
}
