internal import CFFmpeg

extension MediaInfo {
    /// Reads the container and stream headers of `path` (a file, URL or "-" for stdin) without decoding.
    /// - Throws: ``MediaIOError`` naming the input.
    public static func probe(path: String) throws -> MediaInfo {
        let input = try InputContainer(path: path)
        let context = input.raw.pointee
        let format = context.iformat.pointee
        let streams = (0..<context.nb_streams).map { StreamInfo(input.stream(Int32($0)).pointee) }
        return MediaInfo(
            path: path,
            format: String(cString: format.name),
            formatDescription: format.long_name.map { String(cString: $0) } ?? "",
            duration: containerSeconds(context.duration),
            bitRate: context.bit_rate > 0 ? Int(context.bit_rate) : nil,
            streams: streams
        )
    }
}

extension StreamInfo {
    init(_ stream: AVStream) {
        let parameters = stream.codecpar.pointee
        index = Int(stream.index)
        kind = switch parameters.codec_type {
        case AVMEDIA_TYPE_AUDIO: .audio
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_SUBTITLE: .subtitle
        case AVMEDIA_TYPE_DATA: .data
        case AVMEDIA_TYPE_ATTACHMENT: .attachment
        default: .unknown
        }
        codec = codecName(parameters.codec_id)
        profile = avcodec_profile_name(parameters.codec_id, parameters.profile).map { String(cString: $0) }
        duration = seconds(stream.duration, stream.time_base)
        bitRate = parameters.bit_rate > 0 ? Int(parameters.bit_rate) : nil
        language = av_dict_get(stream.metadata, "language", nil, 0).map { String(cString: $0.pointee.value) }
        if kind == .audio {
            sampleRate = Int(parameters.sample_rate)
            channels = Int(parameters.ch_layout.nb_channels)
            var layout = parameters.ch_layout
            var name = [CChar](repeating: 0, count: 64)
            if av_channel_layout_describe(&layout, &name, name.count) > 0 {
                channelLayout = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        if kind == .video {
            width = Int(parameters.width)
            height = Int(parameters.height)
            let rate = stream.avg_frame_rate.den > 0 ? stream.avg_frame_rate : stream.r_frame_rate
            frameRate = rate.den > 0 && rate.num > 0 ? av_q2d(rate) : nil
            pixelFormat = av_get_pix_fmt_name(AVPixelFormat(parameters.format)).map { String(cString: $0) }
            isAttachedPicture = stream.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
        }
    }
}
