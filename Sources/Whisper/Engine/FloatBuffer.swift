/// A fixed-size block of Float32 scratch memory owned by one engine object, allocated once and zeroed,
/// freed when its owner goes away. Lets the hot loops use plain pointers instead of nested `withUnsafe…` closures.
final class FloatBuffer {
    /// The first element; valid for `count` elements while this buffer lives.
    let pointer: UnsafeMutablePointer<Float>
    /// Number of elements.
    let count: Int

    /// Allocates `count` zeroed floats.
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    deinit { pointer.deallocate() }

    /// Element `offset` onwards.
    subscript(offset offset: Int) -> UnsafeMutablePointer<Float> { pointer + offset }
}
