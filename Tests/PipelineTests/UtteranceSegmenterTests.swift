import AnchorCore
import Foundation
import Pipeline
import Testing

@Suite("Cutting live audio into utterances")
struct UtteranceSegmenterTests {
    static let rate = Double(SpeechAudio.sampleRate)

    /// `seconds` of a 220 Hz tone at `amplitude` (speech-like level at 0.2), or quiet noise at 0.001.
    static func sound(_ seconds: Double, amplitude: Float = 0.2) -> [Float] {
        (0..<Int(seconds * rate)).map { amplitude * sin(2 * .pi * 220 * Float($0) / Float(rate)) }
    }

    /// Feeds `samples` in 0.2 s chunks, as the live reader does, and finishes.
    static func cut(_ samples: [Float], _ segmenter: UtteranceSegmenter = UtteranceSegmenter()) -> [Utterance] {
        var segmenter = segmenter
        var utterances: [Utterance] = []
        let chunk = Int(0.2 * rate)
        for start in stride(from: 0, to: samples.count, by: chunk) {
            let piece = AudioChunk(startTime: Double(start) / rate, samples: Array(samples[start..<min(samples.count, start + chunk)]))
            utterances += segmenter.feed(piece, arrival: Double(start) / rate)
        }
        return utterances + (segmenter.finish().map { [$0] } ?? [])
    }

    @Test("phrases separated by pauses come out one each, with their times")
    func pauses() {
        let audio = Self.sound(1, amplitude: 0.001) + Self.sound(1.5) + Self.sound(0.6, amplitude: 0.001) + Self.sound(2) + Self.sound(1, amplitude: 0.001)
        let utterances = Self.cut(audio)
        #expect(utterances.count == 2)
        guard utterances.count == 2 else { return }
        // Each starts a little before its sound (pre-roll) and ends after the pause that closed it.
        #expect(utterances[0].start > 0.7 && utterances[0].start <= 1.0)
        #expect(utterances[0].end >= 2.5 && utterances[0].end <= 3.1)
        #expect(utterances[1].start > 2.8 && utterances[1].start <= 3.1)
        #expect(utterances[1].end >= 5.1)
        // The samples are the input's, not a copy of something else.
        let offset = Int((utterances[1].start * Self.rate).rounded())
        #expect(Array(utterances[1].samples.prefix(100)) == Array(audio[offset..<(offset + 100)]))
    }

    @Test("continuous speech is cut at the maximum length, and nothing is lost")
    func longSpeech() {
        let utterances = Self.cut(Self.sound(0.4, amplitude: 0.001) + Self.sound(7.5))
        #expect(utterances.count == 3)
        #expect(utterances.allSatisfy { $0.duration <= 3.0 + 1e-9 })
        for (a, b) in zip(utterances, utterances.dropFirst()) { #expect(abs(a.end - b.start) < 1e-9) }
        #expect(abs((utterances.last?.end ?? 0) - 7.9) < 0.03)
    }

    @Test("speech without a pause is cut at its quietest moment before the maximum, not inside a word")
    func cutBetweenWords() {
        // Words 0.6 s long with 60 ms dips between them (too short to be a pause), the dip at 2.4 s nearest the cut.
        var audio = Self.sound(0.4, amplitude: 0.001)
        for _ in 0..<10 { audio += Self.sound(0.6) + Self.sound(0.06, amplitude: 0.01) }
        let utterances = Self.cut(audio)
        #expect(utterances.count >= 3)
        for (a, b) in zip(utterances, utterances.dropFirst()) { #expect(abs(a.end - b.start) < 1e-9) }
        let dips = (1...10).map { 0.4 + Double($0) * 0.66 - 0.06 }
        for utterance in utterances.dropLast() {
            #expect(utterance.duration <= 3.0 + 1e-9)
            #expect(dips.contains { utterance.end >= $0 - 1e-9 && utterance.end <= $0 + 0.06 + 1e-9 }, "cut at \(utterance.end) s")
        }
        #expect(abs((utterances.last?.end ?? 0) - Double(audio.count) / Self.rate) < 0.03)
    }

    @Test("quiet background alone gives no utterance; a click is too short to keep")
    func noise() {
        #expect(Self.cut(Self.sound(5, amplitude: 0.001)).isEmpty)
        #expect(Self.cut(Self.sound(2, amplitude: 0.001) + Self.sound(0.06) + Self.sound(2, amplitude: 0.001)).isEmpty)
    }
}
