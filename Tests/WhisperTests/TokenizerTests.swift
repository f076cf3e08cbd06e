import Testing
@testable import Whisper

@Suite("Whisper tokenizer")
struct TokenizerTests {
    let tokenizer = WhisperTestData.model.tokenizer

    @Test("encoding matches the golden ids and decoding inverts it")
    func roundTrip() throws {
        let (_, ids) = try WhisperTestData.goldenGreedy()
        let text = tokenizer.decode(ids)
        #expect(text.hasPrefix(" City officials announced on Tuesday"))
        #expect(tokenizer.encode(text) == ids)
        #expect(tokenizer.encode(" Hello world") == [18435, 995])
    }

    @Test("Chinese survives byte-level BPE across token boundaries")
    func chinese() {
        let text = "今天天气很好，我们去北京。"
        let ids = tokenizer.encode(text)
        #expect(ids.count > 0)
        // Some characters take several byte-level tokens: decoding token by token would break them.
        #expect(ids.map { tokenizer.decode([$0]) }.joined() != text)
        #expect(tokenizer.decode(ids) == text)
    }

    @Test("special tokens and timestamps are not text")
    func specials() {
        let special = tokenizer.special
        #expect(tokenizer.decode([special.startOfTranscript, 18435, special.timestampBegin + 50, 995, special.endOfText])
            == " Hello world")
    }
}
