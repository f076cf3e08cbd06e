import AnchorCore
import Foundation

/// What a live run did, and how late the avatar was.
public struct LiveReport: Sendable, Codable, Equatable {
    /// One signed utterance.
    public struct Entry: Sendable, Codable, Equatable {
        /// Input-clock seconds of the speech.
        public var speechStart: Double, speechEnd: Double
        /// What was recognised, and what was signed.
        public var text: String, signed: String
        /// The glosses signed.
        public var glosses: [String]
        /// Output-clock second where the signing starts.
        public var signingStart: Double
        /// Wall-clock seconds from the utterance's first audio being read to the first frame of its signing
        /// being written: the end-to-end delay a live viewer sees.
        public var delay: Double
        /// Wall-clock seconds from the end of the utterance's audio to its signing being ready.
        public var processing: Double
    }

    /// The input and outputs.
    public var input: String, video: String?, animation: String?
    /// Seconds of input read.
    public var inputSeconds: Double
    /// Seconds of avatar written.
    public var outputSeconds: Double
    /// Utterances cut from the input, how many were signed, and how many were skipped because the run was
    /// too far behind the broadcast when their turn came.
    public var utterances: Int, signedUtterances: Int, skippedUtterances: Int
    /// Every signed utterance.
    public var entries: [Entry]
    /// End-to-end delay over the signed utterances: mean, 95th percentile, maximum (seconds; 0 when none).
    public var meanDelay: Double, p95Delay: Double, maxDelay: Double
    /// Wall-clock seconds the run took.
    public var wallSeconds: Double

    /// Fills in the delay statistics from `entries`.
    init(input: String, video: String?, animation: String?, inputSeconds: Double, outputSeconds: Double,
         utterances: Int, skippedUtterances: Int, entries: [Entry], wallSeconds: Double) {
        self.input = input
        self.video = video
        self.animation = animation
        self.inputSeconds = Self.ms(inputSeconds)
        self.outputSeconds = Self.ms(outputSeconds)
        self.utterances = utterances
        signedUtterances = entries.count
        self.skippedUtterances = skippedUtterances
        self.entries = entries
        let delays = entries.map(\.delay).sorted()
        meanDelay = delays.isEmpty ? 0 : delays.reduce(0, +) / Double(delays.count)
        p95Delay = delays.isEmpty ? 0 : delays[min(delays.count - 1, Int((Double(delays.count) * 0.95).rounded(.down)))]
        maxDelay = delays.last ?? 0
        self.wallSeconds = Self.ms(wallSeconds)
    }

    /// Seconds rounded to milliseconds, as every time in the report is.
    static func ms(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
