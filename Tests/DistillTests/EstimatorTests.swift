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
        #expect(abs(two.seconds - (2 * one.seconds + SignDurations().clausePause + SignDurations().sentencePause)) < 1e-9)
        #expect(estimator.signingTime(of: "的了吗").seconds == 0)
    }

    @Test func movementTypeSetsTheDefaultDuration() throws {
        let circular = try #require(Fixtures.chinese.lexicon.entries.first {
            $0.timing.duration == nil && $0.phonology.manual.allNodes.contains { $0.kind == .circularMotion }
        })
        #expect(abs(SignDurations().duration(of: circular) - 1.086 / (circular.timing.speed ?? 1) - (circular.timing.hold ?? 0)) < 1e-9)
    }
}
