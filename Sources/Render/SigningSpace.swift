import Motion

/// The part of the scene a signing avatar needs on screen, framed as a broadcast interpreter is: from just above
/// the head to the hips, and wide enough for both elbows and hands held out to the sides.
public enum SigningSpace {
    /// The box around the signing space of `rig` in its bind pose, metres.
    ///
    /// Uses the rig's `headtop` and `belowstomach` landmarks and its shoulder width; hands reach about
    /// 1.6 shoulder-widths to each side. The box's front is 0.15 m before the body: the camera frames that plane, so
    /// a deeper box would shrink the avatar, and hands further forward are nearer the camera's axis anyway.
    public static func bounds(of rig: Rig) -> (minimum: Vec3, maximum: Vec3) {
        let world = rig.forward(Pose(rest: rig))
        let top = rig.landmarkPoint("headtop", in: world)?.point.y ?? world.positions.map(\.y).max() ?? 1.8
        let waist = rig.landmarkPoint("belowstomach", in: world)?.point.y ?? world.positions[0].y
        let shoulders = ["upperarm_r", "upperarm_l"].compactMap { rig.jointIndex($0) }.map { abs(world.positions[$0].x) }
        let halfWidth = (shoulders.max() ?? 0.2) * 2.6
        return (Vec3(-Float(halfWidth), Float(waist) - 0.03, -0.15), Vec3(Float(halfWidth), Float(top) + 0.03, 0.15))
    }

    /// A camera in front of the avatar framing its signing space in a `width`×`height` picture.
    public static func camera(for rig: Rig, width: Int, height: Int) -> Camera {
        let box = bounds(of: rig)
        return Camera.framing(minimum: box.minimum, maximum: box.maximum, width: width, height: height)
    }
}
