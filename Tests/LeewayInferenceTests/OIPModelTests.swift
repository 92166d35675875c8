import Foundation
import LeewayCore
@testable import LeewayInference
import LeewayModels
import Testing

/// The Open Inference Protocol client without a server: bodies, answers, refusals, fallback.
@Suite("OIP models: requests, answers and a server that is down")
struct OIPModelTests {
    static let layout = InputLayout([.speedThroughWater, .draft])

    @Test("the infer body carries the rows row-major as FP32, a missing input as null")
    func body() throws {
        var batch = FeatureBatch(width: 2)
        batch.append([12, .nan])
        batch.append([11.5, 14])
        let text = String(decoding: InferenceRequest.body(batch, rows: 0..<2), as: UTF8.self)
        #expect(text == #"{"inputs":[{"name":"features","shape":[2,2],"datatype":"FP32","data":[12.0,null,11.5,14.0]}]}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any], "valid JSON")
    }

    @Test("answers are read per target by name, or from one [N, T] output; anything else is refused, saying why")
    func answers() throws {
        typealias Output = InferenceRequest.Output
        let targets: [PredictionTarget] = [.fuelRate, .shaftPower]
        let named = InferenceRequest.Response(outputs: [
            Output(name: "shaft_power_kw", shape: [2, 1], datatype: "FP32", data: [9000, 8000]),
            Output(name: "fuel_rate_tph", shape: [2], datatype: "FP64", data: [1.5, .infinity]),
        ])
        let fromNames = try InferenceRequest.answers(named, count: 2, targets: targets)
        #expect(fromNames[0][.fuelRate] == 1.5 && fromNames[0][.shaftPower] == 9000)
        #expect(fromNames[1][.fuelRate] == nil && fromNames[1][.shaftPower] == 8000, "a non-finite answer counts as none")
        let matrix = InferenceRequest.Response(outputs: [Output(name: "predict", shape: [2, 2], datatype: "FP32", data: [1.5, 9000, 1.4, 8000])])
        let fromMatrix = try InferenceRequest.answers(matrix, count: 2, targets: targets)
        #expect(fromMatrix[1][.fuelRate] == 1.4 && fromMatrix[1][.shaftPower] == 8000)
        let short = InferenceRequest.Response(outputs: [Output(name: "predict", shape: [1, 2], datatype: "FP32", data: [1.5, 9000])])
        let refused = #expect(throws: ModelCallError.self) { try InferenceRequest.answers(short, count: 2, targets: targets) }
        #expect(refused?.reason.contains("must be one per target named fuel_rate_tph, shaft_power_kw") == true, "\(String(describing: refused))")
        let wrongShape = InferenceRequest.Response(outputs: [
            Output(name: "fuel_rate_tph", shape: [2, 3], datatype: "FP32", data: [1, 2, 3, 4, 5, 6]),
            Output(name: "shaft_power_kw", shape: [2], datatype: "FP32", data: [1, 2]),
        ])
        let shaped = #expect(throws: ModelCallError.self) { try InferenceRequest.answers(wrongShape, count: 2, targets: targets) }
        #expect(shaped?.reason.contains("output fuel_rate_tph has shape [2, 3]") == true, "\(String(describing: shaped))")
    }

    @Test("a server that refuses connections: the batch fails after its retries, the next ones fall back at once without a call")
    func downServer() async throws {
        var settings = RemoteModelSettings()
        settings.quietPeriod = .seconds(3600)
        settings.backoff = .milliseconds(5)
        let model = OIPModel(identity: ModelIdentity(name: "tanker-oip", version: 1, kind: "oip"),
                             service: ModelService(url: "http://127.0.0.1:1", model: "tanker-fuel", version: "v1"),
                             layout: Self.layout, targets: [.fuelRate], settings: settings)
        var batch = FeatureBatch(width: 2)
        batch.append([12, 14])
        let first = await #expect(throws: ModelCallError.self) { try await model.predict(batch) }
        #expect(first?.reason.contains("POST http://127.0.0.1:1/v2/models/tanker-fuel/versions/v1/infer") == true, "\(String(describing: first))")
        let second = await #expect(throws: ModelCallError.self) { try await model.predict(batch) }
        #expect(second?.reason.contains("falling back until the model answers ready") == true, "\(String(describing: second))")
        let ready = await #expect(throws: ModelCallError.self) { try await model.ready() }
        #expect(ready?.reason.contains("/v2/models/tanker-fuel/versions/v1/ready") == true)
    }

    @Test("an oip artifact needs a well-formed service")
    func serviceValidation() {
        #expect(throws: ArtifactError.modelService("service.url must be http://host:port or https://host:port, got \"ftp://x\"")) {
            try ModelService(url: "ftp://x", model: "m").validate()
        }
        #expect(throws: ArtifactError.modelService("service.model must be letters, digits, '-', '_' or '.', got \"a/b\"")) {
            try ModelService(url: "http://127.0.0.1:8080", model: "a/b").validate()
        }
        #expect(ModelService(url: "http://127.0.0.1:8080/", model: "m", version: "2").modelPath == "/v2/models/m/versions/2")
    }
}
