import Foundation

// port of the byte-level BPE of https://github.com/openai/gpt-2/blob/master/src/encoder.py (whisper-notes.md §3).

/// Whisper's GPT-2 byte-level BPE: decoding over token boundaries, encoding for prompts.
///
/// Merge ranks are the ids of the merged tokens (GPT-2's vocabulary lists merges in rank order,
/// as tiktoken relies on), so the token bytes alone are enough to encode: no merges table.
public struct Tokenizer: Sendable {
    /// The special tokens of this vocabulary.
    public let special: SpecialTokens
    /// Raw bytes of every text token, ids 0..<special.endOfText.
    private let tokenBytes: [[UInt8]]
    /// Inverse of `tokenBytes`: the id, which is also the merge rank.
    private let idOfBytes: [[UInt8]: Int]

    /// Builds a tokenizer from each text token's raw bytes.
    init(tokenBytes: [[UInt8]], vocabularySize: Int) {
        special = SpecialTokens(vocabularySize: vocabularySize)
        self.tokenBytes = Array(tokenBytes.prefix(special.endOfText))
        var inverse: [[UInt8]: Int] = [:]
        for (id, bytes) in self.tokenBytes.enumerated() where inverse[bytes] == nil { inverse[bytes] = id }
        idOfBytes = inverse
    }

    /// Builds a tokenizer from a CTranslate2 `vocabulary.txt` (one GPT-2-unicode token per line)
    /// or `vocabulary.json` (a JSON array of the same strings).
    static func ctranslate2(folder: String, vocabularySize: Int) throws -> Tokenizer {
        let text = folder + "/vocabulary.txt", json = folder + "/vocabulary.json"
        let tokens: [String]
        if let data = FileManager.default.contents(atPath: text) {
            tokens = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else if let data = FileManager.default.contents(atPath: json),
                  let array = try? JSONSerialization.jsonObject(with: data) as? [String] {
            tokens = array
        } else {
            throw WhisperError.invalidModelFile(path: text, reason: "missing or unreadable vocabulary (vocabulary.txt or .json)")
        }
        let eot = SpecialTokens(vocabularySize: vocabularySize).endOfText
        guard tokens.count > eot, tokens[eot] == "<|endoftext|>" else {
            throw WhisperError.invalidModelFile(path: text, reason: "vocabulary does not have <|endoftext|> at id \(eot)")
        }
        let byteOf = ByteUnicode.byteOfScalar
        var bytes: [[UInt8]] = []
        bytes.reserveCapacity(eot)
        for token in tokens.prefix(eot) {
            var raw: [UInt8] = []
            for scalar in token.unicodeScalars {
                guard let byte = byteOf[scalar] else {
                    throw WhisperError.invalidModelFile(path: text, reason: "token \(bytes.count) is not byte-level BPE")
                }
                raw.append(byte)
            }
            bytes.append(raw)
        }
        return Tokenizer(tokenBytes: bytes, vocabularySize: vocabularySize)
    }

    // MARK: - Decoding

    /// UTF-8 text of the text tokens among `ids` (specials and timestamps are skipped).
    ///
    /// Bytes are joined before UTF-8 decoding, so a character split across tokens (common in Chinese) comes out whole.
    public func decode(_ ids: some Sequence<Int>) -> String {
        String(decoding: bytes(ids), as: UTF8.self)
    }

    /// The raw bytes of the text tokens among `ids`.
    public func bytes(_ ids: some Sequence<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for id in ids where id >= 0 && id < tokenBytes.count { out += tokenBytes[id] }
        return out
    }

    // MARK: - Encoding

    /// Text tokens of `text` (no specials added), for initial prompts.
    public func encode(_ text: String) -> [Int] {
        let range = NSRange(text.startIndex..., in: text)
        return Self.pretokenizer.matches(in: text, range: range).flatMap { match -> [Int] in
            guard let piece = Range(match.range, in: text) else { return [] }
            return bpe(Array(text[piece].utf8))
        }
    }

    /// GPT-2's pre-tokenizer: contractions, letters, numbers, other symbols, each with an optional leading space.
    private static let pretokenizer = try! NSRegularExpression(
        pattern: #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#)

    /// Merges adjacent parts, lowest rank (= lowest merged id) first, until no pair is in the vocabulary.
    private func bpe(_ piece: [UInt8]) -> [Int] {
        var parts = piece.map { [$0] }
        while parts.count > 1 {
            var best: (rank: Int, index: Int)?
            for i in 0..<(parts.count - 1) {
                if let rank = idOfBytes[parts[i] + parts[i + 1]], rank < (best?.rank ?? .max) { best = (rank, i) }
            }
            guard let best else { break }
            parts[best.index] += parts[best.index + 1]
            parts.remove(at: best.index + 1)
        }
        return parts.compactMap { idOfBytes[$0] }
    }

    // MARK: - Suppression

    /// openai's `non_speech_tokens` plus the task and control tokens: what `suppress_tokens=[-1]` expands to.
    ///
    /// Used when the model has no CTranslate2 `config.json` (ggml files); equals its `suppress_ids` for tiny.en.
    public func defaultSuppressedTokens() -> [Int] {
        var symbols = ##""#()*+/:;<=>@[\]^_`{|}~「」『』"##.map(String.init)
        symbols += "<< >> <<< >>> -- --- -( -[ (' (\" (( )) ((( ))) [[ ]] {{ }} ♪♪ ♪♪♪".split(separator: " ").map(String.init)
        let miscellaneous = "♩♪♫♬♭♮♯".map(String.init)
        var result: Set<Int> = [encode(" -")[0], encode(" '")[0]]
        for symbol in symbols + miscellaneous {
            for tokens in [encode(symbol), encode(" " + symbol)] where tokens.count == 1 || miscellaneous.contains(symbol) {
                result.insert(tokens[0])
            }
        }
        result.formUnion([special.transcribe, special.translate, special.startOfTranscript, special.startOfPrevious,
                          special.startOfLM, special.noSpeech])
        return result.sorted()
    }
}

/// GPT-2's `bytes_to_unicode()`: printable bytes map to themselves, the other 68 to U+0100 onwards.
enum ByteUnicode {
    /// The byte each GPT-2 unicode character stands for.
    static let byteOfScalar: [Unicode.Scalar: UInt8] = {
        let printable = Array(33...126) + Array(161...172) + Array(174...255)
        var map: [Unicode.Scalar: UInt8] = [:]
        var extra = 0
        for byte in 0...255 {
            if printable.contains(byte) {
                map[Unicode.Scalar(UInt8(byte))] = UInt8(byte)
            } else {
                map[Unicode.Scalar(UInt32(256 + extra))!] = UInt8(byte)
                extra += 1
            }
        }
        return map
    }()
}
