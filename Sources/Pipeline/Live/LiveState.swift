import Foundation

/// What the live run's three threads share, behind one lock; every change wakes the waiting threads.
final class LiveState: @unchecked Sendable {
    // @unchecked: `fields` is only touched with `condition` locked.
    struct Fields {
        /// Input-clock seconds of audio read so far.
        var received = 0.0
        /// Start of the utterance the segmenter is collecting, if any.
        var collectingSince: Double?
        /// Utterances waiting for the planner.
        var queue: [Utterance] = []
        /// The utterance the planner is working on.
        var planning: Utterance?
        /// Utterances handed to the planner so far, and those skipped for being too late.
        var utterances = 0, skipped = 0
        /// Signing placed on the output's clock, in order.
        var placed: [PlacedSigning] = []
        /// Output-clock seconds of the next frame to write.
        var head = 0.0
        var inputEnded = false
        /// Set when the run is over (finished or failed): the reader stops at its next chunk.
        var stopped = false
        /// Set when the run is stopped from outside (a signal, a server shutting down, a client gone): the writer
        /// ends at its next frame, finishes its outputs and reports what was signed.
        var endedEarly = false
        /// The first error of the reader or planner.
        var error: (any Error)?

        /// Where the oldest speech not yet placed starts; nil when there is none.
        var oldestPending: Double? {
            [planning?.start, queue.first?.start, collectingSince].compactMap { $0 }.min()
        }

        /// The latest output time the writer may reach: the audio read so far, and no more than `slack` seconds
        /// past the oldest speech not yet placed (so that speech's signing can still start near it).
        func gate(slack: Double) -> Double {
            min(received, (oldestPending ?? .infinity) + slack)
        }

        /// True when the input has ended and all its speech is placed.
        var drained: Bool { inputEnded && queue.isEmpty && planning == nil }
    }

    private let condition = NSCondition()
    private var fields = Fields()

    /// A copy of the fields.
    var snapshot: Fields {
        condition.lock()
        defer { condition.unlock() }
        return fields
    }

    /// Changes the fields and wakes every waiting thread.
    func update(_ change: (inout Fields) -> Void) {
        condition.lock()
        change(&fields)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `ready` holds, then returns `body`'s result, both with the lock held.
    func wait<T>(until ready: (Fields) -> Bool, then body: (inout Fields) throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        while !ready(fields) { condition.wait() }
        let result = try body(&fields)
        condition.broadcast()
        return result
    }

    /// The planner's next utterance with the earliest output time its signing may start at; nil when there
    /// will be none (input ended, run stopped, or an error). Utterances whose speech ended more than `maxBacklog`
    /// seconds ago are skipped (and counted), so after a stall the avatar catches up instead of drifting behind.
    func nextUtterance(maxBacklog: Double) -> (Utterance, Double)? {
        while true {
            let next: (Utterance, Double)?? = wait(until: { !$0.queue.isEmpty || $0.inputEnded || $0.stopped || $0.error != nil }) { fields in
                guard fields.error == nil, !fields.stopped, !fields.queue.isEmpty else { return .some(nil) }
                let next = fields.queue.removeFirst()
                fields.utterances += 1
                if ProcessInfo.processInfo.systemUptime - next.arrival - next.duration > maxBacklog {
                    fields.skipped += 1
                    return nil
                }
                fields.planning = next
                return (next, max(fields.head, fields.placed.last?.end ?? 0))
            }
            if let next { return next }
        }
    }

    /// Ends the run for the reader and planner.
    func stop() { update { $0.stopped = true } }

    /// Ends the run for all three threads: the reader and planner stop, the writer ends at its next frame.
    func endEarly() { update { $0.stopped = true; $0.endedEarly = true; $0.inputEnded = true; $0.queue = [] } }
}
