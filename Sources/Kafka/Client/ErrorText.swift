/// A buffer for librdkafka's `errstr` out-parameters.
struct ErrorText {
    var buffer = [CChar](repeating: 0, count: 512)

    /// The text librdkafka wrote.
    var text: String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
