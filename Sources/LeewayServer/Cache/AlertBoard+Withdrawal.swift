import Foundation
import Hummingbird
import LeewayCore

extension AlertBoard {
    /// A firing alert record turned into its resolution at `time`: what a withdrawal means to
    /// anyone following the alerts (its vessel was forgotten, so nothing will resolve it).
    /// Nil when `record` is not a JSON object.
    static func withdrawn(_ record: ByteBuffer, at time: EventTime) -> ByteBuffer? {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(buffer: record))) as? [String: Any] else { return nil }
        object["status"] = "resolved"
        object["endsAt"] = time.description
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return ByteBuffer(bytes: data)
    }
}
