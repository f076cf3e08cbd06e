import AnchorCore
import Motion

/// Renders the frames of an ``AnimationTrack`` with an avatar's geometry, framing its signing space.
///
/// Frames are made one at a time on demand, so a long track never holds more than one picture in memory.
public final class TrackRenderer {
    /// The avatar drawn.
    public let geometry: AvatarGeometry
    /// Picture width in pixels.
    public var width: Int { rasterizer.width }
    /// Picture height in pixels.
    public var height: Int { rasterizer.height }
    private let rasterizer: Rasterizer
    private let camera: Camera
    private let background: Background

    /// Prepares a renderer for `width`×`height` pictures.
    /// - Throws: ``RenderError/invalidArgument(_:)`` for a size under 16 or over 8192 pixels.
    public init(geometry: AvatarGeometry, width: Int, height: Int, background: Background = .studio, supersampling: Int = 2) throws {
        guard (16...8192).contains(width), (16...8192).contains(height) else {
            throw RenderError.invalidArgument("picture size \(width)x\(height) must be between 16 and 8192 pixels")
        }
        self.geometry = geometry
        rasterizer = Rasterizer(width: width, height: height, supersampling: supersampling)
        camera = SigningSpace.camera(for: geometry.rig, width: width, height: height)
        self.background = background
    }

    /// Checks that `track` was made for this avatar's rig (same joints and controls, in the same order).
    /// - Throws: ``RenderError/invalidArgument(_:)`` naming the mismatch.
    public func check(_ track: AnimationTrack) throws {
        let rig = geometry.rig
        guard track.jointNames == rig.joints.map(\.name) else {
            throw RenderError.invalidArgument("the animation is for rig '\(track.rigName)' with \(track.jointNames.count) joints, "
                + "not for rig '\(rig.name)' with \(rig.joints.count)")
        }
        guard track.controlNames == rig.controls.map(\.name) else {
            throw RenderError.invalidArgument("the animation's face controls do not match rig '\(rig.name)'")
        }
        guard track.fps > 0, track.frames.allSatisfy({ $0.rotations.count == rig.joints.count && $0.controls.count == rig.controls.count }) else {
            throw RenderError.invalidArgument("the animation has frames of the wrong size for rig '\(rig.name)'")
        }
    }

    /// The picture of the avatar in `frame`.
    public func render(_ frame: AnimationTrack.Frame) -> RGBAImage {
        let world = geometry.rig.forward(Pose(rotations: frame.rotations, rootPosition: frame.rootPosition))
        let pose = AvatarPose(positions: world.positions, rotations: world.orientations, controls: frame.controls)
        return rasterizer.render(geometry.mesh(pose), camera: camera, background: background)
    }

    /// The track's frame to show at `time` seconds: the last frame that has started, held after the end.
    public static func frameIndex(at time: Double, in track: AnimationTrack) -> Int {
        min(track.frames.count - 1, max(0, Int((time * track.fps + 1e-6).rounded(.down))))
    }
}
