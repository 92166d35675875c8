/// The yardstick of the loss scenarios: the same records through one processor that
/// nothing disturbs. Returns its predictions (distinct values).
func undisturbedRun(_ records: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)], name: String,
                    options: ChaosOptions) async throws -> ValueSet {
    let reference = try await ChaosPipeline.make(name, brokers: options.brokers)
    try await reference.produce(records, to: reference.topics.telemetry)
    let processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(reference), log: name)
    try await reference.waitUntilCommitted(watching: processor)
    _ = await processor.stop()
    let predictions = ValueSet()
    _ = try await reference.read(reference.topics.predictions) { predictions.add($0) }
    return predictions
}

/// A disturbed pipeline's predictions held against the undisturbed run's.
struct PredictionTally {
    /// Distinct predictions the pipeline wrote.
    var distinct: Int
    /// Predictions written more than once.
    var duplicated: Int
    /// The undisturbed run's predictions the pipeline never wrote.
    var lost: Int
    /// Predictions the undisturbed run did not write.
    var invented: Int

    var verdict: String {
        lost == 0 && invented == 0 ? "predictions equal an undisturbed run's" : "\(invented) differ, \(lost) missing"
    }
}

extension ChaosPipeline {
    /// Reads the pipeline's predictions and compares them with `expected`.
    func tallyPredictions(against expected: ValueSet) async throws -> PredictionTally {
        let got = ValueSet()
        let outputs = try await read(topics.predictions) { got.add($0) }
        return PredictionTally(distinct: got.values.count, duplicated: outputs - got.values.count,
                               lost: expected.values.subtracting(got.values).count,
                               invented: got.values.subtracting(expected.values).count)
    }
}
