import Foundation

/// Runs a blocking librdkafka call on a thread of its own. Neither the cooperative pool nor
/// Dispatch's global pool (on Linux about as wide as the machine has cores) may block: a
/// follow loop or a close waiting there would starve every other client's commit.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws(KafkaError) -> T) async throws(KafkaError) -> T {
    let result: Result<T, KafkaError> = await withCheckedContinuation { continuation in
        let thread = Thread {
            do throws(KafkaError) { continuation.resume(returning: .success(try work())) } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        thread.name = "kafka-blocking-call"
        thread.start()
    }
    return try result.get()
}
