internal import CFFmpeg
import Foundation

/// Owns an opened input (`AVFormatContext`): a file, a URL FFmpeg can open, or stdin ("-").
///
/// Opening checks the things a user most often gets wrong first, so the error says what is wrong
/// in plain words rather than FFmpeg's.
final class InputContainer {
    /// The path or URL as the user gave it; used in every error message.
    let path: String
    let raw: UnsafeMutablePointer<AVFormatContext>
    /// Ends blocked reads (FFmpeg's interrupt callback points at it, so the container keeps it alive).
    let interruption: ReadInterruption

    /// Opens `path`; `options` go to the demuxer and protocol (FFmpeg's `-follow 1`, `-rw_timeout` and the like).
    /// - Parameter interruption: asked between read attempts, while opening too, whether to give up.
    init(path: String, options: [String: String] = [:], interruption: ReadInterruption = ReadInterruption()) throws {
        _ = ffmpegReady
        self.path = path
        self.interruption = interruption
        let location = path == "-" ? "pipe:0" : path
        if !Self.isURL(location) { try Self.checkLocalFile(path) }
        guard let allocated = avformat_alloc_context() else {
            throw MediaIOError.ffmpegFailure(path: path, call: "avformat_alloc_context", reason: "out of memory")
        }
        allocated.pointee.interrupt_callback = interruption.callback
        var context: UnsafeMutablePointer<AVFormatContext>? = allocated
        var dictionary: OpaquePointer?
        for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
        defer { av_dict_free(&dictionary) }
        let opened = avformat_open_input(&context, location, nil, &dictionary)
        guard opened >= 0, let context else {
            throw MediaIOError.unrecognizedFormat(path: path, reason: ffmpegErrorText(opened))
        }
        raw = context
        let found = avformat_find_stream_info(context, nil)
        if found < 0 {
            throw MediaIOError.unrecognizedFormat(path: path, reason: ffmpegErrorText(found))
        }
        if context.pointee.nb_streams == 0 {
            throw MediaIOError.unrecognizedFormat(path: path, reason: "no streams found")
        }
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = raw
        avformat_close_input(&context)
    }

    /// The stream at `index`.
    func stream(_ index: Int32) -> UnsafeMutablePointer<AVStream> {
        raw.pointee.streams[Int(index)]!
    }

    /// Index of the best stream of a kind (FFmpeg's choice: default disposition, most channels or pixels,
    /// a decoder available) and its decoder.
    func bestStream(_ type: AVMediaType) -> (index: Int32, decoder: UnsafePointer<AVCodec>?)? {
        var decoder: UnsafePointer<AVCodec>?
        let index = av_find_best_stream(raw, type, -1, -1, &decoder, 0)
        if index >= 0 { return (index, decoder) }
        // A stream exists but no decoder: report it as such rather than "no stream".
        let anyIndex = av_find_best_stream(raw, type, -1, -1, nil, 0)
        return anyIndex >= 0 ? (anyIndex, nil) : nil
    }

    /// Opens a decoder for stream `index`; `threads` 0 lets FFmpeg choose.
    func openDecoder(stream index: Int32, codec: UnsafePointer<AVCodec>?, threads: Int32 = 1) throws -> CodecContext {
        let stream = stream(index)
        guard let codec else {
            throw MediaIOError.unsupportedCodec(path: path, codec: codecName(stream.pointee.codecpar.pointee.codec_id))
        }
        let decoder = try CodecContext(codec: codec, path: path)
        try check(avcodec_parameters_to_context(decoder.raw, stream.pointee.codecpar), "avcodec_parameters_to_context", path: path)
        decoder.raw.pointee.pkt_timebase = stream.pointee.time_base
        decoder.raw.pointee.thread_count = threads
        let opened = avcodec_open2(decoder.raw, codec, nil)
        if opened < 0 {
            throw MediaIOError.unsupportedCodec(path: path, codec: "\(codecName(codec.pointee.id)) (\(ffmpegErrorText(opened)))")
        }
        return decoder
    }

    /// Reads the next packet into `packet`; false at the end of the input.
    /// - Throws: ``MediaIOError/corrupt(path:reason:)`` on a read error other than end of file.
    func read(into packet: Packet) throws -> Bool {
        let status = av_read_frame(raw, packet.raw)
        if status >= 0 { interruption.touch() }
        if status == cff_averror_eof() { return false }
        if status < 0 { throw MediaIOError.corrupt(path: path, reason: ffmpegErrorText(status)) }
        return true
    }

    static func isURL(_ location: String) -> Bool {
        location.contains("://") || location.hasPrefix("pipe:")
    }

    private static func checkLocalFile(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MediaIOError.fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw MediaIOError.isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw MediaIOError.notReadable(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        if size == 0 { throw MediaIOError.emptyFile(path: path) }
    }
}
