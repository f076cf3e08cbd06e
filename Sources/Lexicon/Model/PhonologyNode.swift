/// One attribute of a phonology node, as written in SiGML and in our text format.
public struct NodeAttribute: Sendable, Codable, Equatable, Hashable {
    /// The G-SiGML attribute name, e.g. `handshape`.
    public var name: String
    /// The value, e.g. `finger2`.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One element of a sign's phonological description: a G-SiGML element with its attributes and children.
///
/// The tree keeps G-SiGML's structure (sequence of postures and movements, `par_motion`, `rpt_motion`,
/// `split_*` for the two hands) so SiGML converts both ways without loss; typed views such as
/// ``HandConfiguration`` read it for synthesis.
public struct PhonologyNode: Sendable, Codable, Hashable {
    /// The element.
    public var kind: NodeKind
    /// Its attributes in written order; every name and value is in ``NodeSchema``.
    public var attributes: [NodeAttribute]
    /// Nested elements in order.
    public var children: [PhonologyNode]

    /// Creates a node.
    public init(_ kind: NodeKind, _ attributes: [NodeAttribute] = [], children: [PhonologyNode] = []) {
        self.kind = kind
        self.attributes = attributes
        self.children = children
    }

    /// The value of attribute `name`, or nil when absent.
    public subscript(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The value of attribute `name` as a vocabulary enum, or nil when absent.
    public func value<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) -> T? where T.RawValue == String {
        self[name].flatMap(T.init(rawValue:))
    }

    /// True when the flag attribute `name` is `true`.
    public func flag(_ name: String) -> Bool {
        self[name] == "true"
    }

    /// This node and all nodes below it, depth first.
    public var allNodes: [PhonologyNode] {
        [self] + children.flatMap(\.allNodes)
    }
}
