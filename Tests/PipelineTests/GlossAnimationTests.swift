import AnchorCore
import Foundation
import Gloss
import Lexicon
import Motion
import Pipeline
import TestSupport
import Testing

@Suite("Glosses to animation")
struct GlossAnimationTests {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path

    static func animate(_ text: String, signLanguage: String) throws -> (AnimationTrack, GlossSequence) {
        let translator = try GlossTranslator.load(root: root, signLanguage: signLanguage)
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let sequence = translator.translate(text: text)
        let animation = GlossAnimation(animator: Animator(avatar: try Avatar(rig: rig)), lexicon: translator.lexicon)
        return (try animation.animate(sequence, fps: 25), sequence)
    }

    /// The largest absolute value control `name` takes over the track.
    static func peak(_ name: String, in track: AnimationTrack) throws -> Double {
        let index = try #require(track.controlNames.firstIndex(of: name))
        return track.frames.map { abs($0.controls[index]) }.max() ?? 0
    }

    @Test("negation shakes the head, a WH question furrows the brows; a plain statement does neither")
    func sentenceMarkers() throws {
        let (negated, negatedGlosses) = try Self.animate("我不能去北京。", signLanguage: "csl")
        #expect(negatedGlosses.sentences.first?.nonManual.contains { $0.kind == .negation } == true)
        #expect(try Self.peak("head_shake", in: negated) > 0.2)
        let (question, _) = try Self.animate("你去哪里？", signLanguage: "csl")
        #expect(try Self.peak("brow_furrow", in: question) > 0.3)
        let (plain, _) = try Self.animate("我去北京。", signLanguage: "csl")
        #expect(try Self.peak("head_shake", in: plain) < 0.05)
    }

    @Test("timed sentences start at their time, not earlier")
    func clock() throws {
        let translator = try GlossTranslator.load(root: Self.root, signLanguage: "asl")
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let sequence = translator.translate(segments: [.init(start: 0, end: 2, text: "Today snow."),
                                                       .init(start: 10, end: 12, text: "Tomorrow cold.")])
        let track = try GlossAnimation(animator: Animator(avatar: try Avatar(rig: rig)), lexicon: translator.lexicon)
            .animate(sequence, fps: 25)
        let second = try #require(track.spans.first { $0.gloss == "TOMORROW" })
        #expect(second.start >= 9.9, "TOMORROW starts at \(second.start) s")
        #expect(track.duration > 11)
    }
}
