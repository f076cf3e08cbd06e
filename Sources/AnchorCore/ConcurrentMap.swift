import Dispatch

/// Work split over the machine's cores with results kept in order: `DispatchQueue.concurrentPerform` plus a slot per
/// iteration, for callers that build independent values side by side (chunks of a lexicon file, sign languages).
public enum ConcurrentMap {
    /// `work(index)` for each index in `0..<count`, run on all cores; the results in index order.
    public static func results<T>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(index, work(index)) }
        return slots.all
    }

    /// Results written from concurrent workers, each to its own slot.
    private final class Slots<T>: @unchecked Sendable {
        // Safe: each worker writes only its own slot of memory allocated once, and `all` is read after
        // `concurrentPerform` returns. (Not an Array: `withUnsafeMutableBufferPointer` moves an array's storage out
        // while it runs, so concurrent calls on one array race.)
        private let slots: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func store(_ index: Int, _ value: T) {
            slots[index] = value
        }

        var all: [T] { slots.map { $0! } }
    }
}
