import Foundation
import AnchorCore
import Distill
import Whisper

/// The spoken language of a job and the sign language that signs it.
public struct LanguagePair: Sendable, Equatable {
    /// The language of the speech or text.
    public var spoken: DistillLanguage
    /// The sign-language folder that signs it (`csl`, `asl`).
    public var signLanguage: String

    /// Pairs `spoken` with the requested sign language, or with its default one (Chinese → CSL, English → ASL).
    /// - Throws: ``PipelineError/invalidJob(_:)`` naming both when the requested sign language signs another language.
    init(spoken: DistillLanguage, requested: String?, source: String, detail: String) throws {
        if let requested, let expected = DistillLanguage(signLanguage: requested), expected != spoken {
            throw PipelineError.invalidJob("\(source): the \(detail) is \(spoken.englishName) (\(spoken.rawValue)) but \(requested) "
                + "signs \(expected.englishName) (\(expected.rawValue)); choose sign language \(spoken.defaultSignLanguage), "
                + "or force the speech language if that is wrong")
        }
        self.spoken = spoken
        signLanguage = requested ?? spoken.defaultSignLanguage
    }
}

extension DistillLanguage {
    /// The spoken language a sign language signs by default (CSL → Chinese, ASL → English); nil for others.
    public init?(signLanguage: String) {
        guard let match = DistillLanguage.allCases.first(where: { $0.defaultSignLanguage == signLanguage }) else { return nil }
        self = match
    }

    /// The language's English name, for messages.
    var englishName: String { self == .chinese ? "Chinese" : "English" }
}

extension LanguagePair {
    /// The languages of speech that recognition found in `code` (detected with `probability`, or forced).
    /// - Parameter requested: the sign language asked for, nil to take the speech language's.
    /// - Throws: ``PipelineError/invalidJob(_:)`` naming the input and both languages when the speech is in a
    ///   language SignAnchor cannot sign, or not in the requested sign language's spoken language.
    static func speech(_ code: String, probability: Double?, requested: String?, input: String,
                       model: WhisperModel) throws -> LanguagePair {
        let how = probability.map { String(format: "detected with %.0f %% confidence", $0 * 100) } ?? "forced"
        guard let spoken = DistillLanguage(tag: code) else {
            let choices = DistillLanguage.allCases.map { "\($0.englishName) (\($0.rawValue) → \($0.defaultSignLanguage))" }
            throw PipelineError.invalidJob("\(input): the speech is in '\(code)' (\(how)); SignAnchor signs "
                + choices.joined(separator: " and ") + " speech")
        }
        if spoken == .chinese || requested.flatMap(DistillLanguage.init(signLanguage:)) == .chinese, !model.dims.isMultilingual {
            throw PipelineError.invalidJob("\(model.path): an English-only speech model cannot recognise Chinese; "
                + "use the multilingual model (model base)")
        }
        return try LanguagePair(spoken: spoken, requested: requested, source: input, detail: "speech (\(how))")
    }
}

extension AnchorOptions {
    /// The languages of a ready transcript or text: its declared language, else its script.
    /// - Throws: ``PipelineError/invalidJob(_:)`` when the requested sign language signs another language.
    public func languages(forText transcript: Transcript) throws -> LanguagePair {
        let text = transcript.segments.map(\.text).joined(separator: " ")
        let spoken = DistillLanguage(tag: transcript.language) ?? DistillLanguage.detect(text)
        return try LanguagePair(spoken: spoken, requested: signLanguage, source: "text", detail: "text")
    }

    /// The languages known before any speech is heard: from the sign language or the forced speech language.
    /// - Returns: nil when both are left to detection.
    /// - Throws: ``PipelineError/invalidJob(_:)`` when they disagree, or Chinese is asked of an English-only model.
    func givenLanguages(model: WhisperModel) throws -> LanguagePair? {
        if let code = speechLanguage {
            return try LanguagePair.speech(code, probability: nil, requested: signLanguage, input: "language \(code)", model: model)
        }
        guard let signLanguage, let spoken = DistillLanguage(signLanguage: signLanguage) else { return nil }
        return try LanguagePair.speech(spoken.rawValue, probability: nil, requested: signLanguage, input: signLanguage, model: model)
    }

    /// Speech-recognition settings: the forced language if any, the beam width and the prompt. A forced language
    /// SignAnchor cannot sign is refused by ``LanguagePair/speech(_:probability:requested:input:model:)`` as soon
    /// as recognition starts, like a detected one.
    /// - Throws: ``WhisperError/invalidOption(_:)`` for an out-of-range beam.
    func transcription(with model: WhisperModel) throws -> TranscriptionOptions {
        var settings = TranscriptionOptions()
        settings.language = speechLanguage
        settings.beamSize = beam
        settings.initialPrompt = prompt
        try settings.validate()
        return settings
    }
}
