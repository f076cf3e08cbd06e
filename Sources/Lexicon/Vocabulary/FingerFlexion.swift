/// How a finger bends, as a `mainbend` or `bend1`…`bend5` attribute writes it: a named HamNoSys bend, or the
/// flexion of the finger's base, middle and end joints written out as fractions of 90° (`111`, `410`,
/// `0.50.50.5`: one digit, or a digit, point and digit, per joint), which SiGML files also use.
public struct FingerFlexion: RawRepresentable, Sendable, Hashable {
    /// The value as written.
    public let rawValue: String
    /// The named bend, or nil when the joints are written out.
    public let named: FingerBend?
    /// Base, middle and end joint flexion as fractions of 90° (each at most 1), when written out.
    public let jointFractions: [Double]?

    /// Reads a written value; nil when it is neither a named bend nor three joint fractions.
    public init?(rawValue: String) {
        self.rawValue = rawValue
        if let named = FingerBend(rawValue: rawValue) {
            self.named = named
            jointFractions = nil
            return
        }
        guard let fractions = Self.fractions(rawValue) else { return nil }
        named = nil
        jointFractions = fractions
    }

    /// The bend as a value of this type.
    public init(_ bend: FingerBend) {
        rawValue = bend.rawValue
        named = bend
        jointFractions = nil
    }

    private static func fractions(_ text: String) -> [Double]? {
        var fractions: [Double] = []
        var rest = Substring(text)
        while let first = rest.first, first.isNumber {
            var token = String(first)
            rest = rest.dropFirst()
            if rest.first == ".", let digit = rest.dropFirst().first, digit.isNumber {
                token += "." + String(digit)
                rest = rest.dropFirst(2)
            }
            fractions.append(min(1, Double(token) ?? 0))
        }
        return rest.isEmpty && fractions.count == 3 ? fractions : nil
    }
}
