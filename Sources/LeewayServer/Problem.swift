import Foundation
import Hummingbird

/// An HTTP error as RFC 9457 problem details JSON: what went wrong, for whom to fix it.
public struct Problem: Error, Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// What is wrong, specifically (which parameter, which value).
    public var detail: String

    /// A problem with `status` and `detail`.
    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    /// The response.
    public var response: Response {
        let body: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/problem+json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
