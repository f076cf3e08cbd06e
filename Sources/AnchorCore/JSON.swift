import Foundation

/// JSON the way every SignAnchor output writes it (command line and HTTP service): pretty, keys sorted,
/// one trailing newline.
public enum JSON {
    /// `value` as documented JSON text.
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    /// `value` as documented JSON bytes, with the trailing newline.
    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}
