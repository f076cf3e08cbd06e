import Foundation

/// Values loaded from a file once per process and shared: spoken-language data that every sign language reads
/// (the thesaurus, the word list), so a start-up that loads several sign languages reads each file once.
///
/// Keyed by path and modification date, so an edited file is read again.
public final class LoadCache<Value: Sendable>: @unchecked Sendable {
    // Safe: `values` is only touched while holding `lock`.
    private let lock = NSLock()
    private var values: [String: (modified: Date?, value: Value)] = [:]

    /// An empty cache.
    public init() {}

    /// The value for `path`, loaded by `load` when absent or when the file changed since; `key` tells apart
    /// values made from the same file with different other inputs (default: the path).
    public func value(for path: String, key: String? = nil, load: () throws -> Value) throws -> Value {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        let key = key ?? path
        lock.lock()
        if let cached = values[key], cached.modified == modified {
            lock.unlock()
            return cached.value
        }
        lock.unlock()
        let value = try load()
        lock.lock()
        values[key] = (modified, value)
        lock.unlock()
        return value
    }
}
