import AnchorCore

/// One stretch of speech cut from a live input, ready for speech recognition.
public struct Utterance: Sendable, Equatable {
    /// Seconds on the input's clock where it starts.
    public var start: Double
    /// 16 kHz mono samples.
    public var samples: [Float]
    /// Monotonic wall-clock seconds when its first audio was read (for measuring delay).
    public var arrival: Double

    /// Length in seconds.
    public var duration: Double { Double(samples.count) / Double(SpeechAudio.sampleRate) }
    /// Seconds on the input's clock where it ends.
    public var end: Double { start + duration }
}

/// Cuts a live audio stream into utterances at pauses, so each can be recognised and signed while the broadcast
/// goes on: short enough to keep the delay bounded, long enough for the recogniser to have context.
///
/// Voice activity is the RMS level of 20 ms frames against an adaptive noise floor. An utterance starts at the
/// first loud frame (with a little audio before it), ends at the first pause of `pauseSeconds` once it is
/// `minSeconds` long (or after `silenceSeconds` of quiet), and is cut by `maxSeconds` in any case: at the quietest
/// frame of its last `searchSeconds` (most often the gap between two words), the rest starting the next utterance, so
/// the recogniser is not handed words cut in half. Stretches with almost no speech are dropped.
public struct UtteranceSegmenter: Sendable {
    /// Shortest utterance cut at a pause, seconds.
    public var minSeconds = 1.0
    /// Longest utterance: cut here even without a pause, seconds.
    public var maxSeconds = 3.0
    /// Quiet time that ends an utterance, seconds.
    public var pauseSeconds = 0.3
    /// Quiet time that ends an utterance even when it is shorter than `minSeconds`.
    public var silenceSeconds = 1.0
    /// Least voiced time an utterance must have to be kept, seconds.
    public var minVoicedSeconds = 0.2
    /// How far back from `maxSeconds` a cut without a pause looks for the quietest frame, seconds.
    public var searchSeconds = 0.5

    private static let frameSamples = SpeechAudio.sampleRate / 50  // 20 ms
    /// Audio kept before the first loud frame, so a soft onset is not clipped (frames).
    private static let prerollFrames = 10
    /// Below −46 dBFS is never speech, whatever the floor.
    private static let minimumLevel: Float = 0.005

    private var floor: Float = 0.002          // RMS of the background, adapted per frame
    private var pending: [Float] = []          // samples not yet framed
    private var pendingStart = 0.0             // input time of pending[0]
    private var preroll: [[Float]] = []        // the last quiet frames before an utterance
    private var current: [Float] = []          // the utterance being collected
    private var levels: [Float] = []           // RMS of each of its 20 ms frames (the preroll's included)
    private var loudness: [Bool] = []          // whether each frame was loud
    private var currentStart = 0.0
    private var currentArrival = 0.0
    private var quietRun = 0                   // frames since the last loud one
    private var voicedFrames = 0

    /// A segmenter with the default limits (1–3 s, cut at 0.3 s pauses).
    public init() {}

    /// Input time where the oldest audio not yet handed out starts, or nil when no speech is being collected.
    public var collectingSince: Double? { current.isEmpty ? nil : currentStart }

    /// Adds audio (continuing the previous chunk) read at monotonic time `arrival`; returns the utterances it completed.
    public mutating func feed(_ chunk: AudioChunk, arrival: Double) -> [Utterance] {
        if pending.isEmpty { pendingStart = chunk.startTime }
        pending += chunk.samples
        var done: [Utterance] = []
        var offset = 0
        while pending.count - offset >= Self.frameSamples {
            let frame = Array(pending[offset..<(offset + Self.frameSamples)])
            let time = pendingStart + Double(offset) / Double(SpeechAudio.sampleRate)
            offset += Self.frameSamples
            if let utterance = add(frame, at: time, arrival: arrival) { done.append(utterance) }
        }
        pending.removeFirst(offset)
        pendingStart += Double(offset) / Double(SpeechAudio.sampleRate)
        return done
    }

