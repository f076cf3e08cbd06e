import AnchorCore

/// Whole-input transcription over a chunk source, with progress: the batch face of ``StreamingTranscriber``.
public struct Transcriber {
    /// The model in use.
    public let model: WhisperModel
    /// The options in use.
    public let options: TranscriptionOptions

    /// Creates a transcriber; cheap, the buffers are allocated per ``transcribe(duration:progress:next:)`` call.
    public init(model: WhisperModel, options: TranscriptionOptions = TranscriptionOptions()) {
        self.model = model
        self.options = options
    }

    /// Transcribes every chunk `next` returns until it returns nil.
    /// - Parameters:
    ///   - duration: the input's duration if known, for progress and the transcript.
    ///   - progress: receives "transcribing" reports in seconds of input.
    ///   - next: the chunk source, e.g. `AudioReader.next`.
    /// - Returns: the timed transcript.
    /// - Throws: whatever `next` throws, or ``WhisperError`` for bad options.
    public func transcribe(duration: Double? = nil, progress: ProgressHandler? = nil,
                           next: () throws -> AudioChunk?) throws -> Transcript {
        let session = try StreamingTranscriber(model: model, options: options)
        var segments: [TimedText] = []
        var end = 0.0
        while let chunk = try next() {
            end = max(end, chunk.endTime)
            segments += session.feed(chunk)
            progress?(StageProgress(stage: "transcribing", completed: session.transcribedSeconds, total: duration))
        }
        segments += session.finish()
        // Stopped part-way (the windows and decoders stop early when the task is cancelled): no partial transcript.
        try Task.checkCancellation()
        let total = duration ?? end
        progress?(StageProgress(stage: "transcribing", completed: total, total: total))
        return Transcript(language: session.language ?? "en", duration: total, segments: segments)
    }

    /// Transcribes samples already in memory (16 kHz mono).
    public func transcribe(samples: [Float], progress: ProgressHandler? = nil) throws -> Transcript {
        var pending: [AudioChunk]? = [AudioChunk(startTime: 0, samples: samples)]
        return try transcribe(duration: Double(samples.count) / Double(SpeechAudio.sampleRate), progress: progress) {
            pending?.popLast()
        }
    }
}
