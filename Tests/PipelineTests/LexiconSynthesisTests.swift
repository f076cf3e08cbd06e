import Lexicon
import Motion
import Testing
import TestSupport

@Suite("Every lexicon sign on the avatar")
struct LexiconSynthesisTests {
    @Test("every CSL and ASL entry synthesises, with a duration in the range of real signs", arguments: ["csl", "asl"])
    func everyEntry(_ signLanguage: String) throws {
        let lexicon = try LexiconLoader.load(root: TestFiles.packageRoot.appendingPathComponent("Lexicon").path,
                                             signLanguage: signLanguage)
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let animator = Animator(avatar: try Avatar(rig: rig))
        var failures: [String] = []
        for entry in lexicon.entries {
            do {
                let track = try animator.animate([.sign(SignDescription(entry: entry))], fps: 25).track
                // One sign with rest before and after: citation signs last 0.3–3 s (ASL-LEX p10 0.47 s, p90 1.2 s).
                let span = try #require(track.spans.first)
                if !(0.2...4).contains(span.end - span.start) { failures.append("\(entry.id): \(span.end - span.start) s") }
            } catch {
                failures.append("\(entry.id): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        #expect(lexicon.entries.count > 400)
    }
}
