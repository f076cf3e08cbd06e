/// A raw buffer pointer handed to the parallel bands of a frame.
///
/// `@unchecked Sendable` because each band reads and writes only its own rows, so no two threads touch
/// the same element; the owning array outlives the parallel section (it is used inside `withUnsafe…`).
struct SharedPointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { base = buffer.baseAddress! }

    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
