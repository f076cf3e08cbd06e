import Foundation
@testable import Whisper

/// Writes a CTranslate2 `model.bin` (binary version 6) the way `ct2-transformers-converter --quantization int8`
/// does: 2-D and 3-D weights as int8 with a per-row `<name>_scale` (127 / amax), the rest as float32.
enum CTranslate2Writer {
    static func writeInt8(from source: CTranslate2Model, to path: URL) throws {
        var out = Data()
        func u32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out.append(contentsOf: $0) } }
        func string(_ text: String) {
            let bytes = Array(text.utf8) + [0]
            withUnsafeBytes(of: UInt16(bytes.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        func floats(_ values: [Float]) {  // x86-64 and arm64 are little-endian, as the format is
            values.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        /// (name, shape, dtype, payload writer)
        var variables: [(String, [Int], UInt8, Int, () -> Void)] = []
        for (name, tensor) in source.tensors where name != "decoder/projection/weight" {
            if tensor.shape.count >= 2 && name.hasSuffix("weight") {
                let rows = tensor.shape[0], rowLength = tensor.count / rows
                let scales = (0..<rows).map { r -> Float in
                    let amax = tensor.values[(r * rowLength)..<((r + 1) * rowLength)].map(abs).max() ?? 0
                    return amax == 0 ? 127 : 127 / amax
                }
                variables.append((name, tensor.shape, 1, tensor.count, {
                    out.append(contentsOf: tensor.values.indices.map {
                        UInt8(bitPattern: Int8((tensor.values[$0] * scales[$0 / rowLength]).rounded()))
                    })
                }))
                variables.append((name + "_scale", [rows], 0, 4 * rows, { floats(scales) }))
            } else {
                variables.append((name, tensor.shape, 0, 4 * tensor.count, { floats(tensor.values) }))
            }
        }
        for (name, value) in source.scalars {
            variables.append((name, [], 3, 4, { withUnsafeBytes(of: Int32(value).littleEndian) { out.append(contentsOf: $0) } }))
        }
        variables.sort { $0.0 < $1.0 }
        u32(6); string("WhisperSpec"); u32(3)
        u32(variables.count)
        for (name, shape, dtype, byteCount, payload) in variables {
            string(name)
            out.append(UInt8(shape.count))
            for n in shape { u32(n) }
            out.append(dtype)
            u32(byteCount)
            payload()
        }
        u32(1); string("decoder/projection/weight"); string("decoder/embeddings/weight")
        try out.write(to: path)
    }
}
