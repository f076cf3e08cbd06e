import AnchorCore
internal import CFFmpeg

/// Owns an output `AVFormatContext` writing to a temporary file that becomes `path` only on ``finish()``.
///
/// The container format follows `path`'s extension (.mp4, .mov, .mkv, .ts …).
final class OutputContainer {
    let path: String
    let raw: UnsafeMutablePointer<AVFormatContext>
    private let output: AtomicOutput
    private var headerWritten = false

    init(path: String) throws {
        _ = ffmpegReady
        self.path = path
        do { output = try AtomicOutput(path: path) } catch let error as AnchorCoreError {
            throw MediaIOError.cannotWrite(path: path, reason: "\(error)".replacingOccurrences(of: "\(path): cannot write output: ", with: ""))
        }
        var context: UnsafeMutablePointer<AVFormatContext>?
        let status = avformat_alloc_output_context2(&context, nil, nil, path)
        guard status >= 0, let context else {
            throw MediaIOError.cannotWrite(path: path, reason: "unknown container for this file extension")
        }
        raw = context
        let opened = avio_open(&raw.pointee.pb, output.temporaryPath, AVIO_FLAG_WRITE)
        if opened < 0 { throw MediaIOError.cannotWrite(path: path, reason: ffmpegErrorText(opened)) }
    }

    deinit {
        if raw.pointee.pb != nil { avio_closep(&raw.pointee.pb) }
        avformat_free_context(raw)
        // `output` discards the temporary file unless finish() committed it.
    }

    /// Whether the container wants codec headers out of band (MP4: SPS/PPS in `avcC`).
    var wantsGlobalHeader: Bool { raw.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 }

    /// Adds a stream for an opened encoder.
    func addStream(for encoder: CodecContext) throws -> UnsafeMutablePointer<AVStream> {
        guard let stream = avformat_new_stream(raw, nil) else {
            throw MediaIOError.ffmpegFailure(path: path, call: "avformat_new_stream", reason: "out of memory")
        }
        try check(avcodec_parameters_from_context(stream.pointee.codecpar, encoder.raw), "avcodec_parameters_from_context", path: path)
        stream.pointee.time_base = encoder.raw.pointee.time_base
        return stream
    }

    func writeHeader() throws {
        let status = avformat_write_header(raw, nil)
        if status < 0 { throw MediaIOError.cannotWrite(path: path, reason: ffmpegErrorText(status)) }
        headerWritten = true
    }

    /// Drains every packet the encoder has ready into `stream`, in the stream's time base.
    /// - Parameter frameDuration: duration of one packet in encoder ticks when the encoder leaves it 0
    ///   (libx264 in FFmpeg 5.1 does; without it the MP4 edit list ends one frame early).
    func drain(_ encoder: CodecContext, into stream: UnsafeMutablePointer<AVStream>, packet: Packet, frameDuration: Int64) throws {
        while true {
            let status = avcodec_receive_packet(encoder.raw, packet.raw)
            if status == cff_averror_eagain() || status == cff_averror_eof() { return }
            try check(status, "avcodec_receive_packet", path: path)
            if packet.raw.pointee.duration == 0 { packet.raw.pointee.duration = frameDuration }
            av_packet_rescale_ts(packet.raw, encoder.raw.pointee.time_base, stream.pointee.time_base)
            packet.raw.pointee.stream_index = stream.pointee.index
            let written = av_interleaved_write_frame(raw, packet.raw)
            if written < 0 { throw MediaIOError.cannotWrite(path: path, reason: ffmpegErrorText(written)) }
        }
    }

    /// Writes the trailer (the MP4 `moov` atom), closes the file and moves it to its final name.
    func finish() throws {
        let status = av_write_trailer(raw)
        if status < 0 { throw MediaIOError.cannotWrite(path: path, reason: ffmpegErrorText(status)) }
        avio_closep(&raw.pointee.pb)
        do { try output.commit() } catch { throw MediaIOError.cannotWrite(path: path, reason: "\(error)") }
    }
}
