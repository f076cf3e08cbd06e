import Foundation

/// A pinhole camera: where it is, what it looks at, and how wide it sees.
public struct Camera: Sendable, Equatable {
    /// Eye position in metres.
    public var position: Vec3
    /// Point looked at, in metres.
    public var target: Vec3
    /// Approximate up direction (y).
    public var up: Vec3 = Vec3(0, 1, 0)
    /// Vertical field of view in radians.
    public var verticalFieldOfView: Float

    /// Creates a camera.
    public init(position: Vec3, target: Vec3, up: Vec3 = Vec3(0, 1, 0), verticalFieldOfView: Float) {
        self.position = position
        self.target = target
        self.up = up
        self.verticalFieldOfView = verticalFieldOfView
    }

    /// A camera on the +z axis that frames the box `minimum…maximum` (the signing space: head to waist,
    /// both elbows) in a `width`×`height` picture with `margin` (fraction of the box) around it.
    public static func framing(minimum: Vec3, maximum: Vec3, width: Int, height: Int, margin: Float = 0.08,
                               verticalFieldOfView: Float = 0.5) -> Camera {
        let center = (minimum + maximum) / 2
        let size = maximum - minimum
        let aspect = Float(width) / Float(height)
        let halfHeight = max(size.y / 2, size.x / 2 / aspect) * (1 + margin)
        let distance = halfHeight / tan(verticalFieldOfView / 2) + size.z / 2
        return Camera(position: center + Vec3(0, 0, distance), target: center, verticalFieldOfView: verticalFieldOfView)
    }

    /// Where `point` appears in a `width`×`height` picture: x, y in pixels from the top-left corner, and the depth
    /// in metres along the view direction; nil when the point is behind the camera.
    public func project(_ point: Vec3, width: Int, height: Int) -> SIMD3<Float>? {
        let projection = Projection(camera: self, width: width, height: height)
        return projection.depth(point) > 0 ? projection.screen(point) : nil
    }

    /// The camera's orthonormal basis: right, true up, forward (into the scene).
    var basis: (right: Vec3, up: Vec3, forward: Vec3) {
        let forward = (target - position).normalized
        let right = forward.cross(up).normalized
        return (right, right.cross(forward), forward)
    }
}

/// A camera's projection to a picture of a given size, set up once per frame.
struct Projection {
    let eye: Vec3, right: Vec3, up: Vec3, forward: Vec3
    let focal: Float, centerX: Float, centerY: Float

    init(camera: Camera, width: Int, height: Int) {
        (right, up, forward) = camera.basis
        eye = camera.position
        focal = Float(height) / 2 / tan(camera.verticalFieldOfView / 2)
        centerX = Float(width) / 2
        centerY = Float(height) / 2
    }

    /// Depth along the view direction, metres.
    @inline(__always) func depth(_ point: Vec3) -> Float { (point - eye).dot(forward) }

    /// x, y in pixels and the view depth in metres.
    @inline(__always) func screen(_ point: Vec3) -> SIMD3<Float> {
        let relative = point - eye
        let z = relative.dot(forward)
        return SIMD3(centerX + focal * relative.dot(right) / z, centerY - focal * relative.dot(up) / z, z)
    }
}
