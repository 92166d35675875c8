/// The yardstick of the loss scenarios: the same records through one processor that
/// nothing disturbs. Returns its predictions (distinct values).
func undisturbedRun(_ records: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)], name: String,
                    options: ChaosOptions) async throws -> ValueSet {
    let reference = try await ChaosPipeline.make(name, brokers: options.brokers)
    try await reference.produce(records, to: reference.topics.telemetry)
    let processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(reference), log: name)
    try await reference.waitUntilCommitted() { processor.process.isRunning }
    _ = await processor.stop()
    let predictions = ValueSet()
    _ = try await reference.read(reference.topics.predictions) { predictions.add($0) }
    return predictions
}
