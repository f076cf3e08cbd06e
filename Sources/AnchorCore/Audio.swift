/// The audio format every stage after decoding works in: 16 kHz mono Float32 in [-1, 1].
public enum SpeechAudio {
    /// Samples per second.
    public static let sampleRate = 16_000
}

/// A run of 16 kHz mono samples and where it starts on the input's clock.
///
/// MediaIO delivers long inputs as a stream of these so that a three-hour broadcast never sits in memory whole.
public struct AudioChunk: Sendable, Equatable {
    /// Time of the first sample in seconds from the start of the input.
    public var startTime: Double
    /// Mono Float32 samples at ``SpeechAudio/sampleRate``, nominally in [-1, 1].
    public var samples: [Float]

    /// Creates a chunk.
    public init(startTime: Double, samples: [Float]) {
        self.startTime = startTime
        self.samples = samples
    }

    /// Duration in seconds.
    public var duration: Double { Double(samples.count) / Double(SpeechAudio.sampleRate) }
    /// Time just after the last sample, in seconds.
    public var endTime: Double { startTime + duration }
}
