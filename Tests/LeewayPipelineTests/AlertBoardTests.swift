import Foundation
import Hummingbird
import LeewayCore
@testable import LeewayServer
import Testing

@Suite("Alert board")
struct AlertBoardTests {
    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }

    @Test("a re-read of the topic from its start repeats nothing to subscribers; a firing alert withdrawn arrives resolved")
    func replayAndWithdrawal() async throws {
        let board = AlertBoard()
        let (_, changes) = board.subscribe()
        let history = [CacheRun.alert("IMO1"), CacheRun.alert("IMO2"), CacheRun.alert("IMO2", resolved: true)]
        for _ in 0..<2 {   // the feed read the partition, was interrupted, and read it again from offset 0
            for (offset, alert) in history.enumerated() {
                #expect(board.apply(key: Array(alert.id.utf8), value: alert.json, partition: 0, offset: Int64(offset)))
            }
        }
        // The processor forgets IMO1: a tombstone, read twice as well; and one of a resolved alert.
        for _ in 0..<2 { board.apply(key: Array(history[0].id.utf8), value: nil, partition: 0, offset: 3) }
        board.apply(key: Array(history[1].id.utf8), value: nil, partition: 0, offset: 4)
        board.close()
        var events: [[String: Any]] = []
        for await change in changes { events.append(Self.json(change.body)) }

        #expect(events.map { $0["status"] as? String } == ["firing", "firing", "resolved", "resolved"], "once each, and the withdrawal")
        let withdrawn = try #require(events.last)
        #expect(withdrawn["id"] as? String == history[0].id)
        let endsAt = try #require(EventTime(rfc3339: withdrawn["endsAt"] as? String ?? ""))
        #expect(abs(endsAt.microseconds - EventTime.now.microseconds) < 60_000_000, "ends when the cache read the withdrawal")
        #expect((withdrawn["labels"] as? [String: Any])?["vessel_id"] as? String == "IMO1")
        #expect(board.alerts(status: nil).isEmpty, "both forgotten")
    }
}
