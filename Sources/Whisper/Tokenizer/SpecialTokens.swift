/// Ids of Whisper's special tokens, derived from the vocabulary size as whisper.cpp does.
///
/// English-only models (51864) start at 50256 (`<|endoftext|>`); multilingual ones are shifted by one.
/// Then come `<|startoftranscript|>`, the language tokens, translate, transcribe, startoflm, startofprev,
/// nospeech (`<|nocaptions|>` in .en models), notimestamps, and 1501 timestamps `<|0.00|>`…`<|30.00|>`.
public struct SpecialTokens: Sendable, Equatable {
    /// `<|endoftext|>`; every id below it is a text token.
    public let endOfText: Int
    /// `<|startoftranscript|>`.
    public let startOfTranscript: Int
    /// Language codes in token order (`en`, `zh`, …), the first at `startOfTranscript + 1`.
    public let languages: [String]
    /// `<|translate|>`.
    public let translate: Int
    /// `<|transcribe|>`.
    public let transcribe: Int
    /// `<|startoflm|>`.
    public let startOfLM: Int
    /// `<|startofprev|>`, which introduces the previous text.
    public let startOfPrevious: Int
    /// `<|nospeech|>` / `<|nocaptions|>`, whose probability at the SOT position is the no-speech probability.
    public let noSpeech: Int
    /// `<|notimestamps|>`.
    public let noTimestamps: Int
    /// `<|0.00|>`; timestamp `i` is `timestampBegin + i`, i × 0.02 s.
    public let timestampBegin: Int

    /// Seconds per timestamp step.
    public static let timePrecision = 0.02

    /// Lays out the special tokens of a vocabulary of `vocabularySize` ids.
    public init(vocabularySize: Int) {
        let multilingual = vocabularySize >= 51865
        endOfText = multilingual ? 50257 : 50256
        startOfTranscript = endOfText + 1
        let languageCount = max(0, min(Self.languageCodes.count, vocabularySize - 51765 - (multilingual ? 1 : 0)))
        languages = Array(Self.languageCodes.prefix(languageCount))
        translate = startOfTranscript + 1 + languageCount
        transcribe = translate + 1
        startOfLM = translate + 2
        startOfPrevious = translate + 3
        noSpeech = translate + 4
        noTimestamps = translate + 5
        timestampBegin = translate + 6
    }

    /// The token of language `code`, or nil if the model does not have it.
    public func languageToken(_ code: String) -> Int? {
        languages.firstIndex(of: code).map { startOfTranscript + 1 + $0 }
    }

    /// The language code of a language token.
    public func language(ofToken token: Int) -> String? {
        let index = token - startOfTranscript - 1
        return languages.indices.contains(index) ? languages[index] : nil
    }

    /// Language tokens' id range.
    public var languageTokenRange: Range<Int> { (startOfTranscript + 1)..<translate }

    /// openai `whisper/tokenizer.py` LANGUAGES, in token order (large-v3 adds `yue`).
    static let languageCodes = [
        "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi",
        "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la",
        "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy",
        "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn", "yo", "so", "af", "oc", "ka", "be",
        "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my", "bo", "tl",
        "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue",
    ]
}
