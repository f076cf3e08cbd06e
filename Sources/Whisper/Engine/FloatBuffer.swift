import Foundation

/// A fixed-size block of Float32 scratch memory owned by one engine object, allocated once and zeroed,
/// freed when its owner goes away. Lets the hot loops use plain pointers instead of nested `withUnsafe…` closures.
final class FloatBuffer {
    /// The first element; valid for `count` elements while this buffer lives.
    let pointer: UnsafeMutablePointer<Float>
    /// Number of elements.
    let count: Int

    /// Allocates `count` zeroed floats. Through `calloc`, so a large buffer's pages become resident only when first
    /// written: the decoder's self-attention cache is sized for 448 positions of every hypothesis but a window
    /// mostly fills a fraction of it.
    init(count: Int) {
        self.count = count
        pointer = calloc(max(1, count), MemoryLayout<Float>.stride)!.bindMemory(to: Float.self, capacity: max(1, count))
    }

    deinit { free(pointer) }

    /// Element `offset` onwards.
    subscript(offset offset: Int) -> UnsafeMutablePointer<Float> { pointer + offset }
}
