import Foundation

/// Produces the next value on a background thread while the caller uses the current one, so rendering a frame
/// overlaps with encoding the previous one (each alone leaves part of the two cores idle).
///
/// `produce` runs on one background queue, one call at a time, and never at the same time as another call:
/// the next one starts only after the caller has taken the previous result.
final class Lookahead<Value>: @unchecked Sendable {
    // @unchecked: `result` is written by the queue and read by the caller only after `group.wait()`.
    private let queue = DispatchQueue(label: "signanchor.lookahead")
    private let group = DispatchGroup()
    private let produce: () throws -> Value?
    private var result: Result<Value?, any Error> = .success(nil)

    /// Starts producing the first value.
    init(_ produce: @escaping () throws -> Value?) {
        self.produce = produce
        schedule()
    }

    /// The next value, or nil after the last; starts producing the one after it.
    func next() throws -> Value? {
        group.wait()
        let value = try result.get()
        if value != nil { schedule() }
        return value
    }

    private func schedule() {
        group.enter()
        queue.async {
            self.result = Result { try self.produce() }
            self.group.leave()
        }
    }
}
