import AnchorCore
import Gloss
import Testing

@Suite("timing")
struct TimingTests {
    @Test("glosses take their source words' time, interpolated by character inside a segment")
    func interpolated() throws {
        let translator = try Translators.csl.get()
        // 我去上海。 over 0–5 s: 1 s per character.
        let sequence = translator.translate(segments: [TimedText(start: 0, end: 5, text: "我去上海。")])
        let glosses = sequence.glosses
        #expect(glosses.map(\.label) == ["上海", "我", "去", "。"])
        #expect(glosses[0].start == 2 && glosses[0].end == 4)
        #expect(glosses[1].start == 0 && glosses[1].end == 1)
        #expect(glosses[3].kind == .pause && glosses[3].pause == 0.5)
        #expect(sequence.sentences[0].start == 0 && sequence.sentences[0].end == 5)
    }

    @Test("a sentence may span segments; each word keeps its own segment's clock")
    func acrossSegments() throws {
        let translator = try Translators.asl.get()
        let sequence = translator.translate(transcript: Transcript(language: "en", duration: 10, segments: [
            TimedText(start: 1, end: 2, text: "I like"), TimedText(start: 8, end: 9, text: "coffee."),
        ]))
        let coffee = try #require(sequence.glosses.first { $0.source == ["coffee"] })
        #expect(coffee.start == 8 && (coffee.end ?? 0) > 8.8)
        #expect(sequence.sentences.count == 1)
    }

    @Test("untimed text has no times")
    func untimed() throws {
        #expect(try Translators.asl.get().translate(text: "I like coffee.").glosses.allSatisfy { $0.start == nil })
    }
}
