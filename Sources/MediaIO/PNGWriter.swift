import AnchorCore
import Foundation
internal import CFFmpeg

/// Writes still frames as PNG files (FFmpeg's PNG encoder; RGBA kept, so transparency survives).
public enum PNGWriter {
    /// Encodes `image` and writes it to `path` atomically.
    /// - Throws: ``MediaIOError/cannotWrite(path:reason:)``.
    public static func write(_ image: RGBAImage, to path: String) throws {
        try write(encode(image, path: path), to: path)
    }

    /// The PNG bytes of `image`.
    public static func encode(_ image: RGBAImage) throws -> Data {
        try encode(image, path: "PNG image")
    }

    private static func encode(_ image: RGBAImage, path: String) throws -> Data {
        _ = ffmpegReady
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_PNG) else {
            throw MediaIOError.ffmpegFailure(path: path, call: "avcodec_find_encoder", reason: "no PNG encoder")
        }
        let encoder = try CodecContext(codec: codec, path: path)
        encoder.raw.pointee.width = Int32(image.width)
        encoder.raw.pointee.height = Int32(image.height)
        encoder.raw.pointee.pix_fmt = AV_PIX_FMT_RGBA
        encoder.raw.pointee.time_base = AVRational(num: 1, den: 1)
        try check(avcodec_open2(encoder.raw, codec, nil), "avcodec_open2(png)", path: path)

        let frame = try Frame(path: path)
        frame.raw.pointee.format = AV_PIX_FMT_RGBA.rawValue
        frame.raw.pointee.width = Int32(image.width)
        frame.raw.pointee.height = Int32(image.height)
        try check(av_frame_get_buffer(frame.raw, 0), "av_frame_get_buffer", path: path)
        // The frame's rows may be padded: copy row by row.
        guard let destination = frame.planes()[0] else {
            throw MediaIOError.ffmpegFailure(path: path, call: "av_frame_get_buffer", reason: "no plane")
        }
        let destinationStride = Int(frame.lineSizes()[0])
        image.pixels.withUnsafeBufferPointer { source in
            for row in 0..<image.height {
                (destination + row * destinationStride)
                    .update(from: source.baseAddress! + row * image.bytesPerRow, count: image.bytesPerRow)
            }
        }
        try check(avcodec_send_frame(encoder.raw, frame.raw), "avcodec_send_frame(png)", path: path)
        try check(avcodec_send_frame(encoder.raw, nil), "avcodec_send_frame(png)", path: path)
        let packet = try Packet(path: path)
        var data = Data()
        while avcodec_receive_packet(encoder.raw, packet.raw) >= 0 {
            data.append(packet.raw.pointee.data, count: Int(packet.raw.pointee.size))
            av_packet_unref(packet.raw)
        }
        guard !data.isEmpty else {
            throw MediaIOError.ffmpegFailure(path: path, call: "avcodec_receive_packet(png)", reason: "no output")
        }
        return data
    }

    private static func write(_ data: Data, to path: String) throws {
        do { try AtomicOutput.write(data, to: path) } catch let error as AnchorCoreError {
            guard case let .cannotWrite(_, reason) = error else { throw error }
            throw MediaIOError.cannotWrite(path: path, reason: reason)
        }
    }
}
