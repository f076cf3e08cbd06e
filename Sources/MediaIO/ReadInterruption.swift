internal import CFFmpeg
import Foundation

/// Ends a blocked read of an input from another thread: FFmpeg's interrupt callback asks this object between
/// its attempts to read (sockets are polled, pipes read without blocking), so a stalled input ends after
/// ``stallTimeout`` seconds without data, and any input ends at once after ``interrupt()``.
public final class ReadInterruption: @unchecked Sendable {
    // @unchecked: every field is touched with `lock` held.
    private let lock = NSLock()
    private var interrupted = false
    private var stallTimeout: Double?
    private var lastData = ProcessInfo.processInfo.systemUptime

    /// No stall timeout: only ``interrupt()`` ends a read.
    public init() {}

    /// Stops the current read and every later one.
    public func interrupt() {
        lock.lock()
        interrupted = true
        lock.unlock()
    }

    /// Whether ``interrupt()`` was called.
    public var isInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    /// Ends reads once no data has arrived for `seconds`; nil waits for ever.
    func setStallTimeout(_ seconds: Double?) {
        lock.lock()
        stallTimeout = seconds
        lastData = ProcessInfo.processInfo.systemUptime
        lock.unlock()
    }

    /// Data arrived: the stall clock starts again.
    func touch() {
        lock.lock()
        lastData = ProcessInfo.processInfo.systemUptime
        lock.unlock()
    }

    /// Whether the read in progress must stop.
    var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        if interrupted { return true }
        guard let stallTimeout else { return false }
        return ProcessInfo.processInfo.systemUptime - lastData > stallTimeout
    }

    /// The callback FFmpeg calls, with this object as its opaque pointer (kept alive by the input that holds it).
    var callback: AVIOInterruptCB {
        AVIOInterruptCB(callback: { opaque in
            guard let opaque else { return 0 }
            return Unmanaged<ReadInterruption>.fromOpaque(opaque).takeUnretainedValue().shouldStop ? 1 : 0
        }, opaque: Unmanaged.passUnretained(self).toOpaque())
    }
}
