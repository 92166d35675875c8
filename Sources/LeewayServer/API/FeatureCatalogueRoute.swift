import Foundation
import Hummingbird
import LeewayCore

extension CacheRoutes {
    /// `GET /v1/features/catalogue`: every named model input (``FeatureCatalogue``), in
    /// catalogue order, with the catalogue's version. Static: served before the cache is ready.
    func featureCatalogue() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(bytes: Self.catalogueBody)))
    }

    /// The catalogue's JSON, encoded once.
    static let catalogueBody: [UInt8] = {
        struct Body: Encodable {
            let version: String
            let inputs: [FeatureCatalogue.Entry]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(Body(version: FeatureCatalogue.version, inputs: FeatureCatalogue.entries))) ?? Data("{}".utf8))
    }()
}
