import Foundation

/// Planned signs kept for reuse: an animator given a cache plans each distinct sign once (planning places and
/// orients the hands, the costly part of animating), for callers that animate many phrases of the same signs, such
/// as distillation measuring candidate texts. Only valid for one avatar and timing. Thread-safe.
public final class SignClipCache: @unchecked Sendable {
    // @unchecked: `clips` is only touched with `lock` held.
    private let lock = NSLock()
    private var clips: [SignDescription: SignClip] = [:]

    /// An empty cache.
    public init() {}

    /// The clip of `sign`, planned with `plan` the first time.
    func clip(_ sign: SignDescription, plan: () throws -> SignClip) rethrows -> SignClip {
        if let known = lock.withLock({ clips[sign] }) { return known }
        let planned = try plan()
        lock.withLock { clips[sign] = planned }
        return planned
    }
}
