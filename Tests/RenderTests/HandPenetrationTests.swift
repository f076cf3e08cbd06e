import Foundation
import Lexicon
import Motion
import Render
import Testing
import TestSupport

/// Legible hands: the human avatar's hands do not pass through its body or each other, measured on the skinned mesh
/// over every frame of the fingerspelling letters, the digits and a spread sample of 100 lexicon signs.
@Suite("Hands against the body, on the mesh")
struct HandPenetrationTests {
    /// Deeper than this is a hand visibly inside the body, not a touch (the skin is soft, contact signs touch).
    static let allowed: Float = 0.010

    struct Worst: CustomStringConvertible {
        var depth: Float = 0, sign = ""
        mutating func add(_ depth: Float, _ sign: String) { if depth > self.depth { (self.depth, self.sign) = (depth, sign) } }
        var description: String { String(format: "%.1f mm (%@)", depth * 1000, sign) }
    }

    static func measure(_ entries: [(String, LexiconEntry)], avatar: AvatarGeometry) throws -> (body: Worst, hands: Worst, over: [String]) {
        let animator = Animator(avatar: try Avatar(rig: avatar.rig))
        var body = Worst(), hands = Worst(), over: [String] = []
        for (name, entry) in entries {
            let track = try animator.animate([.sign(SignDescription(entry: entry))], fps: 25).track
            var deepest: Float = 0, deepestIsHand = false
            // Every frame: sampling every third one (as this test did until 2026-12-07) missed 9 of 14 signs over 10 mm.
            for frame in track.frames {
                let world = avatar.rig.forward(Pose(rotations: frame.rotations, rootPosition: frame.rootPosition))
                let pose = AvatarPose(positions: world.positions, rotations: world.orientations, controls: frame.controls)
                guard let depth = avatar.penetration(pose) else { continue }
                body.add(depth.handInBody, name)
                hands.add(depth.handInHand, name)
                if max(depth.handInBody, depth.handInHand) > deepest {
                    deepest = max(depth.handInBody, depth.handInHand)
                    deepestIsHand = depth.handInHand > depth.handInBody
                }
            }
            if deepest > allowed { over.append(String(format: "%@ %.0f mm%@", name, deepest * 1000, deepestIsHand ? " (hands)" : "")) }
        }
        return (body, hands, over)
    }

    /// The manual alphabets' letters and the digit signs 0–10.
    static func isLetterOrDigit(_ entry: LexiconEntry) -> Bool {
        entry.category == "fingerspelling" || (entry.category == "numbers" && digits.contains(entry.gloss))
    }
    static let digits: Set<String> = Set("零一二三四五六七八九十".map(String.init))
        .union(["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"])

    /// Signs over 10 mm, every frame measured: 14 of 178 before the skin samples (`BodySurface`) and the fingertip
    /// spheres, 5 after. Since 2026-12-07 (third session) the right hand is also measured against the left forearm
    /// (before, a hand crossing the forearm just behind the wrist was not seen, or read as 50 mm deep in the hand):
    /// 11 signs then, 7 once the hands were kept out of the other forearm (`Avatar.forearm`), 6 with the elbow kept
    /// near the body (`ArmIK.spreadElbowCost`): best 13 (a thumb tip in the base of the neck), after 12, and four
    /// two-handed signs where the hands cross or touch (renlei, wangke, tijia 12, soccer 14). A floor: it may only fall.
    static let knownOver = 6
    /// The deepest hand into the other hand or forearm, metres: SOCCER, 13.8 mm (30.1 mm in NATIONWIDE before the
    /// forearm was kept out). A floor.
    static let knownHandInHand: Float = 0.014

    @Test("letters, digits and 100 signs: no hand more than 10 mm into the body or the other hand")
    func penetration() throws {
        let avatar = try HumanAvatarTests.avatar()
        let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path
        var entries: [(String, LexiconEntry)] = []
        for code in ["csl", "asl"] {
            let lexicon = try LexiconLoader.load(root: root, signLanguage: code)
            let spelled = lexicon.entries.filter(Self.isLetterOrDigit)
            entries += spelled.map { ("\(code)/\($0.id)", $0) }
            let others = lexicon.entries.filter { !Self.isLetterOrDigit($0) }
            let step = max(1, others.count / 50)
            entries += stride(from: 0, to: others.count, by: step).prefix(50).map { ("\(code)/\(others[$0].id)", others[$0]) }
        }
        #expect(entries.count >= 56 + 22 + 100)
        let (body, hands, over) = try Self.measure(entries, avatar: avatar)
        print("hand penetration over \(entries.count) signs: into the body \(body), into the other hand \(hands); over 10 mm: \(over.count)")
        let spelled = over.filter { name in entries.contains { $0.0 == name.split(separator: " ")[0] && Self.isLetterOrDigit($0.1) } }
        #expect(spelled.isEmpty, "letters and digits must be clean: \(spelled)")
        #expect(hands.depth <= Self.knownHandInHand, "a hand inside the other: \(hands)")
        #expect(over.count <= Self.knownOver, "over 10 mm: \(over.joined(separator: ", "))")
        withKnownIssue("hands still pass into the body or each other in \(over.count) of \(entries.count) signs") {
            #expect(over.isEmpty, "over 10 mm: \(over.joined(separator: ", "))")
        }
    }
}
