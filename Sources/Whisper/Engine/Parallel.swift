import Dispatch

/// Splits row-wise work over the worker threads.
enum Parallel {
    /// Calls `body(rows, block)` once per block of contiguous rows, `blocks` blocks at once, one per thread.
    static func blocks(_ count: Int, blocks: Int = Linalg.defaultThreadCount, _ body: (Range<Int>, Int) -> Void) {
        let blocks = max(1, min(blocks, count))
        guard blocks > 1 else { body(0..<count, 0); return }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                box.value((block * count / blocks)..<((block + 1) * count / blocks), block)
            }
        }
    }
}

/// Lets a non-Sendable closure into `concurrentPerform`; safe because every block touches disjoint rows
/// and `concurrentPerform` returns only when all blocks are done.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
