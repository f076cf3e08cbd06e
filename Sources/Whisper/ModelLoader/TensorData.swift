import CWhisperKernels

/// A tensor read from a model file, already converted to Float32, in row-major order.
struct TensorData: Sendable {
    /// Dimensions, outermost first (numpy order).
    var shape: [Int]
    /// `shape.reduce(1, *)` values.
    var values: [Float]

    var count: Int { values.count }
}

/// Element-type conversions shared by the CTranslate2 and ggml loaders.
enum ElementConversion {
    /// Float32 from little-endian IEEE binary16 bytes (read as host UInt16: the engine runs on little-endian x86-64).
    static func fromFloat16(_ raw: UnsafeRawBufferPointer) -> [Float] {
        let count = raw.count / 2
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            if Int(bitPattern: raw.baseAddress) % 2 == 0 {
                wk_f16_to_f32(raw.baseAddress!.assumingMemoryBound(to: UInt16.self), out.baseAddress!, count, WK_BEST)
            } else {
                let aligned = [UInt8](raw)
                aligned.withUnsafeBytes { wk_f16_to_f32($0.baseAddress!.assumingMemoryBound(to: UInt16.self), out.baseAddress!, count, WK_BEST) }
            }
            initialized = count
        }
    }

    /// Float32 from little-endian bfloat16 bytes (the upper half of a Float32).
    static func fromBFloat16(_ raw: UnsafeRawBufferPointer) -> [Float] {
        (0..<raw.count / 2).map {
            Float(bitPattern: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) << 16)
        }
    }

    /// Float32 from little-endian Float32 bytes (copied, since the source is unaligned).
    static func fromFloat32(_ raw: UnsafeRawBufferPointer) -> [Float] {
        (0..<raw.count / 4).map {
            Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
        }
    }

    /// Dequantises int8 rows: `w = q / scale[row]`, one scale per outermost row (CTranslate2 int8).
    static func fromInt8(_ raw: UnsafeRawBufferPointer, rowScales: [Float]) -> [Float] {
        let rowLength = rowScales.isEmpty ? raw.count : raw.count / rowScales.count
        return (0..<raw.count).map { i in
            let q = Float(Int8(bitPattern: raw[i]))
            return rowScales.isEmpty ? q : q * (1 / rowScales[i / rowLength])
        }
    }

    /// Dequantises int16 with one scalar scale: `w = q / scale`.
    static func fromInt16(_ raw: UnsafeRawBufferPointer, scale: Float) -> [Float] {
        (0..<raw.count / 2).map {
            Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: Int16.self))) * (1 / scale)
        }
    }
}
