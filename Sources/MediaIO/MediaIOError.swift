import AnchorCore
import Foundation

/// Everything that can go wrong reading or writing media; each case names the file and the problem.
public enum MediaIOError: AnchorError, Equatable {
    /// The input path does not exist.
    case fileNotFound(path: String)
    /// The input path is a directory.
    case isDirectory(path: String)
    /// The input exists but cannot be read (permissions).
    case notReadable(path: String)
    /// The input file has zero bytes.
    case emptyFile(path: String)
    /// FFmpeg cannot recognise or open the input as media.
    case unrecognizedFormat(path: String, reason: String)
    /// The input has no audio stream to decode.
    case noAudioStream(path: String)
    /// The input has an audio stream but it holds no samples.
    case noAudio(path: String)
    /// The input has no subtitle stream.
    case noSubtitleStream(path: String)
    /// The subtitle stream is pictures (DVB, PGS), which cannot be read as text.
    case bitmapSubtitles(path: String, codec: String)
    /// No decoder is available for a stream's codec.
    case unsupportedCodec(path: String, codec: String)
    /// The file ends before its header says it should (a cut-off download or copy).
    case truncated(path: String, declaredSeconds: Double, decodedSeconds: Double)
    /// The data is damaged in a way the decoder cannot get past.
    case corrupt(path: String, reason: String)
    /// A time in a subtitle file is negative, reversed, not finite or past 48 hours.
    case invalidTime(path: String, reason: String)
    /// A live input sent no data for the timeout before any audio arrived.
    case stalled(path: String, seconds: Double)
    /// An option value is out of range (frame size, frame rate, codec parameter).
    case invalidArgument(String)
    /// A frame passed to an encoder does not have the size the encoder was opened with.
    case frameSizeMismatch(expected: String, got: String)
    /// An output cannot be created or written.
    case cannotWrite(path: String, reason: String)
    /// FFmpeg failed in a way that is not the input's fault.
    case ffmpegFailure(path: String, call: String, reason: String)

    public var isUserError: Bool {
        if case .ffmpegFailure = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): no such file"
        case let .isDirectory(path): "\(path): is a directory, not a media file"
        case let .notReadable(path): "\(path): permission denied"
        case let .emptyFile(path): "\(path): the file is empty"
        case let .unrecognizedFormat(path, reason): "\(path): not a media file FFmpeg can read (\(reason))"
        case let .noAudioStream(path): "\(path): has no audio stream"
        case let .noAudio(path): "\(path): the audio stream holds no samples"
        case let .noSubtitleStream(path): "\(path): has no subtitle stream"
        case let .bitmapSubtitles(path, codec): "\(path): subtitles are pictures (\(codec)), not text"
        case let .unsupportedCodec(path, codec): "\(path): no decoder for codec \(codec)"
        case let .truncated(path, declared, decoded):
            "\(path): the file is truncated: its header declares \(String(format: "%.2f", declared)) s "
                + "but only \(String(format: "%.2f", decoded)) s could be decoded"
        case let .corrupt(path, reason): "\(path): corrupt media data (\(reason))"
        case let .invalidTime(path, reason): "\(path): \(reason)"
        case let .stalled(path, seconds): "\(path): no data arrived for \(String(format: "%g", seconds)) s (--input-timeout)"
        case let .invalidArgument(message): message
        case let .frameSizeMismatch(expected, got): "frame is \(got) but the video is \(expected)"
        case let .cannotWrite(path, reason): "\(path): cannot write output: \(reason)"
        case let .ffmpegFailure(path, call, reason): "\(path): \(call) failed: \(reason)"
        }
    }
}
