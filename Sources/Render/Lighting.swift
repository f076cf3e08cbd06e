import Foundation

/// Studio lighting for the avatar: ambient, a key light, a fill light, and a soft specular highlight.
///
/// Directions point from the surface toward the light, in world space; intensities are linear.
public struct Lighting: Sendable, Equatable {
    /// Light reaching every surface.
    public var ambient: Float
    /// Direction to the key light (upper left, in front).
    public var keyDirection: Vec3
    /// Key light intensity.
    public var key: Float
    /// Direction to the fill light (right, lower), softening the key's shadows.
    public var fillDirection: Vec3
    /// Fill light intensity.
    public var fill: Float
    /// Strength of the Blinn-Phong highlight of the key light.
    public var specular: Float
    /// Blinn-Phong exponent: higher is a smaller, sharper highlight.
    public var shininess: Float

    /// Creates lighting; directions are normalised.
    public init(ambient: Float, keyDirection: Vec3, key: Float, fillDirection: Vec3, fill: Float,
                specular: Float, shininess: Float) {
        self.ambient = ambient
        self.keyDirection = keyDirection.normalized
        self.key = key
        self.fillDirection = fillDirection.normalized
        self.fill = fill
        self.specular = specular
        self.shininess = shininess
    }

    /// A three-quarter key from upper left, a weaker fill from the right: faces and hands read clearly.
    public static let studio = Lighting(ambient: 0.28, keyDirection: Vec3(-0.5, 0.6, 0.8), key: 0.75,
                                        fillDirection: Vec3(0.7, 0.1, 0.5), fill: 0.3, specular: 0.12, shininess: 24)

    /// The displayed colour (sRGB, 0–1) of a surface with linear `albedo` and unit `normal`, seen along `toEye`.
    public func shade(albedo: Vec3, normal: Vec3, toEye: Vec3) -> Vec3 {
        let diffuse = ambient + key * max(0, normal.dot(keyDirection)) + fill * max(0, normal.dot(fillDirection))
        let halfway = (keyDirection + toEye).normalized
        let facing = normal.dot(halfway)
        let highlight = facing > 0 ? specular * pow(facing, shininess) : 0
        let linear = albedo * diffuse + Vec3(repeating: highlight)
        return Vec3(Self.encode(linear.x), Self.encode(linear.y), Self.encode(linear.z))
    }

    /// Gamma 2.2 encoding (close to sRGB) so mid-tones are not crushed; a table, since `pow` per vertex
    /// channel dominated shading time.
    private static let gamma: [Float] = (0...4096).map { pow(Float($0) / 4096, 1 / 2.2) }

    @inline(__always) private static func encode(_ linear: Float) -> Float {
        gamma[Int(max(0, min(1, linear)) * 4096)]
    }
}
