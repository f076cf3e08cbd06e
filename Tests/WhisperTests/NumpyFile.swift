import Foundation

/// Reads a float32 `.npy` file (format 1.0, little-endian, C order): the golden vectors' format.
enum NumpyFile {
    struct Array {
        var shape: [Int]
        var values: [Float]
    }

    static func read(_ url: URL) throws -> Array {
        let data = try Data(contentsOf: url)
        guard data.count > 10, data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8) else { throw Malformed(url: url) }
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
              let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else { throw Malformed(url: url) }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let body = data.dropFirst(10 + headerLength)
        let values = body.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
        guard values.count == shape.reduce(1, *) else { throw Malformed(url: url) }
        return Array(shape: shape, values: values)
    }

    struct Malformed: Error { let url: URL }
}
