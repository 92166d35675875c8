import Hummingbird

extension CacheRoutes {
    /// `GET /v1/alerts?status=firing|resolved|all&type=`: alert records v1, newest first
    /// (default: firing).
    func alerts(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let status = query["status"].map(String.init) ?? "firing"
        guard ["firing", "resolved", "all"].contains(status) else {
            throw Problem(.badRequest, "parameter \"status\": expected firing, resolved or all, got \"\(status.prefix(40))\"")
        }
        let type = try query.vesselType()
        try requireReady()
        let entries = stores.alerts.alerts(status: status == "all" ? nil : status, vesselType: type?.rawValue)
        var body = ByteBuffer()
        body.writeString("{\"alerts\":[")
        for (index, entry) in entries.enumerated() {
            if index > 0 { body.writeString(",") }
            var stored = entry.body
            body.writeBuffer(&stored)
        }
        body.writeString("]}")
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }

    /// `GET /v1/alerts/stream`: server-sent events. Every alert firing now, then every change
    /// as it arrives (`event: alert`, `id:` its sequence, `data:` the alert record), and a
    /// comment line every heartbeat. Ends when the server shuts down.
    func alertStream() -> Response {
        let (firing, changes) = stores.alerts.subscribe()
        let heartbeat = self.heartbeat
        let body = ResponseBody { writer in
            for entry in firing { try await writer.write(Self.event(entry.sequence, entry.body)) }
            try await writer.write(ByteBuffer(string: ": following fleet.drift-alerts.v1\n\n"))
            let (chunks, output) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(1_024))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await change in changes { output.yield(Self.event(change.sequence, change.body)) }
                    output.finish()
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: heartbeat)
                        output.yield(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                }
                for await chunk in chunks { try await writer.write(chunk) }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    static func event(_ sequence: Int, _ record: ByteBuffer) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("event: alert\nid: \(sequence)\ndata: ")
        var record = record
        buffer.writeBuffer(&record)
        buffer.writeString("\n\n")
        return buffer
    }
}
