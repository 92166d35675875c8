import AsyncHTTPClient
import Foundation
import LeewayCore
import LeewayModels
import NIOCore
import NIOHTTP1

/// A model of kind `oip`: a model server asked over the Open Inference Protocol V2 (REST)
/// for all of a poll batch's rows of its type, in requests of bounded size and number, each
/// timed and retried with backoff within a deadline. After a failed batch, batches fall
/// back at once (the processor serves the baseline) while the server's `ready` endpoint is
/// asked in the background every quiet period; infer calls resume once it answers.
public struct OIPModel: BatchModel {
    public let identity: ModelIdentity
    public let layout: InputLayout
    /// The targets, in artifact order.
    public let targets: [PredictionTarget]
    /// Where the model runs.
    public let service: ModelService
    /// How it is called.
    public let settings: RemoteModelSettings
    private let scale: ResidualScale
    private let limit: CallLimit
    private let circuit: ServiceCircuit

    /// A model `service` that reads `layout` and answers `targets`.
    public init(identity: ModelIdentity, service: ModelService, layout: InputLayout, targets: [PredictionTarget],
                scale: ResidualScale = ResidualScale(), settings: RemoteModelSettings = RemoteModelSettings()) {
        self.identity = identity
        self.service = service
        self.layout = layout
        self.targets = targets
        self.scale = scale
        self.settings = settings
        limit = CallLimit(settings.concurrency)
        circuit = ServiceCircuit(quietPeriod: settings.quietPeriod)
    }

    private var base: String { service.url.hasSuffix("/") ? String(service.url.dropLast()) : service.url }
    private var readyURL: String { base + service.modelPath + "/ready" }

    public func predict(_ batch: FeatureBatch) async throws(ModelCallError) -> [TargetValues] {
        guard batch.count > 0 else { return [] }
        if let reason = circuit.openReason { throw ModelCallError(reason) }
        do throws(ModelCallError) {
            return try await infer(batch, before: ContinuousClock.now + settings.deadline)
        } catch {
            // The probe holds the URL, not the model, so that a model replaced meanwhile lets go.
            let url = readyURL, timeout = settings.timeout
            circuit.failed(error.reason) {
                if case .success = await Self.exchange(url, method: .GET, body: nil, timeout: timeout) { true } else { false }
            }
            throw error
        }
    }

    /// Asks the server once whether the model is ready (`GET /v2/models/{name}[/versions/{v}]/ready`),
    /// waiting at most the call timeout.
    public func ready() async throws(ModelCallError) {
        switch await Self.exchange(readyURL, method: .GET, body: nil, timeout: settings.timeout) {
        case .success: return
        case .failure(let failure): throw failure.error
        }
    }

    private func infer(_ batch: FeatureBatch, before deadline: ContinuousClock.Instant) async throws(ModelCallError) -> [TargetValues] {
        let url = base + service.modelPath + "/infer"
        let size = max(1, settings.rowsPerRequest)
        let chunks = stride(from: 0, to: batch.count, by: size).map { $0 ..< min(batch.count, $0 + size) }
        let targets = targets, limit = limit
        let results: [Result<[TargetValues], ModelCallError>] = await withTaskGroup(of: (Int, Result<[TargetValues], ModelCallError>).self) { group in
            for (index, rows) in chunks.enumerated() {
                group.addTask {
                    do throws(ModelCallError) {
                        let answers = try await limit.run { () throws(ModelCallError) -> [TargetValues] in
                            let bytes = try await call(url, method: .POST, body: InferenceRequest.body(batch, rows: rows), before: deadline)
                            let response: InferenceRequest.Response
                            do { response = try JSONDecoder().decode(InferenceRequest.Response.self, from: Data(bytes)) } catch {
                                throw ModelCallError("\(url) answered something that is not an infer response: \(error)")
                            }
                            return try InferenceRequest.answers(response, count: rows.count, targets: targets)
                        }
                        return (index, .success(answers))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var ordered = [Result<[TargetValues], ModelCallError>](repeating: .success([]), count: chunks.count)
            for await (index, result) in group { ordered[index] = result }
            return ordered
        }
        var answers: [TargetValues] = []
        answers.reserveCapacity(batch.count)
        for result in results { answers += try result.get() }
        return answers
    }

    /// One HTTP exchange, retried with backoff on failures worth retrying, within `deadline`.
    private func call(_ url: String, method: HTTPMethod, body: [UInt8]?, before deadline: ContinuousClock.Instant) async throws(ModelCallError) -> [UInt8] {
        var pause = settings.backoff
        var attempt = 0
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { throw ModelCallError("\(method) \(url): no answer within \(settings.deadline)") }
            let failure: ModelCallError
            switch await Self.exchange(url, method: method, body: body, timeout: min(settings.timeout, remaining)) {
            case .success(let bytes): return bytes
            case .failure(let error):
                if !error.retry { throw error.error }
                failure = error.error
            }
            attempt += 1
            guard attempt <= settings.retries, deadline - .now > pause else { throw failure }
            try? await Task.sleep(for: pause)
            pause *= 2
        }
    }

    /// A failed exchange, and whether trying again may help.
    private struct Failure: Error {
        var error: ModelCallError
        var retry: Bool
    }

    /// One HTTP exchange: the body of a 200, else why not.
    private static func exchange(_ url: String, method: HTTPMethod, body: [UInt8]?, timeout: Duration) async -> Result<[UInt8], Failure> {
        do {
            var request = HTTPClientRequest(url: url)
            request.method = method
            if let body {
                request.headers.add(name: "content-type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
            let bytes = Array(buffer: try await response.body.collect(upTo: 64 << 20))
            if response.status == .ok { return .success(bytes) }
            let text = String(decoding: bytes.prefix(300), as: UTF8.self)
            // A request the server refuses (4xx but 408 and 429) will be refused again.
            let code = Int(response.status.code)
            return .failure(Failure(error: ModelCallError("\(method) \(url): HTTP \(code) \(text)"),
                                    retry: !(400..<500).contains(code) || [408, 429].contains(code)))
        } catch {
            return .failure(Failure(error: ModelCallError("\(method) \(url): \(error)"), retry: true))
        }
    }

    public func residualDeviation(_ target: PredictionTarget, predicted: Double) -> Double {
        scale.deviation(target, predicted: predicted)
    }

    public func residualBias(_ target: PredictionTarget, regime: OperatingRegime) -> Double {
        scale.bias(target, regime: regime)
    }
}
