import AnchorCore
internal import CFFmpeg
import Foundation

/// Decodes the best audio stream of any input FFmpeg can read to 16 kHz mono Float32,
/// delivered as a stream of timestamped chunks so a long broadcast never sits in memory whole.
///
/// ```swift
/// let reader = try AudioReader(path: "news.mp4")
/// while let chunk = try reader.next() { feed(chunk) }
/// ```
/// Times are seconds from the start of the input. Memory is bounded by one chunk plus one decoded frame.
/// Not thread-safe: use one reader from one task.
public final class AudioReader {
    /// The input as given (file path, URL, or "-" for stdin).
    public let path: String
    /// Duration the container declares, in seconds; nil for live streams and unknown lengths.
    public let duration: Double?
    /// Length of each chunk in seconds (the last one may be shorter).
    public let chunkSeconds: Double

    private let input: InputContainer
    private let streamIndex: Int32
    private let decoder: CodecContext
    private var resampler: Resampler?
    private var resamplerInput = AVChannelLayout()
    private var resamplerInputFormat: Int32 = -1
    private var resamplerInputRate: Int32 = 0
    private let packet: Packet
    private let frame: Frame
    private var pending: [Float] = []
    private var emittedSamples = 0
    private var inputFinished = false
    /// Whether the declared duration is from the file's header (trustworthy) rather than guessed from the bit rate.
    private let durationIsExact: Bool
    /// Whether the input is read live: a growing file is followed, and a stall past the timeout ends it.
    private let isLive: Bool
    /// stdin's file status flags before a live read made it non-blocking; restored at the end.
    private var standardInputFlags: Int32?
    private let liveTimeoutSeconds: Double?

    /// Ends a blocked read from another thread (a live run that is stopped): the reader then reports the end of
    /// the input.
    public var interruption: ReadInterruption { input.interruption }

