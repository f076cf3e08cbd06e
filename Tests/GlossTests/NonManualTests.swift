import Gloss
import Testing

@Suite("non-manual tiers")
struct NonManualTests {
    private func spans(_ sentence: GlossSentence) -> [NonManualSpan.Kind: NonManualSpan] {
        Dictionary(sentence.nonManual.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a yes/no question raises the brows over the whole sentence, not the pause")
    func yesNo() throws {
        let sentence = try #require(try Translators.asl.get().translate(text: "Do you like coffee?").sentences.first)
        let span = try #require(spans(sentence)[.yesNoQuestion])
        #expect(span.first == 0 && span.last == sentence.glosses.count - 2)
        #expect(sentence.glosses.last?.kind == .pause)
        #expect(spans(sentence)[.whQuestion] == nil)
    }

    @Test("a WH question furrows the brows; 吗 alone makes a yes/no question")
    func whAndParticle() throws {
        let translator = try Translators.csl.get()
        let wh = try #require(translator.translate(text: "你叫什么名字？").sentences.first)
        #expect(spans(wh)[.whQuestion] != nil)
        let particle = try #require(translator.translate(text: "你去北京吗").sentences.first)
        #expect(spans(particle)[.yesNoQuestion] != nil)
    }

    @Test("negation shakes the head over predicate and negator (CSL) or negator to clause end (ASL)")
    func negation() throws {
        let csl = try #require(try Translators.csl.get().translate(text: "我不能吃。").sentences.first)
        let cslSpan = try #require(spans(csl)[.negation])
        #expect(csl.glosses[cslSpan.first].source == ["吃"] && csl.glosses[cslSpan.last].source == ["不能"])
        let asl = try #require(try Translators.asl.get().translate(text: "I do not like coffee.").sentences.first)
        let aslSpan = try #require(spans(asl)[.negation])
        #expect(asl.glosses[aslSpan.first].source == ["not"] && asl.glosses[aslSpan.last].source == ["coffee"])
    }

    @Test("fronted time and place are a topic")
    func topic() throws {
        let sentence = try #require(try Translators.csl.get().translate(text: "我昨天去了上海。").sentences.first)
        let span = try #require(spans(sentence)[.topic])
        #expect(sentence.glosses[span.first...span.last].map(\.source) == [["昨天"], ["上海"]])
    }
}
