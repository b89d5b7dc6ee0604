/// A fixed-size Float buffer with a stable address, zero-initialised and 64-byte aligned.
///
/// The engine's workspaces are made of these so that the time loop works on raw pointers that
/// never move and never allocate; this class is where that unsafety is contained.
final class FloatBuffer {
  /// The first element; valid for `count` elements until the buffer is released.
  let pointer: UnsafeMutablePointer<Float>
  let count: Int

  init(count: Int) {
    precondition(count >= 0, "a buffer cannot have a negative size")
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
    pointer = raw.initializeMemory(as: Float.self, repeating: 0, count: max(1, count))
  }

  deinit {
    pointer.deinitialize(count: max(1, count))
    UnsafeMutableRawPointer(pointer).deallocate()
  }

  /// Sets every element to zero.
  func zero() {
    pointer.update(repeating: 0, count: count)
  }

  /// Copies `values` (exactly `count` of them) into the buffer.
  func copy(from values: [Float]) {
    precondition(values.count == count, "copy needs exactly count values")
    values.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      pointer.update(from: base, count: count)
    }
  }

  /// The elements as an array.
  var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
