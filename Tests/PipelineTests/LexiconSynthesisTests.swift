import Foundation
import Lexicon
import Motion
import TestSupport
import Testing

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

@Suite("Every location the lexicon accepts")
struct LocationVocabularyTests {
    /// Every `location` value and every `side` the lexicon's vocabulary accepts synthesises, in `location_bodyarm`
    /// and in `location_hand` alike (each is read by where its location is).
    @Test func everyLocationAndSideSynthesises() throws {
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let planner = SignPlanner(avatar: try Avatar(rig: rig))
        func plan(_ element: NodeKind, _ attributes: [String: String]) throws {
            let manual = PhonologyNode(.signManual, [NodeAttribute("both_hands", "true")], children: [
                PhonologyNode(.handConfig, [NodeAttribute("handshape", "flat"), NodeAttribute("extfidir", "u"), NodeAttribute("palmor", "l")]),
                PhonologyNode(element, attributes.sorted { $0.key < $1.key }.map { NodeAttribute($0.key, $0.value) }),
                PhonologyNode(.directedMotion, [NodeAttribute("direction", "o")]),
            ])
            _ = try planner.plan(SignDescription(gloss: "T", phonology: Phonology(manual: manual), source: "test"))
        }
        var failures: [String] = []
        for location in Location.allCases {
            for element in [NodeKind.locationBodyArm, .locationHand] {
                do { try plan(element, ["location": location.rawValue, "contact": "touch"]) } catch { failures.append("\(element) \(location): \(error)") }
            }
        }
        for side in LocationSide.allCases {
            do { try plan(.locationBodyArm, ["location": "chest", "side": side.rawValue]) } catch { failures.append("side \(side): \(error)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}

@Suite("The signing arm at rest in a letter")
struct LetterArmTests {
    /// A signer fingerspells with the elbow low and near the body: in every manual-alphabet letter of CSL and ASL,
    /// held, the dominant elbow is at least 4 cm below the shoulder and, but for a few letters, at most 12 cm out to
    /// the side of the shoulder joint, on the mesh avatar's rig. (Before `ArmIK.raisedElbowCost`, M in both alphabets
    /// held it 14 cm above the shoulder so that the hand reached its exact orientation; before `ArmIK.spreadElbowCost`,
    /// every letter held it more than 12 cm out, G and H 22 cm, the upper arm out to the side and the forearm level
    /// across the chest.)
    @Test func elbowsStayLowAndNearTheBodyInLetters() throws {
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent(".models/avatar/human.rig").path)
        let animator = Animator(avatar: try Avatar(rig: rig))
        let shoulder = try #require(rig.jointIndex("upperarm_r")), elbow = try #require(rig.jointIndex("forearm_r"))
        var heights: [String: Double] = [:], spreads: [String: Double] = [:]
        for code in ["csl", "asl"] {
            let lexicon = try LexiconLoader.load(root: TestFiles.packageRoot.appendingPathComponent("Lexicon").path, signLanguage: code)
            for entry in lexicon.entries where entry.category == "fingerspelling" {
                let track = try animator.animate([.sign(SignDescription(entry: entry))], fps: 25).track
                let span = try #require(track.spans.first)
                let frame = track.frames[max(0, Int(span.end * track.fps) - 1)]
                let world = rig.forward(Pose(rotations: frame.rotations, rootPosition: frame.rootPosition))
                heights["\(code)/\(entry.id)"] = world.positions[elbow].y - world.positions[shoulder].y
                spreads["\(code)/\(entry.id)"] = (world.positions[elbow].x - world.positions[shoulder].x) * Side.right.xSign
            }
        }
        #expect(heights.count == 56)
        let high = heights.filter { $0.value > -0.04 }.map { String(format: "%@ %+.0f mm", $0.key, $0.value * 1000) }.sorted()
        print("elbow height to shoulder in letters: highest \(String(format: "%+.0f", heights.values.max()! * 1000)) mm")
        #expect(high.isEmpty, "\(high)")
        let wide = spreads.filter { $0.value > 0.12 }.map { String(format: "%@ %.0f mm", $0.key, $0.value * 1000) }.sorted()
        let widest = spreads.max { $0.value < $1.value }!
        print(String(format: "elbow out from the shoulder in letters: widest %.0f mm (%@), %d of %d over 120 mm",
                     widest.value * 1000, widest.key, wide.count, spreads.count))
        // Floors (2026-12-07): M 195 mm, and 9 letters over 12 cm (fingers down: M, N, P, Q, ZH), against 224 mm and
        // all 56 letters without the cost. Keeping these in too turns their hands palm up: the exact orientation wins there.
        #expect(widest.value <= 0.20, "\(widest)")
        #expect(wide.count <= 9, "\(wide)")
        withKnownIssue("fingers-down letters still hold the elbow out: \(wide)") { #expect(wide.isEmpty) }
    }
}
