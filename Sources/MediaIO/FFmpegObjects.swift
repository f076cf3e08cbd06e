internal import CFFmpeg

/// Owns one FFmpeg object that FFmpeg allocates and frees by pointer (`AVPacket`, `AVFrame`, `AVCodecContext`);
/// freed when the owner goes.
final class FFmpegObject<Pointee> {
    let raw: UnsafeMutablePointer<Pointee>
    private let free: (inout UnsafeMutablePointer<Pointee>?) -> Void

    /// Allocates with `allocate` (FFmpeg's `call`), for work on `path`; `free` releases it.
    /// - Throws: ``MediaIOError/ffmpegFailure(path:call:reason:)`` when FFmpeg cannot allocate it.
    init(path: String, call: String, allocate: () -> UnsafeMutablePointer<Pointee>?,
         free: @escaping (inout UnsafeMutablePointer<Pointee>?) -> Void) throws {
        guard let object = allocate() else { throw MediaIOError.ffmpegFailure(path: path, call: call, reason: "out of memory") }
        raw = object
        self.free = free
    }

    deinit {
        var object: UnsafeMutablePointer<Pointee>? = raw
        free(&object)
    }
}

/// An owned `AVPacket`.
typealias Packet = FFmpegObject<AVPacket>
/// An owned `AVFrame`.
typealias Frame = FFmpegObject<AVFrame>

extension FFmpegObject where Pointee == AVPacket {
    /// Allocates an empty packet for work on `path`.
    convenience init(path: String) throws {
        try self.init(path: path, call: "av_packet_alloc", allocate: { av_packet_alloc() }, free: { av_packet_free(&$0) })
    }
}

extension FFmpegObject where Pointee == AVFrame {
    /// Allocates an empty frame for work on `path`.
    convenience init(path: String) throws {
        try self.init(path: path, call: "av_frame_alloc", allocate: { av_frame_alloc() }, free: { av_frame_free(&$0) })
    }

    /// Pointers to the frame's planes (`AVFrame.data`, a C array Swift imports as a tuple of 8).
    func planes() -> [UnsafeMutablePointer<UInt8>?] {
        withUnsafeBytes(of: &raw.pointee.data) { Array($0.bindMemory(to: UnsafeMutablePointer<UInt8>?.self)) }
    }

    /// Bytes per row of each plane (`AVFrame.linesize`).
    func lineSizes() -> [Int32] {
        withUnsafeBytes(of: &raw.pointee.linesize) { Array($0.bindMemory(to: Int32.self)) }
    }
}

/// An owned `AVCodecContext`, opened for decoding or encoding.
typealias CodecContext = FFmpegObject<AVCodecContext>

extension FFmpegObject where Pointee == AVCodecContext {
    /// Allocates a context for `codec`, for work on `path`.
    convenience init(codec: UnsafePointer<AVCodec>, path: String) throws {
        try self.init(path: path, call: "avcodec_alloc_context3", allocate: { avcodec_alloc_context3(codec) },
                      free: { avcodec_free_context(&$0) })
    }
}

/// Owns one `SwrContext` (audio resampler / channel mixer).
final class Resampler {
    let raw: OpaquePointer
    /// Converts frames in `input` layout/format/rate to `output` layout, `outFormat` and `outRate`.
    init(input: UnsafeMutablePointer<AVChannelLayout>, inFormat: AVSampleFormat, inRate: Int32,
         output: UnsafeMutablePointer<AVChannelLayout>, outFormat: AVSampleFormat, outRate: Int32, path: String) throws {
        var context: OpaquePointer?
        try check(swr_alloc_set_opts2(&context, output, outFormat, outRate, input, inFormat, inRate, 0, nil),
                  "swr_alloc_set_opts2", path: path)
        let status = swr_init(context)
        guard status >= 0, let context else {
            swr_free(&context)
            throw MediaIOError.ffmpegFailure(path: path, call: "swr_init", reason: ffmpegErrorText(status))
        }
        raw = context
    }
    deinit {
        var context: OpaquePointer? = raw
        swr_free(&context)
    }
}
