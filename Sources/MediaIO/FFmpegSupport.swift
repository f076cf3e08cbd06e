internal import CFFmpeg

/// FFmpeg's text for an error code (`av_err2str` is a macro Swift cannot import).
func ffmpegErrorText(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: Int(AV_ERROR_MAX_STRING_SIZE))
    av_strerror(code, &buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// One-time library set-up: quiet logging (we report errors ourselves) and network protocols for live inputs.
let ffmpegReady: Void = {
    av_log_set_level(AV_LOG_QUIET)
    avformat_network_init()
}()

/// Throws ``MediaIOError/ffmpegFailure(path:call:reason:)`` when an FFmpeg call returns a negative code.
@discardableResult
func check(_ code: Int32, _ call: String, path: String) throws -> Int32 {
    if code < 0 { throw MediaIOError.ffmpegFailure(path: path, call: call, reason: ffmpegErrorText(code)) }
    return code
}

/// Seconds for a timestamp in a time base, nil when unset.
func seconds(_ ts: Int64, _ timeBase: AVRational) -> Double? {
    ts == cff_nopts_value() ? nil : Double(ts) * av_q2d(timeBase)
}

/// Seconds for a container-level duration in `AV_TIME_BASE` units, nil when unknown.
func containerSeconds(_ ts: Int64) -> Double? {
    ts == cff_nopts_value() || ts <= 0 ? nil : Double(ts) / Double(AV_TIME_BASE)
}

/// Codec name for a codec id, such as "aac" or "h264".
func codecName(_ id: AVCodecID) -> String {
    String(cString: avcodec_get_name(id))
}

/// The channel layout of a decoded audio frame as a resampler input: the declared layout, or for an unspecified
/// one (some WAV and raw inputs) the default layout for its channel count. The caller must `av_channel_layout_uninit` it.
func channelLayout(of frame: UnsafeMutablePointer<AVFrame>, path: String) throws -> AVChannelLayout {
    var layout = AVChannelLayout()
    if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame.pointee.ch_layout.nb_channels == 0 {
        av_channel_layout_default(&layout, max(1, frame.pointee.ch_layout.nb_channels))
    } else {
        try check(av_channel_layout_copy(&layout, &frame.pointee.ch_layout), "av_channel_layout_copy", path: path)
    }
    return layout
}
