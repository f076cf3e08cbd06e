import Foundation
import Lexicon
import Motion
import Testing
import TestSupport

@Suite("Compound entries on the avatar")
struct CompoundSynthesisTests {
    /// 高铁 (`compound: gao, huoche`) is made as 高 then 火车: it starts in 高's first posture, ends in 火车's last,
    /// and is shorter than the two signs one after another (the first part flows into the second).
    @Test func aCompoundSynthesisesAsItsParts() throws {
        let lexicon = try LexiconLoader.load(root: TestFiles.packageRoot.appendingPathComponent("Lexicon").path,
                                             signLanguage: "csl")
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        var avatar = try Avatar(rig: rig)
        avatar.mouthing = try Mouthing(path: TestFiles.packageRoot.appendingPathComponent("Rigs/visemes.txt").path, rig: rig,
                                       sampa: VisemeSpeller(root: TestFiles.packageRoot.appendingPathComponent("Lexicon").path, language: "sampa"))
        let planner = SignPlanner(avatar: avatar)
        func clip(_ id: String) throws -> SignClip { try planner.plan(SignDescription(entry: try #require(lexicon.entry(id: id)))) }
        let compound = try clip("gaotie"), first = try clip("gao"), second = try clip("huoche")
        #expect(compound.movementKind == .compound)
        let hand = try #require(compound.hands[.right])
        #expect(hand.first == first.hands[.right]?.first)
        #expect(hand.last == second.hands[.right]?.last)
        #expect(compound.hands[.left]?.last == second.hands[.left]?.last)
        let separate = first.duration + planner.timing.approach + second.duration
        #expect(compound.duration < separate - 0.1, "compound \(compound.duration) s, separate \(separate) s")
        #expect(compound.duration > second.duration)
        #expect(!compound.controls.isEmpty, "the compound's own mouthing")
    }
}
