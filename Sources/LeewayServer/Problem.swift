import Foundation
import Hummingbird

/// An HTTP error as RFC 9457 problem details JSON: what went wrong, for whom to fix it.
/// Routes throw it; as an `HTTPResponseError` it renders itself wherever it is caught.
public struct Problem: HTTPResponseError, Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// What is wrong, specifically (which parameter, which value).
    public var detail: String

    /// A problem with `status` and `detail`.
    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    private struct Document: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
    }

    /// The response.
    public var response: Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(title: status.reasonPhrase, status: status.code, detail: detail))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/problem+json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The response, for Hummingbird's error handling.
    public func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
