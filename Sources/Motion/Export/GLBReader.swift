import Foundation

/// A binary glTF 2.0 file (`.glb`) opened for reading: its JSON document and its binary chunk, with typed access to
/// accessors (dense or sparse), as ``SkinnedMesh`` needs them.
struct GLBReader {
    /// The JSON chunk, decoded.
    let document: GLTFDocument
    /// The binary chunk (buffer 0).
    let binary: Data
    /// The file, for messages.
    let path: String

    /// Splits a `.glb` file into its chunks and decodes the JSON.
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` for a file that is not a readable version 2 `.glb`.
    init(data: Data, path: String) throws {
        self.path = path
        func fail(_ reason: String) -> MotionError { .cannotRead(path: path, reason: reason) }
        guard data.count >= 20, Self.word(data, 0) == GLTFBuilder.magic else { throw fail("not a binary glTF (.glb) file") }
        guard Self.word(data, 4) == GLTFBuilder.version else { throw fail("glTF version \(Self.word(data, 4)), expected 2") }
        var chunks: [UInt32: Data] = [:]
        var offset = 12
        while offset + 8 <= data.count {
            let length = Int(Self.word(data, offset)), type = Self.word(data, offset + 4)
            guard offset + 8 + length <= data.count else { throw fail("a chunk runs past the end of the file (truncated?)") }
            if chunks[type] == nil { chunks[type] = data.subdata(in: data.startIndex + offset + 8..<data.startIndex + offset + 8 + length) }
            offset += 8 + length
        }
        guard let json = chunks[GLTFBuilder.jsonChunk] else { throw fail("no JSON chunk") }
        do {
            document = try JSONDecoder().decode(GLTFDocument.self, from: json)
        } catch {
            throw fail("the glTF JSON does not decode: \(error)")
        }
        binary = chunks[GLTFBuilder.binaryChunk] ?? Data()
    }

    /// Accessor `index` as floats, `type.components` per element, sparse replacements applied; integer components
    /// are converted as stored (not normalised).
    func floats(_ index: Int) throws -> [Float] {
        try values(index).map(Float.init)
    }

    /// Accessor `index` as doubles (exact for every component type), `type.components` per element.
    private func values(_ index: Int) throws -> [Double] {
        let accessor = try self.accessor(index)
        let width = accessor.type.components
        // Checked before allocating: a malformed count must be an error, not a trap or gigabytes of zeros.
        guard accessor.count >= 0, accessor.count <= binary.count + 1_000_000, (accessor.sparse?.count ?? 0) >= 0,
              (accessor.sparse?.count ?? 0) <= accessor.count else {
            throw MotionError.cannotRead(path: path, reason: "accessor \(index) has an impossible element count")
        }
        if let sparse = accessor.sparse, ![.unsignedByte, .unsignedShort, .unsignedInt].contains(sparse.indices.componentType) {
            throw MotionError.cannotRead(path: path, reason: "accessor \(index): sparse indices must be unsigned integers")
        }
        var values = [Double](repeating: 0, count: accessor.count * width)
        if let view = accessor.bufferView {
            try read(view: view, offset: accessor.byteOffset ?? 0, count: accessor.count * width, width: width,
                     component: accessor.componentType, accessor: index) { values[$0] = $1 }
        }
        if let sparse = accessor.sparse {
            var targets: [Int] = []
            try read(view: sparse.indices.bufferView, offset: sparse.indices.byteOffset ?? 0, count: sparse.count, width: 1,
                     component: sparse.indices.componentType, accessor: index) { _, value in targets.append(Int(value)) }
            guard targets.allSatisfy({ (0..<accessor.count).contains($0) }) else {
                throw MotionError.cannotRead(path: path, reason: "accessor \(index): a sparse index is out of range")
            }
            var replacements: [Double] = []
            try read(view: sparse.values.bufferView, offset: sparse.values.byteOffset ?? 0, count: sparse.count * width, width: width,
                     component: accessor.componentType, accessor: index) { _, value in replacements.append(value) }
            for (k, element) in targets.enumerated() {
                for c in 0..<width { values[element * width + c] = replacements[k * width + c] }
            }
        }
        return values
    }

    /// Accessor `index` as non-negative integers (indices, joint numbers).
    /// - Throws: when the accessor holds floats or negative values.
    func integers(_ index: Int) throws -> [UInt32] {
        let accessor = try self.accessor(index)
        guard accessor.componentType != .float else {
            throw MotionError.cannotRead(path: path, reason: "accessor \(index) holds floats where integers are expected")
        }
        return try values(index).map {
            guard $0 >= 0 else { throw MotionError.cannotRead(path: path, reason: "accessor \(index) has a negative index") }
            return UInt32($0)
        }
    }

    /// The accessor's description.
    func accessor(_ index: Int) throws -> GLTFDocument.Accessor {
        guard document.accessors.indices.contains(index) else {
            throw MotionError.cannotRead(path: path, reason: "accessor \(index) does not exist")
        }
        return document.accessors[index]
    }

    /// Calls `store(k, value)` for `count` components laid out in elements of `width` in buffer view `view`,
    /// respecting its byte stride; checks that every byte read is inside the view and the binary chunk.
    private func read(view: Int, offset: Int, count: Int, width: Int, component: GLTFDocument.ComponentType, accessor: Int,
                      _ store: (Int, Double) -> Void) throws {
        func fail(_ reason: String) -> MotionError { .cannotRead(path: path, reason: "accessor \(accessor): \(reason)") }
        guard document.bufferViews.indices.contains(view) else { throw fail("buffer view \(view) does not exist") }
        let bufferView = document.bufferViews[view]
        guard bufferView.buffer == 0 else { throw fail("buffer view \(view) is in an external buffer (only .glb's own is read)") }
        let size = component.size, elements = count / max(1, width)
        let stride = bufferView.byteStride ?? size * width
        guard offset >= 0, bufferView.byteOffset >= 0, bufferView.byteLength >= 0, stride >= size * width else {
            throw fail("buffer view \(view) has a negative offset or a stride shorter than an element")
        }
        let start = bufferView.byteOffset + offset
        let needed = elements == 0 ? 0 : stride * (elements - 1) + size * width
        guard offset + needed <= bufferView.byteLength, start + needed <= binary.count else {
            throw fail("its data runs past the end of buffer view \(view)")
        }
        binary.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for element in 0..<elements {
                let base = start + element * stride
                for c in 0..<width {
                    let at = base + c * size
                    let value: Double = switch component {
                    case .byte: Double(raw.load(fromByteOffset: at, as: Int8.self))
                    case .unsignedByte: Double(raw.load(fromByteOffset: at, as: UInt8.self))
                    case .short: Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self)))
                    case .unsignedShort: Double(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                    case .unsignedInt: Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                    case .float: Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))))
                    }
                    store(element * width + c, value)
                }
            }
        }
    }

    private static func word(_ data: Data, _ offset: Int) -> UInt32 {
        data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }
}
