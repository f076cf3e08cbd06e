/// What an input holds: container, duration and streams, as `signanchor media-info` shows it.
public struct MediaInfo: Sendable, Codable, Equatable {
    /// The input as given.
    public var path: String
    /// Container short name(s) as FFmpeg reports them, such as "mov,mp4,m4a,3gp,3g2,mj2" or "wav".
    public var format: String
    /// Container long name, such as "QuickTime / MOV".
    public var formatDescription: String
    /// Duration in seconds, nil when unknown (live streams).
    public var duration: Double?
    /// Overall bit rate in bits per second, nil when unknown.
    public var bitRate: Int?
    /// Every stream, in container order.
    public var streams: [StreamInfo]
}

/// One stream of an input.
public struct StreamInfo: Sendable, Codable, Equatable {
    /// Kinds of stream.
    public enum Kind: String, Sendable, Codable {
        case audio, video, subtitle, data, attachment, unknown
    }

    /// Index in the container.
    public var index: Int
    /// Audio, video, subtitle…
    public var kind: Kind
    /// Codec short name, such as "aac", "h264", "subrip".
    public var codec: String
    /// Codec profile when the codec has one, such as "LC" or "High".
    public var profile: String?
    /// Duration in seconds when the stream declares one.
    public var duration: Double?
    /// Bit rate in bits per second when known.
    public var bitRate: Int?
    /// Language tag from the stream's metadata (ISO 639-2, such as "eng").
    public var language: String?
    /// Audio: samples per second.
    public var sampleRate: Int?
    /// Audio: number of channels.
    public var channels: Int?
    /// Audio: channel layout name, such as "stereo" or "5.1(side)".
    public var channelLayout: String?
    /// Video: width in pixels.
    public var width: Int?
    /// Video: height in pixels.
    public var height: Int?
    /// Video: average frames per second.
    public var frameRate: Double?
    /// Video: pixel format, such as "yuv420p".
    public var pixelFormat: String?
    /// Video: true for a cover picture (an MP3's album art), which is not a moving video.
    public var isAttachedPicture: Bool?
}
