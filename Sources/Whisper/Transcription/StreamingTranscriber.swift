import AnchorCore
import Foundation

// port of the long-form loop of https://github.com/openai/whisper/blob/main/whisper/transcribe.py, fed incrementally.

/// Transcribes audio as it arrives: feed MediaIO's chunks, receive segments as soon as they are final.
///
/// A window is decoded once 30 s of audio past the current seek position are buffered; segments before the
/// seek position never change, so they are returned at once. ``finish()`` decodes the rest. Audio before the
/// seek position is dropped, so memory stays bounded on a broadcast of any length.
/// Not thread-safe: use one instance from one task at a time.
public final class StreamingTranscriber {
    /// The model in use.
    public let model: WhisperModel
    /// The options in use.
    public let options: TranscriptionOptions
    /// The language: forced, detected from the first window, or `en` for English-only models.
    public private(set) var language: String?
    /// The detected language's probability (0–1); nil when the language was forced or the model is English-only.
    public private(set) var languageProbability: Double?
    /// Seconds of input fully transcribed (the seek position).
    public var transcribedSeconds: Double { Double(seek * LogMel.hop) / Double(SpeechAudio.sampleRate) }

    private let mel: LogMel
    private let encoder: Encoder
    private let windows: WindowDecoder
    private let splitter: SegmentSplitter
    /// Audio from absolute sample `bufferStart` on.
    private var buffer: [Float] = []
    private var bufferStart = 0
    private var totalSamples = 0
    /// Absolute time of sample 0 (the first chunk's start time).
    private var origin: Double?
    /// Current position in mel frames (10 ms each).
    private var seek = 0
    /// Every segment's tokens so far (the initial prompt first), for conditioning on previous text.
    private var allTokens: [Int] = []
    private var promptResetSince = 0
    /// Whether the initial prompt (given, or the language's) is in `allTokens` yet.
    private var isPrompted = false
    /// Traditional → Simplified for Chinese segments; nil when ``TranscriptionOptions/simplifyChinese`` is off.
    private let simplified: SimplifiedChinese?

    /// Prepares a session: allocates the encoder and decoder buffers once.
    /// - Throws: ``WhisperError`` for invalid options or a language the model does not have.
    public init(model: WhisperModel, options: TranscriptionOptions = TranscriptionOptions()) throws {
        try options.validate()
        self.model = model
        self.options = options
        mel = LogMel(nMels: model.dims.nMels)
        encoder = Encoder(weights: model.weights)
        windows = WindowDecoder(model: model, options: options)
        splitter = SegmentSplitter(special: model.tokenizer.special)
        if let code = options.language, code != "auto" {
            let special = model.tokenizer.special
            guard model.dims.isMultilingual ? special.languageToken(code) != nil : code == "en" else {
                throw WhisperError.unsupportedLanguage(code)
            }
            language = code
        } else if !model.dims.isMultilingual {
            language = "en"
        }
        simplified = options.simplifyChinese && model.dims.isMultilingual ? try SimplifiedChinese() : nil
    }

    /// Puts the initial prompt into the conditioning tokens once the language is known: the given prompt, else
    /// the language's default prompt (so Chinese comes out Simplified and punctuated).
    private func promptOnce() {
        guard !isPrompted else { return }
        isPrompted = true
        let given = options.initialPrompt?.trimmingCharacters(in: .whitespacesAndNewlines)
        let prompt = given ?? language.flatMap { options.languagePrompts[$0] }
        if let prompt, !prompt.isEmpty { allTokens = model.tokenizer.encode(" " + prompt) }
    }

    /// Adds audio and returns the segments that became final.
    /// - Parameter chunk: 16 kHz mono audio continuing the previous chunk.
    public func feed(_ chunk: AudioChunk) -> [TimedText] {
        if origin == nil { origin = chunk.startTime }
        buffer += chunk.samples
        totalSamples += chunk.samples.count
        var segments: [TimedText] = []
        // A full window needs its 3000 frames plus the 200-sample half frame after the last centre.
        // A cancelled task (a job stopped by a server's shutdown) decodes no more windows.
        while totalSamples >= (seek + LogMel.windowFrames) * LogMel.hop + LogMel.nFFT / 2 && !Task.isCancelled {
            segments += decodeWindow(segmentFrames: LogMel.windowFrames)
        }
        return segments
    }

    /// Decodes the audio left at the end of the input and returns its segments.
    public func finish() -> [TimedText] {
        let contentFrames = totalSamples / LogMel.hop
        var segments: [TimedText] = []
        while seek < contentFrames && !Task.isCancelled {
            segments += decodeWindow(segmentFrames: min(LogMel.windowFrames, contentFrames - seek))
        }
        return segments
    }

    /// Encodes and decodes the window at `seek`, advances `seek`, returns its non-empty segments.
    private func decodeWindow(segmentFrames: Int) -> [TimedText] {
        let features = buffer.withUnsafeBufferPointer {
            mel.window($0, sampleOffset: bufferStart, totalSamples: totalSamples, firstFrame: seek, validFrames: segmentFrames)
        }
        windows.decoder.setAudio(encoder.encode(features))
        if language == nil {
            let best = windows.detectLanguage().first
            language = best?.code ?? "en"
            languageProbability = best?.probability
        }
        promptOnce()

        let previous = options.conditionOnPreviousText ? Array(allTokens[promptResetSince...]) : []
        let prompt = windows.prompt(previous: previous, language: language, withoutTimestamps: options.withoutTimestamps)
        let result = windows.decodeWithFallback(prompt: prompt, options: options)
        let windowStart = (origin ?? 0) + Double(seek * LogMel.hop) / Double(SpeechAudio.sampleRate)

        var isSilence = false
        if let threshold = options.noSpeechThreshold {
            isSilence = result.noSpeechProb > threshold
            if let logProbThreshold = options.logProbThreshold, result.avgLogProb > logProbThreshold { isSilence = false }
        }
        var segments: [TimedText] = []
        if isSilence {
            seek += segmentFrames
        } else {
            let (pieces, advance) = splitter.split(result.tokens, segmentFrames: segmentFrames)
            seek += max(1, advance)
            let inputEnd = (origin ?? 0) + Double(totalSamples) / Double(SpeechAudio.sampleRate)
            for piece in pieces {
                allTokens += piece.tokens
                var text = model.tokenizer.decode(piece.tokens).trimmingCharacters(in: .whitespacesAndNewlines)
                if language == "zh" {
                    if let simplified { text = simplified.convert(text) }
                    text = ChinesePunctuation.normalise(text)
                }
                let start = windowStart + piece.start, end = min(windowStart + piece.end, inputEnd)
                guard !text.isEmpty, end > start else { continue }
                segments.append(TimedText(start: start, end: end, text: text))
            }
            if !options.conditionOnPreviousText || result.temperature > options.promptResetOnTemperature {
                promptResetSince = allTokens.count
            }
        }
        // Keep only the audio the next window can reach (its first frame looks 200 samples back).
        let keepFrom = max(0, seek * LogMel.hop - LogMel.nFFT / 2)
        if keepFrom > bufferStart {
            buffer.removeFirst(min(buffer.count, keepFrom - bufferStart))
            bufferStart = keepFrom
        }
        return segments
    }
}
