/// A bounds-checked little-endian cursor over a model file's bytes.
///
/// Model files pack values with no alignment, so every read uses `loadUnaligned`; reading past
/// the end throws ``WhisperError/truncatedModel(path:offset:)`` instead of trapping.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    let path: String
    private(set) var offset = 0

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    /// Reads one fixed-width integer or float.
    mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        try need(MemoryLayout<T>.size)
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += MemoryLayout<T>.size
        return value
    }

    /// Reads `count` raw bytes, returned as a slice of the underlying buffer (no copy).
    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0 else { throw WhisperError.invalidModel(path: path, reason: "negative length at byte \(offset)") }
        try need(count)
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        offset += count
        return slice
    }

    private func need(_ count: Int) throws {
        guard count <= remaining else { throw WhisperError.truncatedModel(path: path, offset: bytes.count) }
    }
}
