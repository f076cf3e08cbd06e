import AnchorCore
internal import CFFmpeg

/// Decodes the best video stream of an input to RGBA frames with their times, for compositing the avatar
/// onto a programme. Memory is bounded by one decoded frame. Not thread-safe.
public final class VideoReader {
    /// The input as given.
    public let path: String
    /// Frame width in pixels: the stream's, rounded down to even so frames can be re-encoded as yuv420p.
    public let width: Int
    /// Frame height in pixels, rounded down to even likewise.
    public let height: Int
    /// The stream's average frame rate, when it declares one.
    public let frameRate: Double?
    /// Duration in seconds, when known.
    public let duration: Double?

    private let input: InputContainer
    private let streamIndex: Int32
    private let decoder: CodecContext
    private let timeBase: AVRational
    private let origin: Double
    private var scaler: OpaquePointer?
    private let packet: Packet
    private let frame: Frame
    private var inputFinished = false
    private var decoderFinished = false

    /// Opens `path` and selects its best video stream (cover pictures are not video).
    /// - Throws: ``MediaIOError`` naming the input; `unrecognizedFormat` when there is no moving video.
    public init(path: String) throws {
        self.path = path
        packet = try Packet(path: path)
        frame = try Frame(path: path)
        input = try InputContainer(path: path)
        guard let (index, codec) = input.bestStream(AVMEDIA_TYPE_VIDEO),
              input.stream(index).pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0 else {
            throw MediaIOError.unrecognizedFormat(path: path, reason: "no video stream")
        }
        streamIndex = index
        decoder = try input.openDecoder(stream: index, codec: codec, threads: 0)
        let stream = input.stream(index).pointee
        width = Int(stream.codecpar.pointee.width) & ~1
        height = Int(stream.codecpar.pointee.height) & ~1
        guard width > 0, height > 0 else { throw MediaIOError.unrecognizedFormat(path: path, reason: "video stream has no picture size") }
        frameRate = stream.avg_frame_rate.num > 0 && stream.avg_frame_rate.den > 0 ? av_q2d(stream.avg_frame_rate) : nil
        duration = seconds(stream.duration, stream.time_base) ?? containerSeconds(input.raw.pointee.duration)
        timeBase = stream.time_base
        origin = containerSeconds(input.raw.pointee.start_time) ?? 0
    }

    deinit { sws_freeContext(scaler) }

    /// The next frame and its presentation time in seconds from the start of the input, or nil at the end.
    public func next() throws -> (time: Double, image: RGBAImage)? {
        while !decoderFinished {
            let status = avcodec_receive_frame(decoder.raw, frame.raw)
            if status >= 0 {
                defer { av_frame_unref(frame.raw) }
                return (time(of: frame.raw), try convert(frame.raw))
            }
            if status == cff_averror_eof() { decoderFinished = true; break }
            if status != cff_averror_eagain() && status != cff_averror_invaliddata() {
                throw MediaIOError.corrupt(path: path, reason: ffmpegErrorText(status))
            }
            try feed()
        }
        return nil
    }

    /// Sends the next packet of the video stream to the decoder (or, at the end, the drain signal).
    private func feed() throws {
        guard !inputFinished else { return }
        inputFinished = try !input.feed(decoder, stream: streamIndex, packet: packet)
    }

    private func time(of frame: UnsafeMutablePointer<AVFrame>) -> Double {
        (seconds(frame.pointee.best_effort_timestamp, timeBase) ?? 0) - origin
    }

    /// Converts a decoded frame (any pixel format and size, as streams may change mid-way) to RGBA at ``width``×``height``.
    private func convert(_ frame: UnsafeMutablePointer<AVFrame>) throws -> RGBAImage {
        let w = Int(frame.pointee.width), h = Int(frame.pointee.height)
        scaler = sws_getCachedContext(scaler, Int32(w), Int32(h), AVPixelFormat(frame.pointee.format),
                                      Int32(width), Int32(height), AV_PIX_FMT_RGBA, SWS_BILINEAR, nil, nil, nil)
        guard let scaler else {
            throw MediaIOError.ffmpegFailure(path: path, call: "sws_getCachedContext", reason: "unsupported pixel format")
        }
        var image = RGBAImage(width: width, height: height)
        let sourcePlanes = withUnsafeBytes(of: &frame.pointee.data) { Array($0.bindMemory(to: UnsafePointer<UInt8>?.self)) }
        let sourceStrides = withUnsafeBytes(of: &frame.pointee.linesize) { Array($0.bindMemory(to: Int32.self)) }
        image.pixels.withUnsafeMutableBufferPointer { rgba in
            var destination: [UnsafeMutablePointer<UInt8>?] = [rgba.baseAddress, nil, nil, nil]
            var destinationStrides: [Int32] = [Int32(width * 4), 0, 0, 0]
            _ = sws_scale(scaler, sourcePlanes, sourceStrides, 0, Int32(h), &destination, &destinationStrides)
        }
        return image
    }
}
