import Foundation

// port of the reader in https://github.com/OpenNMT/CTranslate2/blob/master/src/models/model.cc
// (layout: whisper-notes.md §1).

/// Reads a CTranslate2 `model.bin` (binary versions 1 to 6) into Float32 tensors named as in the file.
///
/// f16/bf16 weights are widened to f32; int8 weights are dequantised with their per-row `<name>_scale`
/// (int16 with its scalar scale). Rank-0 variables (`encoder/num_heads`, …) come back as ``scalars``.
struct CTranslate2Model {
    /// The newest binary version CTranslate2 4.x writes and the newest we read.
    static let newestBinaryVersion = 6

    /// The spec name in the header, "WhisperSpec" for Whisper.
    let specName: String
    /// Non-scalar tensors by name, aliases resolved to their targets.
    var tensors: [String: TensorData]
    /// Rank-0 integer variables by name.
    let scalars: [String: Int]

    /// One variable as stored: shape, element type and raw bytes inside the file.
    private struct RawVariable {
        var shape: [Int]
        var dtype: UInt8
        var payload: UnsafeRawBufferPointer
    }

    /// Parses `path`; the whole file must be consumed exactly.
    /// - Throws: ``WhisperError`` naming the file: truncated, foreign, unsupported version or element type.
    init(path: String) throws {
        let file = try MappedFile(path: path)
        (specName, tensors, scalars) = try Self.parse(file, path: path)
    }

    private static func parse(_ file: MappedFile, path: String) throws -> (String, [String: TensorData], [String: Int]) {
        var reader = BinaryReader(bytes: file.bytes, path: path)
        let version = Int(try reader.read(UInt32.self))
        // A foreign file shows up here as an absurd version number (ggml's magic, text, …).
        guard version >= 1, version <= 1000 else { throw WhisperError.unknownModelFormat(path: path) }
        guard version <= newestBinaryVersion else { throw WhisperError.unsupportedModelVersion(path: path, version: version) }
        var specName = ""
        if version >= 2 {
            specName = try readString(&reader)
            _ = try reader.read(UInt32.self)  // spec revision
        }
        let count = Int(try reader.read(UInt32.self))
        var variables: [String: RawVariable] = [:]
        for _ in 0..<count {
            let name = try readString(&reader)
            let rank = Int(try reader.read(UInt8.self))
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(Int(try reader.read(UInt32.self))) }
            let dtype: UInt8, byteCount: Int
            if version >= 4 {
                dtype = try reader.read(UInt8.self)
                byteCount = Int(try reader.read(UInt32.self))
            } else {
                let itemSize = Int(try reader.read(UInt8.self))
                byteCount = itemSize * Int(try reader.read(UInt32.self))
                dtype = [4: 0, 1: 1, 2: 2][itemSize] ?? 255
            }
            guard let itemSize = itemSize(dtype) else {
                throw WhisperError.unsupportedTensorType(path: path, name: name, type: "dtype id \(dtype)")
            }
            guard byteCount == shape.reduce(1, *) * itemSize else {
                throw WhisperError.invalidModel(path: path, reason: "\(name): \(byteCount) bytes for shape \(shape)")
            }
            variables[name] = RawVariable(shape: shape, dtype: dtype, payload: try reader.bytes(byteCount))
        }
        if version >= 3 {
            let aliasCount = Int(try reader.read(UInt32.self))
            for _ in 0..<aliasCount {
                let alias = try readString(&reader), target = try readString(&reader)
                // The C++ loader also aliases the quantisation side tensors.
                for suffix in ["", "_scale"] where variables[target + suffix] != nil {
                    variables[alias + suffix] = variables[target + suffix]
                }
            }
        }
        guard reader.isAtEnd else {
            throw WhisperError.invalidModel(path: path, reason: "\(reader.remaining) unexpected bytes after the last variable")
        }

        var tensors: [String: TensorData] = [:], scalars: [String: Int] = [:]
        // An alias shares its target's values (Whisper's output projection is the token embedding: 100 MB in base).
        var converted: [UnsafeRawPointer: [Float]] = [:]
        let names = variables.keys.sorted()  // file order does not matter; a fixed order keeps loading repeatable
        for name in names where !name.hasSuffix("_scale") || variables[String(name.dropLast(6))] == nil {
            let variable = variables[name]!
            if variable.shape.isEmpty {
                scalars[name] = scalarValue(variable)
                continue
            }
            let key = variable.payload.isEmpty ? nil : variable.payload.baseAddress
            let values = try key.flatMap { converted[$0] } ?? convert(variable, scale: variables[name + "_scale"], name: name, path: path)
            if let key { converted[key] = values }
            file.release(variable.payload)
            tensors[name] = TensorData(shape: variable.shape, values: values)
        }
        return (specName, tensors, scalars)
    }

    /// Float32 values of one tensor, dequantised with its scale tensor if it has one.
    private static func convert(_ variable: RawVariable, scale: RawVariable?, name: String, path: String) throws -> [Float] {
        let payload = variable.payload
        switch variable.dtype {
        case 0: return ElementConversion.fromFloat32(payload)
        case 4: return ElementConversion.fromFloat16(payload)
        case 5: return ElementConversion.fromBFloat16(payload)
        case 1:
            let scales = scale.map { ElementConversion.fromFloat32($0.payload) } ?? []
            guard scales.isEmpty || variable.shape[0] == scales.count else {
                throw WhisperError.invalidModel(path: path, reason: "\(name)_scale has \(scales.count) rows, tensor \(variable.shape[0])")
            }
            return ElementConversion.fromInt8(payload, rowScales: scales)
        case 2:
            let scaleValue = scale.map { ElementConversion.fromFloat32($0.payload) }?.first ?? 1
            return ElementConversion.fromInt16(payload, scale: scaleValue)
        default:
            throw WhisperError.unsupportedTensorType(path: path, name: name, type: "dtype id \(variable.dtype)")
        }
    }

    private static func scalarValue(_ variable: RawVariable) -> Int {
        let p = variable.payload
        switch variable.dtype {
        case 1: return Int(Int8(bitPattern: p[0]))
        case 2: return Int(Int16(littleEndian: p.loadUnaligned(as: Int16.self)))
        case 3: return Int(Int32(littleEndian: p.loadUnaligned(as: Int32.self)))
        case 0: return Int(Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))))
        default: return 0
        }
    }

    /// Bytes per element of a CTranslate2 dtype id: 0 f32, 1 i8, 2 i16, 3 i32, 4 f16, 5 bf16.
    private static func itemSize(_ dtype: UInt8) -> Int? {
        [0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2][dtype]
    }

    /// `u16 length including NUL`, then the bytes, the last of which is 0.
    private static func readString(_ reader: inout BinaryReader) throws -> String {
        let length = Int(try reader.read(UInt16.self))
        let bytes = try reader.bytes(length)
        guard length > 0, bytes[length - 1] == 0 else {
            throw WhisperError.invalidModel(path: reader.path, reason: "malformed name at byte \(reader.offset - length)")
        }
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
}
