import Foundation

/// A whole file mapped read-only, unmapped when the value goes: model files are read in place instead of copied.
///
/// Pages already converted can be handed back early (``release(_:)``) so that, while a model loads, its file's
/// pages and the converted tensors are not all resident at once.
final class MappedFile {
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps `path`.
    /// - Throws: ``WhisperError/invalidModelFile(path:reason:)`` naming the file and the system's reason.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw WhisperError.invalidModelFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw WhisperError.invalidModelFile(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(status.st_size)
        guard size > 0 else { bytes = UnsafeRawBufferPointer(start: nil, count: 0); return }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw WhisperError.invalidModelFile(path: path, reason: "cannot map: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Drops the whole pages inside `range` (a part of ``bytes``) from memory; reading them again reads the file.
    func release(_ range: UnsafeRawBufferPointer) {
        guard let start = range.baseAddress, range.count > 0 else { return }
        let first = (Int(bitPattern: start) + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let end = (Int(bitPattern: start) + range.count) / Self.pageSize * Self.pageSize
        guard end > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        madvise(pointer, end - first, MADV_DONTNEED)
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }
}
