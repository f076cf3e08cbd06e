import AnchorCore
import Distill
import Testing

@Suite("Rate control: the lag bound on news at broadcast speech rates")
struct LagBoundTests {
    /// Checks the schedule of `script` against `maxLag` and returns it for more checks.
    private func checkSchedule(_ script: DistilledScript, maxLag: Double) {
        var free = 0.0
        for passage in script.passages {
            #expect(passage.signing.start >= passage.source.start - 1e-9)
            if !passage.text.isEmpty {
                #expect(passage.signing.start >= free - 1e-9, "passages overlap")
                free = passage.signing.end
            }
            #expect(passage.signing.end - passage.source.end <= maxLag + 1e-6, "lag bound broken: \(passage)")
        }
        #expect(script.report.maxLag <= maxLag + 1e-6)
        #expect(script.report.compressionRatio < 1 && script.report.compressionRatio > 0.1)
    }

    @Test(arguments: [200.0, 250.0, 300.0, 350.0])
    func chineseNewsKeepsTheLagBound(charsPerMinute: Double) async throws {
        let transcript = Transcript.timed(text: try Fixtures.media("news-zh.txt"), language: .chinese, unitsPerMinute: charsPerMinute)
        let script = try await Fixtures.distiller(Fixtures.chinese).distill(transcript)
        checkSchedule(script, maxLag: 4)
        #expect(script.report.unitsPerMinute <= 80 * 1.3, "rate target far exceeded: \(script.report)")
    }

    @Test(arguments: [160.0, 185.0, 210.0])
    func englishNewsKeepsTheLagBound(wordsPerMinute: Double) async throws {
        let text = try Fixtures.media("news-en-lexicon.txt") + "\n" + Fixtures.media("news-en.txt")
        let transcript = Transcript.timed(text: text, language: .english, unitsPerMinute: wordsPerMinute)
        let script = try await Fixtures.distiller(Fixtures.english).distill(transcript)
        checkSchedule(script, maxLag: 4)
    }

    @Test func aTighterBoundCondensesHarder() async throws {
        let transcript = Transcript.timed(text: try Fixtures.media("news-zh.txt"), language: .chinese, unitsPerMinute: 300)
        let loose = try await Fixtures.distiller(Fixtures.chinese, maxLag: 4).distill(transcript)
        let tight = try await Fixtures.distiller(Fixtures.chinese, maxLag: 1).distill(transcript)
        checkSchedule(tight, maxLag: 1)
        #expect(tight.report.compressionRatio <= loose.report.compressionRatio)
    }

    @Test func signsPerMinuteRateIsHonoured() async throws {
        let transcript = Transcript.timed(text: try Fixtures.media("news-zh.txt"), language: .chinese, unitsPerMinute: 290)
        let script = try await Fixtures.distiller(Fixtures.chinese, rate: .signsPerMinute(30)).distill(transcript)
        checkSchedule(script, maxLag: 4)
        // The sign budget carries at most 6 s of credit, so the whole text stays near 30 signs/min.
        #expect(script.report.signsPerMinute <= 30 * 1.2)
    }

    /// Words beyond a sentence's core may use only half the lag when the next sentence follows at once (so it is
    /// not started late), but all of it when a pause or nothing follows: ending before the next speech delays nothing.
    @Test func extrasMayRunUntilTheNextSpeechStarts() async throws {
        let first = "The city council approved a new plan on Monday to build three bridges across the wide river near the old harbour."
        let second = "The work starts in spring."
        func script(pause: Double) async throws -> DistilledScript {
            let segments = [TimedText(start: 0, end: 6, text: first), TimedText(start: 6 + pause, end: 8 + pause, text: second)]
            let transcript = Transcript(language: "en", duration: 8 + pause, segments: segments)
            return try await Fixtures.distiller(Fixtures.english).distill(transcript)
        }
        let backToBack = try await script(pause: 0), paused = try await script(pause: 6)
        checkSchedule(backToBack, maxLag: 4)
        checkSchedule(paused, maxLag: 4)
        let tight = backToBack.passages[0], loose = paused.passages[0]
        #expect(tight.signing.end <= 6 + 4 * 0.5 + 1e-6 || tight.units <= loose.units)
        #expect(loose.units > tight.units, "\(tight.text) | \(loose.text)")
        #expect(loose.signing.end <= 6 + 4 + 1e-6)
    }

    /// Words beyond a sentence's core never take the time the next sentence needs for its core: here the first
    /// sentence's modifiers would start the advice late and cost it "avoid driving".
    @Test func extrasLeaveTheNextSentenceTheTimeForItsCore() async throws {
        let first = "The city council approved a new plan on Monday to build three bridges across the wide river near the old harbour."
        let second = "Residents should keep drains clear and avoid driving through standing water."
        let segments = [TimedText(start: 0, end: 6.5, text: first), TimedText(start: 6.5, end: 10, text: second)]
        let distiller = try Fixtures.distiller(Fixtures.english)
        let script = await distiller.distill(Transcript(language: "en", duration: 10, segments: segments))
        checkSchedule(script, maxLag: 4)
        let advice = script.passages[1].text.lowercased()
        for word in ["keep", "drains", "avoid", "driving"] { #expect(advice.contains(word), "\(word) lost: \(advice)") }
        // One step alone: extras end by the latest start the next passage can afford.
        var state = distiller.startState()
        let alone = await distiller.passage(for: segments[0], state: &state, nextStart: 6.5)
        state = distiller.startState()
        let leaving = await distiller.passage(for: segments[0], state: &state, nextStart: 6.5, nextLatestStart: 7)
        #expect(leaving.signing.end <= max(7, distiller.rules.coreSeconds(of: first)) + 1e-6)
        #expect(leaving.units <= alone.units)
    }

    /// Words go by tier over the whole script: the first sentence's modifier ("new") does not take the time the
    /// next sentence needs for its relative clause ("which was closed twice"), and a clause without a core of its
    /// own is signed with its sentence when time allows.
    @Test func aModifierLeavesTheNextSentenceTheTimeForItsRelativeClause() async throws {
        let first = "The city council approved a new plan on Monday for the wide old river bridge."
        let second = "The bridge, which was closed twice last year, will open in spring."
        let distiller = try Fixtures.distiller(Fixtures.english)
        func script(secondEnd: Double) async -> DistilledScript {
            let segments = [TimedText(start: 0, end: 5, text: first), TimedText(start: 5, end: secondEnd, text: second)]
            return await distiller.distill(Transcript(language: "en", duration: secondEnd, segments: segments))
        }
        let tight = await script(secondEnd: 8), loose = await script(secondEnd: 12)
        checkSchedule(tight, maxLag: 4)
        checkSchedule(loose, maxLag: 4)
        #expect(tight.passages[1].text.contains("closed"), "\(tight.passages.map(\.text))")
        #expect(!tight.passages[0].text.contains("new"), "\(tight.passages.map(\.text))")
        // More time says more of the relative clause (how often, or when it was closed).
        let relative = loose.passages[1].text
        #expect(relative.contains("closed") && (relative.contains("twice") || relative.contains("last year")), "\(loose.passages.map(\.text))")
    }

    @Test func badOptionsAreRejected() {
        #expect(throws: DistillError.self) { try DistillOptions(rate: .unitsPerMinute(0)) }
        #expect(throws: DistillError.self) { try DistillOptions(maxLag: -1) }
    }
}
