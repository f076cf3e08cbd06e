internal import CFFmpeg

/// The audio of a source file, re-encoded to AAC and muxed into an output beside its video.
///
/// Decoded samples go through a resampler (to the AAC encoder's planar float, at most stereo) into a FIFO,
/// from which whole 1024-sample AAC frames are encoded as the video advances. AAC is used whatever the
/// source codec, because MP4 cannot carry every codec a broadcast may use (PCM, AC-3 in some players, MP2).
final class SourceAudioTrack {
    private let source: InputContainer
    private let sourceStream: Int32
    private let decoder: CodecContext
    private let encoder: CodecContext
    private let stream: UnsafeMutablePointer<AVStream>
    private let container: OutputContainer
    private var resampler: Resampler?
    private let fifo: OpaquePointer
    private let packet: Packet
    private let decoded: Frame
    private let encoded: Packet
    private let frame: Frame
    private var samplesEncoded: Int64 = 0
    private var sourceFinished = false

    /// Opens `source`'s best audio stream and adds an AAC stream to `container` (before its header is written).
    init(source path: String, container: OutputContainer) throws {
        packet = try Packet(path: path)
        decoded = try Frame(path: path)
        encoded = try Packet(path: container.path)
        frame = try Frame(path: container.path)
        source = try InputContainer(path: path)
        guard let (index, codec) = source.bestStream(AVMEDIA_TYPE_AUDIO) else { throw MediaIOError.noAudioStream(path: path) }
        sourceStream = index
        decoder = try source.openDecoder(stream: index, codec: codec)
        self.container = container
        guard let aac = avcodec_find_encoder(AV_CODEC_ID_AAC) else {
            throw MediaIOError.ffmpegFailure(path: container.path, call: "avcodec_find_encoder", reason: "no AAC encoder")
        }
        encoder = try CodecContext(codec: aac, path: container.path)
        let context = encoder.raw
        let channels = min(2, max(1, decoder.raw.pointee.ch_layout.nb_channels))
        context.pointee.ch_layout = channels == 1 ? cff_ch_layout_mono() : cff_ch_layout_stereo()
        context.pointee.sample_rate = Self.aacRate(near: decoder.raw.pointee.sample_rate)
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        context.pointee.bit_rate = channels == 1 ? 96_000 : 160_000
        context.pointee.time_base = AVRational(num: 1, den: context.pointee.sample_rate)
        if container.wantsGlobalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        try check(avcodec_open2(context, aac, nil), "avcodec_open2(aac)", path: container.path)
        stream = try container.addStream(for: encoder)
        guard let fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, 4096) else {
            throw MediaIOError.ffmpegFailure(path: container.path, call: "av_audio_fifo_alloc", reason: "out of memory")
        }
        self.fifo = fifo
    }

    deinit { av_audio_fifo_free(fifo) }

    /// Encodes source audio until `seconds` of it are in the output (or the source ends).
    func encode(until seconds: Double) throws {
        let limit = Int64(seconds * Double(encoder.raw.pointee.sample_rate))
        let frameSize = Int64(encoder.raw.pointee.frame_size)
        while samplesEncoded + frameSize <= limit {
            if Int64(av_audio_fifo_size(fifo)) >= frameSize {
                try encodeFromFIFO(count: Int32(frameSize))
            } else if sourceFinished {
                return
            } else {
                try decodeMore()
            }
        }
    }

    /// Encodes the rest up to exactly `seconds` (the video's end), then flushes the encoder.
    func finish(at seconds: Double) throws {
        try encode(until: seconds)
        let limit = Int64((seconds * Double(encoder.raw.pointee.sample_rate)).rounded())
        while !sourceFinished && Int64(av_audio_fifo_size(fifo)) < limit - samplesEncoded { try decodeMore() }
        let rest = min(Int64(av_audio_fifo_size(fifo)), limit - samplesEncoded)
        if rest > 0 { try encodeFromFIFO(count: Int32(rest)) }
        try check(avcodec_send_frame(encoder.raw, nil), "avcodec_send_frame(aac)", path: container.path)
        try container.drain(encoder, into: stream, packet: encoded, frameDuration: 0)
    }

    // MARK: - Decoding the source

    private func decodeMore() throws {
        sourceFinished = try !source.feed(decoder, stream: sourceStream, packet: packet)
        try source.receiveFrames(from: decoder, into: decoded) { try push($0) }
        if sourceFinished { try push(nil) }
    }

    /// Resamples a decoded frame (or, with nil, the resampler's delay line) into the FIFO.
    private func push(_ input: UnsafeMutablePointer<AVFrame>?) throws {
        if resampler == nil, let input {
            var layout = try channelLayout(of: input, path: source.path)
            defer { av_channel_layout_uninit(&layout) }
            resampler = try Resampler(input: &layout, inFormat: AVSampleFormat(input.pointee.format),
                                      inRate: input.pointee.sample_rate, output: &encoder.raw.pointee.ch_layout,
                                      outFormat: AV_SAMPLE_FMT_FLTP, outRate: encoder.raw.pointee.sample_rate,
                                      path: source.path)
        }
        guard let resampler else { return }
        let count = input?.pointee.nb_samples ?? 0
        let capacity = swr_get_out_samples(resampler.raw, count)
        guard capacity > 0 else { return }
        let channels = Int(encoder.raw.pointee.ch_layout.nb_channels)
        // One buffer holding each planar channel in turn: [channel][capacity] floats.
        var scratch = [Float](repeating: 0, count: channels * Int(capacity))
        try scratch.withUnsafeMutableBufferPointer { buffer in
            var planes: [UnsafeMutablePointer<UInt8>?] = (0..<channels).map {
                UnsafeMutableRawPointer(buffer.baseAddress! + $0 * Int(capacity)).assumingMemoryBound(to: UInt8.self)
            }
            let data = input.flatMap { UnsafeMutableRawPointer($0.pointee.extended_data) }?
                .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            let written = swr_convert(resampler.raw, &planes, capacity, data, count)
            if written < 0 { throw MediaIOError.corrupt(path: source.path, reason: ffmpegErrorText(written)) }
            guard written > 0 else { return }
            let stored = planes.withUnsafeMutableBufferPointer { pointers in
                av_audio_fifo_write(fifo, UnsafeMutableRawPointer(pointers.baseAddress!)
                    .assumingMemoryBound(to: UnsafeMutableRawPointer?.self), written)
            }
            guard stored == written else {
                throw MediaIOError.ffmpegFailure(path: container.path, call: "av_audio_fifo_write", reason: "out of memory")
            }
        }
    }

    // MARK: - Encoding

    private func encodeFromFIFO(count: Int32) throws {
        frame.raw.pointee.nb_samples = count
        frame.raw.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.raw.pointee.sample_rate = encoder.raw.pointee.sample_rate
        try check(av_channel_layout_copy(&frame.raw.pointee.ch_layout, &encoder.raw.pointee.ch_layout),
                  "av_channel_layout_copy", path: container.path)
        try check(av_frame_get_buffer(frame.raw, 0), "av_frame_get_buffer", path: container.path)
        defer { av_frame_unref(frame.raw) }
        let read = UnsafeMutableRawPointer(frame.raw.pointee.extended_data)
            .map { av_audio_fifo_read(fifo, $0.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), count) } ?? 0
        guard read == count else {
            throw MediaIOError.ffmpegFailure(path: container.path, call: "av_audio_fifo_read", reason: "short read")
        }
        frame.raw.pointee.pts = samplesEncoded
        samplesEncoded += Int64(count)
        try check(avcodec_send_frame(encoder.raw, frame.raw), "avcodec_send_frame(aac)", path: container.path)
        try container.drain(encoder, into: stream, packet: encoded, frameDuration: 0)
    }

    /// The nearest sample rate AAC supports, so an odd source rate still encodes.
    private static func aacRate(near rate: Int32) -> Int32 {
        let rates: [Int32] = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000]
        return rates.min { abs($0 - rate) < abs($1 - rate) } ?? 48000
    }
}