    /// Opens `path` and selects its best audio stream.
    /// - Parameters:
    ///   - chunkSeconds: chunk length in seconds (default 30, Whisper's window).
    ///   - liveTimeout: read the input live: a local file is followed as it grows (FFmpeg's `follow`), and the
    ///     input ends when no new data arrives for this many seconds (any protocol's `rw_timeout`); nil reads a
    ///     finished file or stream to its end.
    /// - Throws: ``MediaIOError`` naming the input: not found, directory, empty, unrecognised, no audio stream,
    ///   no decoder.
    public init(path: String, chunkSeconds: Double = 30, liveTimeout: Double? = nil) throws {
        guard chunkSeconds > 0, chunkSeconds.isFinite else {
            throw MediaIOError.invalidArgument("chunk length must be a positive number of seconds, not \(chunkSeconds)")
        }
        if let liveTimeout, !(liveTimeout > 0 && liveTimeout.isFinite) {
            throw MediaIOError.invalidArgument("the live input timeout must be a positive number of seconds, not \(liveTimeout)")
        }
        self.path = path
        packet = try Packet(path: path)
        frame = try Frame(path: path)
        self.chunkSeconds = chunkSeconds
        isLive = liveTimeout != nil
        liveTimeoutSeconds = liveTimeout
        var options: [String: String] = [:]
        let interruption = ReadInterruption()
        var savedFlags: Int32?
        if let liveTimeout {
            let microseconds = String(Int(liveTimeout * 1_000_000))
            // rw_timeout covers files, pipes and most protocols; udp, tcp and http(s) wait on their socket's `timeout`.
            options["rw_timeout"] = microseconds
            if path == "-" {
                // A pipe read blocks in read(2), where neither rw_timeout nor the interrupt callback can act:
                // read stdin without blocking, so FFmpeg retries (and asks both) every millisecond instead.
                let flags = fcntl(STDIN_FILENO, F_GETFL)
                if flags >= 0 && fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) == 0 { savedFlags = flags }
            } else if InputContainer.isURL(path) {
                options["timeout"] = microseconds
            } else {
                options["follow"] = "1"
            }
        }
        // Live, decide the streams from the first second instead of FFmpeg's five: reading starts sooner, and a
        // followed file that is not growing is not waited on for its whole timeout before the first chunk.
        if liveTimeout != nil { options["analyzeduration"] = "1000000" }
        let opening = ProcessInfo.processInfo.systemUptime
        do {
            input = try InputContainer(path: path, options: options, interruption: interruption)
        } catch let error as MediaIOError {
            if let flags = savedFlags { _ = fcntl(STDIN_FILENO, F_SETFL, flags) }
            // The protocol's own timeout ended the opening: say so rather than "not a media file (I/O error)".
            if let liveTimeout, case .unrecognizedFormat = error, !interruption.isInterrupted,
               ProcessInfo.processInfo.systemUptime - opening >= liveTimeout * 0.9 {
                throw MediaIOError.stalled(path: path, seconds: liveTimeout)
            }
            throw error
        }
        // From the first packet on, any kind of input, whatever its protocol does: no packet for the timeout ends
        // the read (opening is left to the protocols' timeouts, as probing reads many bytes before any packet).
        interruption.setStallTimeout(liveTimeout)
        standardInputFlags = savedFlags
        guard let (index, codec) = input.bestStream(AVMEDIA_TYPE_AUDIO) else { throw MediaIOError.noAudioStream(path: path) }
        streamIndex = index
        decoder = try input.openDecoder(stream: index, codec: codec)
        let stream = input.stream(index)
        let streamDuration = seconds(stream.pointee.duration, stream.pointee.time_base)
        duration = streamDuration ?? containerSeconds(input.raw.pointee.duration)
        durationIsExact = input.raw.pointee.duration_estimation_method != AVFMT_DURATION_FROM_BITRATE
    }

    deinit {
        av_channel_layout_uninit(&resamplerInput)
        if let flags = standardInputFlags { _ = fcntl(STDIN_FILENO, F_SETFL, flags) }
    }

    /// The next chunk, or nil after the last one.
    /// - Throws: ``MediaIOError/noAudio(path:)`` if the stream ends with no samples at all,
    ///   ``MediaIOError/truncated(path:declaredSeconds:decodedSeconds:)`` if it ends well before its declared length,
    ///   ``MediaIOError/corrupt(path:reason:)`` if the data cannot be read.
    public func next() throws -> AudioChunk? {
        let chunkSamples = Int((chunkSeconds * Double(SpeechAudio.sampleRate)).rounded())
        while pending.count < chunkSamples && !inputFinished {
            try decodeMore()
        }
        if pending.isEmpty {
            if emittedSamples == 0 { throw MediaIOError.noAudio(path: path) }
            try checkComplete()
            return nil
        }
        let take = min(chunkSamples, pending.count)
        let chunk = AudioChunk(startTime: Double(emittedSamples) / Double(SpeechAudio.sampleRate),
                               samples: Array(pending[..<take]))
        pending.removeFirst(take)
        emittedSamples += take
        return chunk
    }

    // MARK: - Decoding

    /// Decodes one packet of the audio stream (or, at the end, drains the decoder and resampler) into `pending`.
    private func decodeMore() throws {
        let more: Bool
        do {
            more = try input.feed(decoder, stream: streamIndex, packet: packet)
        } catch MediaIOError.corrupt where isLive && (emittedSamples + pending.count > 0 || input.interruption.isInterrupted) {
            // A live input that stalls past its timeout reads as an I/O error: the broadcast has ended.
            avcodec_send_packet(decoder.raw, nil)
            more = false
        } catch MediaIOError.corrupt where isLive && input.interruption.shouldStop {
            throw MediaIOError.stalled(path: path, seconds: liveTimeoutSeconds ?? 0)
        }
        try input.receiveFrames(from: decoder, into: frame) { try resample($0) }
        if !more {
            try flushResampler()
            inputFinished = true
        }
    }

    /// Converts one decoded frame to 16 kHz mono float and appends it; rebuilds the resampler when the
    /// input's format changes mid-stream (broadcast streams switch between stereo and 5.1).
    private func resample(_ frame: UnsafeMutablePointer<AVFrame>) throws {
        var layout = try channelLayout(of: frame, path: path)
        defer { av_channel_layout_uninit(&layout) }
        if resampler == nil || av_channel_layout_compare(&layout, &resamplerInput) != 0
            || frame.pointee.format != resamplerInputFormat || frame.pointee.sample_rate != resamplerInputRate {
            try flushResampler()
            var mono = cff_ch_layout_mono()
            resampler = try Resampler(input: &layout, inFormat: AVSampleFormat(frame.pointee.format),
                                      inRate: frame.pointee.sample_rate, output: &mono, outFormat: AV_SAMPLE_FMT_FLT,
                                      outRate: Int32(SpeechAudio.sampleRate), path: path)
            av_channel_layout_uninit(&resamplerInput)
            av_channel_layout_copy(&resamplerInput, &layout)
            resamplerInputFormat = frame.pointee.format
            resamplerInputRate = frame.pointee.sample_rate
        }
        let input = UnsafeMutableRawPointer(frame.pointee.extended_data)
            .map { $0.assumingMemoryBound(to: UnsafePointer<UInt8>?.self) }
        try convert(input: input, count: frame.pointee.nb_samples)
    }

    /// Drains the samples the resampler holds back in its filter delay line.
    private func flushResampler() throws {
        guard resampler != nil else { return }
        try convert(input: nil, count: 0)
    }

    private func convert(input: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32) throws {
        guard let resampler else { return }
        let capacity = swr_get_out_samples(resampler.raw, count)
        guard capacity > 0 else { return }
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: Int(capacity)))
        let written = pending.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var out: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(buffer.baseAddress! + start)
                .assumingMemoryBound(to: UInt8.self)
            return swr_convert(resampler.raw, &out, capacity, input, count)
        }
        pending.removeLast(Int(capacity) - Int(max(0, written)))
        if written < 0 { throw MediaIOError.corrupt(path: path, reason: ffmpegErrorText(written)) }
    }

    /// A file that decodes to much less than its header declares was cut off; say so rather than
    /// silently signing half a broadcast.
    private func checkComplete() throws {
        guard !isLive, !InputContainer.isURL(path), path != "-",
              let declared = [durationIsExact ? duration : nil, WAVHeader.declaredSeconds(path: path)].compactMap({ $0 }).max()
        else { return }
        let decoded = Double(emittedSamples) / Double(SpeechAudio.sampleRate)
        if decoded < declared - max(0.5, declared * 0.02) {
            throw MediaIOError.truncated(path: path, declaredSeconds: declared, decodedSeconds: decoded)
        }
    }
}

/// Whole-buffer decoding for short inputs.
public enum AudioDecoding {
    /// Decodes all of `path` to one 16 kHz mono chunk starting at 0 s.
    /// Use ``AudioReader`` instead for anything longer than a few minutes.
    public static func readAll(path: String) throws -> AudioChunk {
        let reader = try AudioReader(path: path, chunkSeconds: 60)
        var samples: [Float] = []
        while let chunk = try reader.next() { samples += chunk.samples }
        return AudioChunk(startTime: 0, samples: samples)
    }
}
