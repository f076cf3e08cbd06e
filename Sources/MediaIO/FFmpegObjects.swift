internal import CFFmpeg

/// Owns one `AVPacket`; freed when the owner goes.
final class Packet {
    let raw: UnsafeMutablePointer<AVPacket>
    init() {
        guard let packet = av_packet_alloc() else { fatalError("av_packet_alloc: out of memory") }
        raw = packet
    }
    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = raw
        av_packet_free(&packet)
    }
}

/// Owns one `AVFrame`; freed when the owner goes.
final class Frame {
    let raw: UnsafeMutablePointer<AVFrame>
    init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        raw = frame
    }
    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = raw
        av_frame_free(&frame)
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

/// Owns one `AVCodecContext`, opened for decoding or encoding.
final class CodecContext {
    let raw: UnsafeMutablePointer<AVCodecContext>
    init(codec: UnsafePointer<AVCodec>, path: String) throws {
        guard let context = avcodec_alloc_context3(codec) else {
            throw MediaIOError.ffmpegFailure(path: path, call: "avcodec_alloc_context3", reason: "out of memory")
        }
        raw = context
    }
    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = raw
        avcodec_free_context(&context)
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
