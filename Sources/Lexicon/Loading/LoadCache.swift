import Foundation

/// Values loaded from a file once per process and shared: spoken-language data that every sign language reads
/// (the thesaurus, the word list), so a start-up that loads several sign languages reads each file once.
///
/// Keyed by path and modification date, so an edited file is read again.
final class LoadCache<Value: Sendable>: @unchecked Sendable {
    // Safe: `values` is only touched while holding `lock`.
    private let lock = NSLock()
    private var values: [String: (modified: Date?, value: Value)] = [:]

    /// The value for `path`, loaded by `load` when absent or when the file changed since.
    func value(for path: String, load: () throws -> Value) throws -> Value {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        lock.lock()
        if let cached = values[path], cached.modified == modified {
            lock.unlock()
            return cached.value
        }
        lock.unlock()
        let value = try load()
        lock.lock()
        values[path] = (modified, value)
        lock.unlock()
        return value
    }
}
