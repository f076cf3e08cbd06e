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
    ///   - language: called once, as soon as the language is known (forced, or detected on the first window),
    ///     with its code and detection probability; throwing from it stops the transcription early.
    ///   - next: the chunk source, e.g. `AudioReader.next`.
    /// - Returns: the timed transcript.
    /// - Throws: whatever `next` or `language` throws, or ``WhisperError`` for bad options.
    public func transcribe(duration: Double? = nil, progress: ProgressHandler? = nil,
                           language check: ((String, Double?) throws -> Void)? = nil,
                           next: () throws -> AudioChunk?) throws -> Transcript {
        let session = try StreamingTranscriber(model: model, options: options)
        var checked = false
        func checkLanguage() throws {
            guard !checked, let language = session.language else { return }
            checked = true
            try check?(language, session.languageProbability)
        }
        try checkLanguage()
        var segments: [TimedText] = []
        var end = 0.0
        while let chunk = try next() {
            end = max(end, chunk.endTime)
            segments += session.feed(chunk)
            try checkLanguage()
            progress?(StageProgress(stage: "transcribing", completed: session.transcribedSeconds, total: duration))
        }
        segments += session.finish()
        // Stopped part-way (the windows and decoders stop early when the task is cancelled): no partial transcript.
        try Task.checkCancellation()
        try checkLanguage()
        let total = duration ?? end
        progress?(StageProgress(stage: "transcribing", completed: total, total: total))
        return Transcript(language: session.language ?? "en", languageProbability: session.languageProbability,
                          duration: total, segments: segments)
    }

    /// Transcribes samples already in memory (16 kHz mono).
    /// - Parameter language: as for the chunked call.
    public func transcribe(samples: [Float], progress: ProgressHandler? = nil,
                           language check: ((String, Double?) throws -> Void)? = nil) throws -> Transcript {
        var pending: [AudioChunk]? = [AudioChunk(startTime: 0, samples: samples)]
        return try transcribe(duration: Double(samples.count) / Double(SpeechAudio.sampleRate), progress: progress,
                              language: check) {
            pending?.popLast()
        }
    }
}
