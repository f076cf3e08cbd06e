/// A short fingerprint of bytes, for keys that must change when content changes (review hashes, cached videos):
/// FNV-1a, 64 bit, as 16 lowercase hex digits. Not a cryptographic hash: nothing trusts it against forgery.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash; ``add(_:)`` the content.
    public init() {}

    /// The hash of `bytes`.
    public init(_ bytes: some Sequence<UInt8>) {
        add(bytes)
    }

    /// Mixes `bytes` in.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    /// Mixes in `part` followed by a separator byte, so ("ab", "c") and ("a", "bc") hash differently.
    public mutating func addField(_ part: some Sequence<UInt8>) {
        add(part)
        add([0x1F])
    }

    /// The 16 hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
