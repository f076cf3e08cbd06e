/// The glTF 2.0 JSON document, as far as ``GLBWriter`` writes it: one scene with a skeleton, a skinned mesh and
/// one animation (the glTF 2.0 specification's names, so that each property encodes as the specification spells it).
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
        var name: String
        var translation: [Double]?
        var children: [Int]?
        var mesh: Int?
        var skin: Int?
    }

    /// A mesh: here one triangle primitive.
    struct Mesh: Codable, Equatable {
        var primitives: [Primitive]
    }

    /// Triangles: vertex attributes and the index accessor.
    struct Primitive: Codable, Equatable {
        var attributes: Attributes
        var indices: Int
    }

    /// Accessors of a primitive's vertex data: positions, and the joints and weights that skin each vertex.
    struct Attributes: Codable, Equatable {
        var position: Int
        var joints: Int
        var weights: Int

        enum CodingKeys: String, CodingKey {
            case position = "POSITION", joints = "JOINTS_0", weights = "WEIGHTS_0"
        }
    }

    /// The joints that deform a mesh, with their inverse bind matrices.
    struct Skin: Codable, Equatable {
        var joints: [Int]
        var inverseBindMatrices: Int
        var skeleton: Int
    }

    /// Keyframe curves (samplers) and the node properties they drive (channels).
    struct Animation: Codable, Equatable {
        var name: String
        var samplers: [Sampler]
        var channels: [Channel]
    }

    /// Key times (input accessor) and values (output accessor).
    struct Sampler: Codable, Equatable {
        var input: Int
        var output: Int
        var interpolation: Interpolation
    }

    /// How values between keys are found.
    enum Interpolation: String, Codable {
        case linear = "LINEAR"
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

    /// The animated property of a node.
    enum Path: String, Codable {
        case rotation, translation
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
        var target: BufferTarget?
    }

    /// What a buffer view holds, for GPU upload (the GL buffer binding points).
    enum BufferTarget: Int, Codable {
        case arrayBuffer = 34962, elementArrayBuffer = 34963
    }

    /// Typed elements over a buffer view.
    struct Accessor: Codable, Equatable {
        var bufferView: Int
        var componentType: ComponentType
        var count: Int
        var type: ElementType
        var min: [Double]?
        var max: [Double]?
    }

    /// The type of each component (the GL type constants).
    enum ComponentType: Int, Codable {
        case unsignedShort = 5123, unsignedInt = 5125, float = 5126
    }

    /// How many components make one element.
    enum ElementType: String, Codable {
        case scalar = "SCALAR", vec3 = "VEC3", vec4 = "VEC4", mat4 = "MAT4"
    }
}