    /// Hands out what is left at the end of the input.
    public mutating func finish() -> Utterance? {
        if !pending.isEmpty, !current.isEmpty { current += pending }
        pending = []
        return cut()
    }

    private mutating func add(_ frame: [Float], at time: Double, arrival: Double) -> Utterance? {
        let level = Self.level(frame)
        let loud = level > max(Self.minimumLevel, 3 * floor)
        // The floor follows the level down at once and up slowly (≈ 10 % a second), so speech does not raise it.
        floor = level < floor ? level : floor * 1.002
        if current.isEmpty {
            guard loud else {
                preroll.append(frame)
                if preroll.count > Self.prerollFrames { preroll.removeFirst() }
                return nil
            }
            currentStart = time - Double(preroll.count * Self.frameSamples) / Double(SpeechAudio.sampleRate)
            currentArrival = arrival
            current = preroll.flatMap { $0 }
            levels = preroll.map(Self.level)
            loudness = Array(repeating: false, count: preroll.count)
            preroll = []
            quietRun = 0
            voicedFrames = 0
        }
        current += frame
        levels.append(level)
        loudness.append(loud)
        if loud { voicedFrames += 1; quietRun = 0 } else { quietRun += 1 }
        let seconds = Double(current.count) / Double(SpeechAudio.sampleRate)
        let quiet = Double(quietRun * Self.frameSamples) / Double(SpeechAudio.sampleRate)
        if (quiet >= pauseSeconds && seconds >= minSeconds) || quiet >= silenceSeconds { return cut() }
        return seconds >= maxSeconds ? cutAtQuietest(arrival: arrival) : nil
    }

    /// RMS of a frame.
    private static func level(_ frame: [Float]) -> Float {
        (frame.reduce(0) { $0 + $1 * $1 } / Float(max(1, frame.count))).squareRoot()
    }

    /// Ends the current utterance; nil when it was nothing but noise.
    private mutating func cut() -> Utterance? {
        defer { current = []; levels = []; loudness = []; quietRun = 0; voicedFrames = 0 }
        let voiced = Double(voicedFrames * Self.frameSamples) / Double(SpeechAudio.sampleRate)
        guard !current.isEmpty, voiced >= minVoicedSeconds else { return nil }
        return Utterance(start: currentStart, samples: current, arrival: currentArrival)
    }

    /// Cuts a too-long utterance at the quietest frame of its last `searchSeconds` (not within `minSeconds` of its
    /// start); the frames from there on begin the next utterance, whose first audio arrived that long before `arrival`.
    private mutating func cutAtQuietest(arrival: Double) -> Utterance? {
        let framesPerSecond = Double(SpeechAudio.sampleRate / Self.frameSamples)
        let first = max(Int(minSeconds * framesPerSecond), levels.count - Int(searchSeconds * framesPerSecond))
        // Only a real dip counts (under half the window's mean level); in even sound the cut stays at the maximum.
        let window = first..<levels.count
        guard !window.isEmpty, let quietest = window.min(by: { levels[$0] < levels[$1] }), quietest > 0,
              levels[quietest] < 0.5 * window.reduce(0) { $0 + levels[$1] } / Float(window.count) else { return cut() }
        let restSamples = Array(current[(quietest * Self.frameSamples)...])
        let restLevels = Array(levels[quietest...]), restLoudness = Array(loudness[quietest...])
        current.removeLast(restSamples.count)
        voicedFrames = loudness[..<quietest].filter { $0 }.count
        let restStart = currentStart + Double(quietest * Self.frameSamples) / Double(SpeechAudio.sampleRate)
        let utterance = cut()
        current = restSamples
        levels = restLevels
        loudness = restLoudness
        currentStart = restStart
        currentArrival = arrival - Double(restSamples.count) / Double(SpeechAudio.sampleRate)
        voicedFrames = restLoudness.filter { $0 }.count
        quietRun = restLoudness.reversed().prefix { !$0 }.count
        return utterance
    }
}
