import Foundation

/// One element of a G-SiGML sign (`handconfig`, `directedmotion`, `par_motion`, …) with its attributes and children.
///
/// Motion reads the HamNoSys vocabulary in this neutral tree form, so any source that can write SiGML elements
/// (the ngt-sigml files, the lexicon's export) can drive the synthesiser.
public struct GesturalElement: Sendable, Hashable, Codable {
    /// Element name, such as `location_bodyarm`.
    public var name: String
    /// Attributes by name.
    public var attributes: [String: String]
    /// Child elements in document order.
    public var children: [GesturalElement]

    /// Creates an element.
    public init(name: String, attributes: [String: String] = [:], children: [GesturalElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The attribute `key`, if present.
    public subscript(key: String) -> String? { attributes[key] }

    /// True when the attribute is "true".
    public func flag(_ key: String) -> Bool { attributes[key] == "true" }
}

/// One sign to synthesise: its gloss, the manual part (`sign_manual`) and the non-manual tiers (`sign_nonmanual`).
public struct SignDescription: Sendable, Hashable, Codable {
    /// The gloss, for time spans and messages.
    public var gloss: String
    /// The `sign_manual` element.
    public var manual: GesturalElement
    /// The `sign_nonmanual` element, if any.
    public var nonManual: GesturalElement?
    /// Where the description came from (a file name), for error messages.
    public var source: String

    /// Creates a sign description.
    public init(gloss: String, manual: GesturalElement, nonManual: GesturalElement? = nil, source: String) {
        self.gloss = gloss
        self.manual = manual
        self.nonManual = nonManual
        self.source = source
    }
}
