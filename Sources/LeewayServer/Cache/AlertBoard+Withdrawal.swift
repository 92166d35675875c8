import Foundation
import Hummingbird
import LeewayCore

extension AlertBoard {
    /// A firing alert record turned into its resolution at `time`: what a withdrawal means to
    /// anyone following the alerts (its vessel was forgotten, so nothing will resolve it).
    /// Nil when `record` is not an alert record v1.
    static func withdrawn(_ record: ByteBuffer, at time: EventTime) -> ByteBuffer? {
        guard var alert = AlertRecord.decode(record.readableBytesView) else { return nil }
        alert.status = .resolved
        alert.endsAt = time.description
        return alert.json
    }
}
