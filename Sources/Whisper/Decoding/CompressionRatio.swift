import CZlib

/// openai's repetition check: `len(text) / len(zlib.compress(text))` over the UTF-8 bytes, default level.
enum CompressionRatio {
    static func of(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return 0 }
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = compress2(&output, &capacity, bytes, uLong(bytes.count), Z_DEFAULT_COMPRESSION)
        guard status == Z_OK, capacity > 0 else { return 0 }
        return Double(bytes.count) / Double(capacity)
    }
}
