import Foundation

/// The length a RIFF/WAVE file's header declares. FFmpeg reports a WAV's duration from the bytes present, so a file cut
/// off in a copy or download looks complete; its `data` chunk still says how long it was meant to be.
enum WAVHeader {
    /// Seconds of audio the `data` chunk declares (its size over the `fmt ` chunk's byte rate); nil when `path` is not
    /// a WAV file, or its sizes are placeholders (streamed WAVs write 0 or 0xFFFFFFFF).
    static func declaredSeconds(path: String) -> Double? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        guard let head = try? file.read(upToCount: 4096), head.count >= 12,
              head.prefix(4) == Data("RIFF".utf8), head[8..<12] == Data("WAVE".utf8) else { return nil }
        let bytes = [UInt8](head)
        func uint32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        var offset = 12
        var byteRate: UInt32?
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self), size = uint32(offset + 4)
            if id == "fmt ", offset + 20 <= bytes.count { byteRate = uint32(offset + 8 + 8) }
            if id == "data" {
                guard let byteRate, byteRate > 0, size > 0, size != UInt32.max else { return nil }
                return Double(size) / Double(byteRate)
            }
            offset += 8 + Int(size) + Int(size & 1)
        }
        return nil
    }
}
