/// The avatar's own body for a `.glb` export (``GLBWriter``): its skinned mesh, the base colour of each part
/// (linear, 0–1), and for every frame of the track the weight (0–1) of each morph target.
public struct GLBBody: Sendable {
    /// The mesh, skinned to the track's rig.
    public var mesh: SkinnedMesh
    /// Linear colour of each of `mesh.parts`.
    public var colors: [SIMD3<Float>]
    /// Per frame, one weight per morph target.
    public var morphWeights: [[Float]]

    /// Creates a body.
    public init(mesh: SkinnedMesh, colors: [SIMD3<Float>], morphWeights: [[Float]]) {
        self.mesh = mesh
        self.colors = colors
        self.morphWeights = morphWeights
    }
}
