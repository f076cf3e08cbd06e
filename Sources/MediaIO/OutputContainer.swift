import AnchorCore
import Foundation
internal import CFFmpeg

/// Owns an output `AVFormatContext`. A file is written to a temporary file that becomes `path` only on ``finish()``;
/// a live stream goes straight to its destination.
///
/// The container format follows `path`'s extension (.mp4, .mov, .mkv, .ts …). A live stream to stdout ("-") or
/// a network URL (udp://, srt://, tcp://, rtp://) is MPEG-TS; a live .mp4 or .mov file is fragmented MP4, so a
/// reader can play it while it grows and a crash leaves every finished fragment playable.
final class OutputContainer {
    let path: String
    let raw: UnsafeMutablePointer<AVFormatContext>
    /// The temporary file of a file output; nil for a live stream.
    private let output: AtomicOutput?
    /// Muxer options for the header: fragmented MP4 for a live .mp4/.mov.
    private let headerOptions: [String: String]

    init(path: String, live: Bool = false) throws {
        _ = ffmpegReady
        self.path = path
        let destination: String
        var formatName: String?
        if live {
            output = nil
            destination = path == "-" ? "pipe:1" : path
            let scheme = path.range(of: "://").map { String(path[..<$0.lowerBound]).lowercased() }
            if path == "-" || ["udp", "srt", "tcp", "rtp"].contains(scheme ?? "") { formatName = "mpegts" }
            let fragmented = ["mp4", "mov", "m4v"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
            headerOptions = fragmented ? ["movflags": "frag_keyframe+empty_moov+default_base_moof"] : [:]
        } else {
            headerOptions = [:]
            do { output = try AtomicOutput(path: path) } catch let error as AnchorCoreError {
                throw MediaIOError.cannotWrite(path: path, reason: "\(error)".replacingOccurrences(of: "\(path): cannot write output: ", with: ""))
            }
            destination = output!.temporaryPath
        }
        var context: UnsafeMutablePointer<AVFormatContext>?
        let status = avformat_alloc_output_context2(&context, nil, formatName, path == "-" ? nil : path)
        guard status >= 0, let context else {
            throw MediaIOError.cannotWrite(path: path, reason: "unknown container for this file extension")
        }
        raw = context
        // A live stream's readers should see each packet as soon as it is muxed.
        if live { raw.pointee.flags |= AVFMT_FLAG_FLUSH_PACKETS }
        let opened = avio_open(&raw.pointee.pb, destination, AVIO_FLAG_WRITE)
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
        var dictionary: OpaquePointer?
        for (key, value) in headerOptions { av_dict_set(&dictionary, key, value, 0) }
        defer { av_dict_free(&dictionary) }
        let status = avformat_write_header(raw, &dictionary)
        if status < 0 { throw MediaIOError.cannotWrite(path: path, reason: ffmpegErrorText(status)) }
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
        do { try output?.commit() } catch { throw MediaIOError.cannotWrite(path: path, reason: "\(error)") }
    }
}
