import Distill
import Lexicon
import Testing

@Suite("Rate model: signing time from the lexicon")
struct EstimatorTests {
    @Test func unknownWordsCostFingerspelling() {
        let estimator = LexiconTimeEstimator(analyzer: Fixtures.english)
        let known = estimator.signingTime(of: "school")
        let spelled = estimator.signingTime(of: "Zyxwvut")
        #expect(known.signs == 1 && known.fingerspelledLetters == 0)
        #expect(spelled.fingerspelledLetters == 7)
        // Seven letters at about 3 letters/s plus a final hold.
        #expect(spelled.seconds > 2 && spelled.seconds < 3.2)
    }

    @Test func transitionsAndPausesAddUp() {
        let estimator = LexiconTimeEstimator(analyzer: Fixtures.chinese)
        let one = estimator.signingTime(of: "学生")
        let two = estimator.signingTime(of: "学生，学生。")
        #expect(two.signs == 2 && two.pauses == 2)
        // A text pays one move into its first sign; within it, a pause takes the place of the next transition.
        let durations = SignDurations()
        #expect(abs(two.seconds - (2 * one.seconds - durations.transition + durations.clausePause + durations.sentencePause)) < 1e-9)
        #expect(estimator.signingTime(of: "的了吗").seconds == 0)
    }

    /// A number's signs are run through (Motion's number items): a held digit costs ``SignDurations/numberSign``,
    /// far less than the same sign on its own.
    @Test func numbersRunThroughTheirSigns() {
        let estimator = LexiconTimeEstimator(analyzer: Fixtures.chinese)
        let durations = SignDurations()
        let number = estimator.signingTime(of: "85")
        let signs = Fixtures.chinese.words("85").flatMap(\.signs)
        #expect(number.signs == signs.count && signs.count >= 2)
        let expected = durations.transition + signs.map(durations.numberDuration(of:)).reduce(0, +)
            + durations.numberTransition * Double(signs.count - 1) + durations.lastLetterHold
        #expect(abs(number.seconds - expected) < 1e-9)
        let separately = durations.transition * Double(signs.count) + signs.map(durations.duration(of:)).reduce(0, +)
        #expect(number.seconds < separately - 0.5)
    }

    @Test func movementTypeSetsTheDefaultDuration() throws {
        let circular = try #require(Fixtures.chinese.lexicon.entries.first {
            $0.timing.duration == nil && $0.phonology.manual.allNodes.contains { $0.kind == .circularMotion }
        })
        #expect(abs(SignDurations().duration(of: circular) - 1.086 / (circular.timing.speed ?? 1) - (circular.timing.hold ?? 0)) < 1e-9)
    }
}
