import Foundation

/// Every file this process has made but not yet finished: atomic outputs' `.partial` files, spooled stdin,
/// job folders. A run stopped by a signal removes them all before it exits, so nothing half-written is left.
///
/// Thread-safe; ``removeAll()`` may run on any thread (the signal handler's queue) while others register.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Remembers `path` (a file or a folder) until ``forget(_:)``.
    public static func register(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    /// The file was finished (renamed into place) or removed by its owner.
    public static func forget(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Runs `body` (a rename into place, a removal) with no ``removeAll()`` in between, then forgets `path`.
    @discardableResult
    public static func finish<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { paths.remove(path); lock.unlock() }
        return try body()
    }

    /// Paths registered now.
    public static var registered: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    /// Removes every registered file and folder. The lock stays held, so no other thread can commit an output
    /// afterwards: call it only right before the process exits.
    public static func removeAllBeforeExit() {
        lock.lock()
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                unlink(path)
            }
        }
        paths = []
    }
}
