import COpenCC
import Foundation

/// Converts Chinese text to Simplified characters with OpenCC (`t2s`: characters and phrases, no vocabulary changes).
///
/// Whisper writes Chinese in Traditional characters unless prompted in Simplified, and a prompt does not catch every
/// character, so transcripts of Chinese speech pass through this. Owns one OpenCC converter, closed on deinit;
/// OpenCC's conversion does not mutate the converter, so one instance may serve one transcription at a time.
public final class SimplifiedChinese {
    /// The OpenCC configuration used (in OpenCC's data folder, Debian `libopencc-data`).
    public static let configuration = "t2s.json"

    private let handle: opencc_t

    /// Opens the converter.
    /// - Throws: ``WhisperError/invalidOption(_:)`` when OpenCC or its data is not installed.
    public init() throws {
        guard let handle = opencc_open(Self.configuration), Int(bitPattern: handle) != -1 else {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw WhisperError.invalidOption("OpenCC cannot open \(Self.configuration) (install libopencc-data; scripts/setup does): \(reason)")
        }
        self.handle = handle
    }

    deinit { opencc_close(handle) }

    /// `text` with Traditional characters replaced by Simplified ones; other text unchanged.
    public func convert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        return text.withCString { input in
            guard let output = opencc_convert_utf8(handle, input, strlen(input)) else { return text }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
    }
}
