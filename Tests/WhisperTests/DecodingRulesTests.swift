import Testing
@testable import Whisper

@Suite("Whisper decoding rules")
struct DecodingRulesTests {
    let special = SpecialTokens(vocabularySize: 51864)
    var ts: Int { special.timestampBegin }

    @Test("segments split at timestamp pairs; seek goes to the last timestamp")
    func splitting() {
        let splitter = SegmentSplitter(special: special)
        // <0.00> a b <2.00><2.00> c <5.00>  (ends on a lone timestamp: advance the whole window)
        let lone = splitter.split([ts, 10, 11, ts + 100, ts + 100, 12, ts + 250], segmentFrames: 3000)
        #expect(lone.pieces.map(\.start) == [0, 2] && lone.pieces.map(\.end) == [2, 5])
        #expect(lone.advance == 3000)
        // <0.00> a <2.00><2.00> b   (speech cut mid-segment: resume at 2.00 s = 200 frames)
        let cut = splitter.split([ts, 10, ts + 100, ts + 100, 11], segmentFrames: 3000)
        #expect(cut.pieces.count == 1 && cut.advance == 200)
        // No pair: one segment for the whole window.
        let plain = splitter.split([10, 11], segmentFrames: 1200)
        #expect(plain.pieces == [SegmentSplitter.Piece(start: 0, end: 12, tokens: [10, 11])] && plain.advance == 1200)
    }

    @Test("timestamp rules: first token a timestamp ≤ 1 s, pairs, no decrease")
    func timestampRules() {
        let filter = LogitFilter(special: special, suppress: [], suppressAtBegin: [220, special.endOfText],
                                 timestamps: true, maxInitialTimestampIndex: 50)
        var logits = [Float](repeating: 0, count: 51864)
        func allowed(after sampled: [Int]) -> Set<Int> {
            logits = [Float](repeating: 0, count: 51864)
            logits.withUnsafeMutableBufferPointer { filter.apply($0, sampled: sampled) }
            return Set(logits.indices.filter { logits[$0] > -.infinity })
        }
        #expect(allowed(after: []) == Set(ts...(ts + 50)))
        // After [ts, text, ts] (a closed pair) only timestamps ≥ the last one or end of text.
        let closed = allowed(after: [ts, 10, ts + 20])
        #expect(closed.allSatisfy { $0 >= ts + 20 || $0 == special.endOfText })
        // After [ts, ts] text (or the end) must follow.
        #expect(allowed(after: [ts, 10, ts + 20, ts + 20]).allSatisfy { $0 < ts })
        // After text, a new timestamp must be later than the last one.
        #expect(allowed(after: [ts + 5, 10]).allSatisfy { $0 < ts || $0 > ts + 5 })
    }

    @Test("special-token layouts of English-only, multilingual and large-v3 vocabularies")
    func specialTokenLayouts() {
        let multilingual = SpecialTokens(vocabularySize: 51865)
        let ids: [Int] = [multilingual.endOfText, multilingual.startOfTranscript, multilingual.languageToken("en") ?? 0,
                          multilingual.languageToken("zh") ?? 0, multilingual.translate, multilingual.transcribe,
                          multilingual.noSpeech, multilingual.noTimestamps, multilingual.timestampBegin]
        #expect(ids == [50257, 50258, 50259, 50260, 50358, 50359, 50362, 50363, 50364])
        #expect(multilingual.languages.count == 99 && multilingual.languageToken("yue") == nil)
        let largeV3 = SpecialTokens(vocabularySize: 51866)
        #expect(largeV3.languageToken("yue") == 50358 && largeV3.transcribe == 50360 && largeV3.timestampBegin == 50365)
        #expect(special.languages.count == 99 && special.language(ofToken: 50259) == "zh")
    }

    @Test("compression ratio flags repetition")
    func compression() {
        #expect(CompressionRatio.of(String(repeating: "the same words again ", count: 20)) > 2.4)
        #expect(CompressionRatio.of("City officials announced on Tuesday that the bridge will open.") < 2.4)
    }

    @Test("beam top-k picks the largest finite logits in order")
    func topK() {
        var row: [Float] = [0.1, 5, -.infinity, 3, 4, -1]
        let best = row.withUnsafeMutableBufferPointer { BeamSearch.topK($0, 3) }
        #expect(best == [1, 4, 3])
    }
}
