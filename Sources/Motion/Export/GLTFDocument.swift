/// The glTF 2.0 JSON document, as far as ``GLBWriter`` writes it and ``GLBReader`` reads it: one scene with a
/// skeleton, skinned meshes with materials and morph targets, and animations (the glTF 2.0 specification's names, so
/// that each property encodes as the specification spells it; optional properties are left out when nil).
struct GLTFDocument: Codable, Equatable {
    var asset = Asset(version: "2.0", generator: "SignAnchor")
    var scene = 0
    var scenes: [Scene] = []
    var nodes: [Node] = []
    var meshes: [Mesh] = []
    var skins: [Skin] = []
    var animations: [Animation] = []
    var buffers: [Buffer] = []
    var bufferViews: [BufferView] = []
    var accessors: [Accessor] = []
    var materials: [Material]?

    init() {}

    /// Top-level arrays may be absent from a file (a file without animations has no `animations`).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        asset = try c.decode(Asset.self, forKey: .asset)
        scene = try c.decodeIfPresent(Int.self, forKey: .scene) ?? 0
        scenes = try c.decodeIfPresent([Scene].self, forKey: .scenes) ?? []
        nodes = try c.decodeIfPresent([Node].self, forKey: .nodes) ?? []
        meshes = try c.decodeIfPresent([Mesh].self, forKey: .meshes) ?? []
        skins = try c.decodeIfPresent([Skin].self, forKey: .skins) ?? []
        animations = try c.decodeIfPresent([Animation].self, forKey: .animations) ?? []
        buffers = try c.decodeIfPresent([Buffer].self, forKey: .buffers) ?? []
        bufferViews = try c.decodeIfPresent([BufferView].self, forKey: .bufferViews) ?? []
        accessors = try c.decodeIfPresent([Accessor].self, forKey: .accessors) ?? []
        materials = try c.decodeIfPresent([Material].self, forKey: .materials)
    }

    /// The glTF version and the writer.
    struct Asset: Codable, Equatable {
        var version: String
        var generator: String
    }

    /// The root nodes shown together.
    struct Scene: Codable, Equatable {
        var nodes: [Int]
    }

    /// A joint (translation in metres from its parent, rotation animated) or the node holding the skinned mesh.
    struct Node: Codable, Equatable {
        var name: String?
        var translation: [Double]?
        var children: [Int]?
        var mesh: Int?
        var skin: Int?
    }

    /// A mesh: triangle primitives sharing morph targets, whose default weights and names it gives.
    struct Mesh: Codable, Equatable {
        var name: String?
        var primitives: [Primitive]
        var weights: [Double]?
        var extras: MeshExtras?
    }

    /// The morph target names, as Blender and three.js write them (`extras.targetNames`).
    struct MeshExtras: Codable, Equatable {
        var targetNames: [String]?
    }

    /// Triangles: vertex attributes, the index accessor, the material, the morph targets' position offsets.
    struct Primitive: Codable, Equatable {
        var attributes: Attributes
        var indices: Int?
        var material: Int?
        var mode: Int?
        var targets: [TargetAttributes]?
    }

    /// Accessors of a primitive's vertex data: positions, normals, and the joints and weights that skin each vertex.
    struct Attributes: Codable, Equatable {
        var position: Int
        var normal: Int?
        var joints: Int
        var weights: Int

        enum CodingKeys: String, CodingKey {
            case position = "POSITION", normal = "NORMAL", joints = "JOINTS_0", weights = "WEIGHTS_0"
        }
    }

    /// A morph target: per-vertex position offsets, metres.
    struct TargetAttributes: Codable, Equatable {
        var position: Int?

        enum CodingKeys: String, CodingKey {
            case position = "POSITION"
        }
    }

    /// A material: its name (a colour of the avatar's look) and base colour.
    struct Material: Codable, Equatable {
        var name: String?
        var doubleSided: Bool?
        var pbrMetallicRoughness: PBR?
    }

    /// The metallic-roughness parameters; only the linear base colour (RGBA, 0–1) is used.
    struct PBR: Codable, Equatable {
        var baseColorFactor: [Double]?
        var metallicFactor: Double?
        var roughnessFactor: Double?
    }

    /// The joints that deform a mesh, with their inverse bind matrices.
    struct Skin: Codable, Equatable {
        var joints: [Int]
        var inverseBindMatrices: Int?
        var skeleton: Int?
    }

    /// Keyframe curves (samplers) and the node properties they drive (channels).
    struct Animation: Codable, Equatable {
        var name: String?
        var samplers: [Sampler]
        var channels: [Channel]
    }

    /// Key times (input accessor) and values (output accessor).
    struct Sampler: Codable, Equatable {
        var input: Int
        var output: Int
        var interpolation: Interpolation?
    }

    /// How values between keys are found.
    enum Interpolation: String, Codable {
        case linear = "LINEAR", step = "STEP", cubicSpline = "CUBICSPLINE"
    }

    /// Which sampler drives which property of which node.
    struct Channel: Codable, Equatable {
        var sampler: Int
        var target: Target
    }

    /// A node's animated property.
    struct Target: Codable, Equatable {
        var node: Int
        var path: Path
    }

    /// The animated property of a node (`weights`: a mesh's morph target weights).
    enum Path: String, Codable {
        case rotation, translation, scale, weights
    }

    /// The binary chunk of a .glb file.
    struct Buffer: Codable, Equatable {
        var byteLength: Int
    }

    /// A byte range of the buffer.
    struct BufferView: Codable, Equatable {
        var buffer: Int
        var byteOffset: Int
        var byteLength: Int
        var byteStride: Int?
        var target: BufferTarget?
    }

    /// What a buffer view holds, for GPU upload (the GL buffer binding points).
    enum BufferTarget: Int, Codable {
        case arrayBuffer = 34962, elementArrayBuffer = 34963
    }

    /// Typed elements over a buffer view (zeros without one), optionally with some elements replaced (`sparse`).
    struct Accessor: Codable, Equatable {
        var bufferView: Int?
        var byteOffset: Int?
        var componentType: ComponentType
        var normalized: Bool?
        var count: Int
        var type: ElementType
        var min: [Double]?
        var max: [Double]?
        var sparse: Sparse?
    }

    /// The elements of an accessor that differ from its base: their indices and values.
    struct Sparse: Codable, Equatable {
        var count: Int
        var indices: SparseIndices
        var values: SparseValues
    }

    /// Where a sparse accessor's element indices are.
    struct SparseIndices: Codable, Equatable {
        var bufferView: Int
        var byteOffset: Int?
        var componentType: ComponentType
    }

    /// Where a sparse accessor's replacement values are (the accessor's own type).
    struct SparseValues: Codable, Equatable {
        var bufferView: Int
        var byteOffset: Int?
    }

    /// The type of each component (the GL type constants).
    enum ComponentType: Int, Codable {
        case byte = 5120, unsignedByte = 5121, short = 5122, unsignedShort = 5123, unsignedInt = 5125, float = 5126

        /// Bytes per component.
        var size: Int {
            switch self {
            case .byte, .unsignedByte: 1
            case .short, .unsignedShort: 2
            case .unsignedInt, .float: 4
            }
        }
    }

    /// How many components make one element.
    enum ElementType: String, Codable {
        case scalar = "SCALAR", vec2 = "VEC2", vec3 = "VEC3", vec4 = "VEC4", mat2 = "MAT2", mat3 = "MAT3", mat4 = "MAT4"

        /// Components per element.
        var components: Int {
            switch self {
            case .scalar: 1
            case .vec2: 2
            case .vec3: 3
            case .vec4, .mat2: 4
            case .mat3: 9
            case .mat4: 16
            }
        }
    }
}
