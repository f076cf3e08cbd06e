import Lexicon
import Testing

@Suite("Values SiGML writes outside the named HamNoSys sets")
struct VocabularyValueTests {
    /// Bends are named, or three joint fractions of 90°: one digit, or digit point digit, per joint.
    @Test func fingerFlexions() throws {
        #expect(FingerFlexion(rawValue: "hooked")?.named == .hooked)
        #expect(try #require(FingerFlexion(rawValue: "111")).jointFractions == [1, 1, 1])
        #expect(try #require(FingerFlexion(rawValue: "410")).jointFractions == [1, 1, 0])   // each at most 90°
        #expect(try #require(FingerFlexion(rawValue: "0.50.50.5")).jointFractions == [0.5, 0.5, 0.5])
        for bad in ["", "11", "1111", "bend", "1.1x"] { #expect(FingerFlexion(rawValue: bad) == nil, "\(bad)") }
        #expect(ValueDomain.bend.accepts("111") && ValueDomain.bend.accepts("round") && !ValueDomain.bend.accepts("12"))
    }

    /// Directions are the 26 named ones or their letters weighted by repetition; letters that cancel out are none.
    @Test func directionCodes() {
        #expect(DirectionCode(rawValue: "uol")?.named == .uol)
        #expect(DirectionCode(rawValue: "uuo") != nil && DirectionCode(rawValue: "uuo")?.named == nil)
        for bad in ["", "oi", "ud", "x", "uuuuuuo"] { #expect(DirectionCode(rawValue: bad) == nil, "\(bad)") }
        #expect(ValueDomain.direction.accepts("uuil") && !ValueDomain.direction.accepts("lr"))
        #expect(Direction.allCases.allSatisfy { DirectionCode($0).named == $0 })
    }
}
