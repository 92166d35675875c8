import Foundation

/// A bare HTTP/1.1 connection to 127.0.0.1: sends raw request bytes (pipelined, if the test
/// wants), then collects whatever arrives, so a test can wait for responses, events and the end.
final class LoopbackHTTPClient: @unchecked Sendable {
    private let fd: Int32
    private(set) var received = ""
    private(set) var ended = false

    convenience init(port: Int, path: String) throws {
        try self.init(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    }

    init(port: Int, request: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        send(request)
    }

    /// Sends more bytes on the connection.
    func send(_ text: String) {
        _ = text.withCString { Foundation.send(fd, $0, strlen($0), 0) }
    }

    /// Reads until `done` holds for what has arrived, the server closes, or `timeout` passes.
    /// Waits between polls with `Task.sleep`, so the server under test (on the same two-thread
    /// cooperative pool) keeps running.
    @discardableResult
    func read(until done: (String) -> Bool, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while !done(received), !ended, ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else {
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { ended = true } else { received += String(decoding: buffer[0..<count], as: UTF8.self) }
        }
        return done(received)
    }

    deinit { close(fd) }
}
