import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport
@testable import Whisper

@Suite("Whisper transcription", .serialized)
struct TranscriptionTests {
    static let sentence = """
        Good evening, here is the news. The government announced on Monday that a new hospital will be built in \
        the north of the country. Work will start early next year, and officials said the project will create \
        many jobs for local families.
        """

    static func options(beam: Int) -> TranscriptionOptions {
        var options = TranscriptionOptions()
        options.beamSize = beam
        return options
    }

    @Test("espeak-ng speech is transcribed with WER ≤ 10 %, greedy and beam 5", arguments: [1, 5])
    func speech(beam: Int) throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = try TestMedia.speech(Self.sentence, in: folder)
        let audio = try AudioDecoding.readAll(path: wav.path)
        let transcript = try Transcriber(model: WhisperTestData.model, options: Self.options(beam: beam))
            .transcribe(samples: audio.samples)
        let text = transcript.segments.map(\.text).joined(separator: " ")
        let wer = WhisperTestData.wordErrorRate(reference: Self.sentence, hypothesis: text)
        print("beam \(beam): WER \(wer): \(text)")
        #expect(wer <= 0.10)
        #expect(transcript.language == "en")
        #expect(abs(transcript.duration - audio.duration) < 0.01)
        for segment in transcript.segments {
            #expect(segment.start >= 0 && segment.end <= audio.duration + 0.01 && segment.start < segment.end)
        }
        #expect(zip(transcript.segments, transcript.segments.dropFirst()).allSatisfy { $0.end <= $1.start + 0.001 })
    }

    @Test("silence and noise give no invented text")
    func silenceAndNoise() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let silence = [Float](repeating: 0, count: 16_000 * 12)
        let noiseFile = folder.appendingPathComponent("noise.wav")
        try Shell.must("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", noiseFile.path, "synth", "12", "whitenoise", "vol", "0.05"])
        let noise = try AudioDecoding.readAll(path: noiseFile.path).samples
        let transcriber = Transcriber(model: WhisperTestData.model, options: Self.options(beam: 1))
        for (name, samples) in [("silence", silence), ("noise", noise)] {
            let transcript = try transcriber.transcribe(samples: samples)
            let words = transcript.segments.map(\.text).joined(separator: " ").split(separator: " ")
            #expect(words.isEmpty, "\(name): \(transcript.segments)")
        }
    }

    @Test("streaming in 1 s chunks gives the same segments as the whole input at once")
    func streaming() throws {
        let samples = Array(try WhisperTestData.newsSamples().prefix(16_000 * 36))
        let options = Self.options(beam: 1)
        let whole = try Transcriber(model: WhisperTestData.model, options: options).transcribe(samples: samples).segments

        let session = try StreamingTranscriber(model: WhisperTestData.model, options: options)
        var streamed: [TimedText] = []
        var readyBeforeEnd = 0
        for start in stride(from: 0, to: samples.count, by: 16_000) {
            let chunk = AudioChunk(startTime: Double(start) / 16_000, samples: Array(samples[start..<min(samples.count, start + 16_000)]))
            streamed += session.feed(chunk)
            readyBeforeEnd = streamed.count
        }
        streamed += session.finish()
        #expect(streamed == whole)
        #expect(readyBeforeEnd > 0, "the first window's segments are final before the input ends")
        #expect(whole.count >= 4)
    }

    @Test("an initial prompt is accepted and the transcript still matches the speech")
    func initialPrompt() throws {
        let samples = Array(try WhisperTestData.newsSamples().prefix(16_000 * 10))
        var options = Self.options(beam: 1)
        options.initialPrompt = "New River Bridge, Tuesday."
        let transcript = try Transcriber(model: WhisperTestData.model, options: options).transcribe(samples: samples)
        let text = transcript.segments.map(\.text).joined(separator: " ")
        #expect(text.contains("City officials announced"))
    }

    @Test("bad options are user errors")
    func badOptions() {
        var options = TranscriptionOptions()
        options.beamSize = 0
        #expect(throws: WhisperError.self) { try StreamingTranscriber(model: WhisperTestData.model, options: options) }
        options = TranscriptionOptions()
        options.language = "zh"
        #expect(throws: WhisperError.unsupportedLanguage("zh")) {
            try StreamingTranscriber(model: WhisperTestData.model, options: options)
        }
    }
}
