import Foundation

/// Values loaded from a file once per process and shared: spoken-language data that every sign language reads
/// (the thesaurus, the word list), so a start-up that loads several sign languages reads each file once.
///
/// Keyed by path and modification date, so an edited file is read again. Loads of one key wait for each other (two
/// sign languages loading at once read a shared file once); loads of different keys run side by side.
public final class LoadCache<Value: Sendable>: @unchecked Sendable {
    // Safe: `values` and `keyLocks` are only touched while holding `lock`.
    private let lock = NSLock()
    private var values: [String: (modified: Date?, value: Value)] = [:]
    private var keyLocks: [String: NSLock] = [:]

    /// An empty cache.
    public init() {}

    /// The value for `path`, loaded by `load` when absent or when the file changed since; `key` tells apart
    /// values made from the same file with different other inputs (default: the path).
    public func value(for path: String, key: String? = nil, load: () throws -> Value) throws -> Value {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        let key = key ?? path
        let keyLock = lock.withLock {
            if let existing = keyLocks[key] { return existing }
            let made = NSLock()
            keyLocks[key] = made
            return made
        }
        keyLock.lock()
        defer { keyLock.unlock() }
        if let cached = lock.withLock({ values[key] }), cached.modified == modified { return cached.value }
        let value = try load()
        lock.withLock { values[key] = (modified, value) }
        return value
    }
}
