import Foundation
import Kafka
import LeewayCore

#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { Glibc.connect(fd, address, length) }
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { Darwin.connect(fd, address, length) }
#endif

extension AISIngest {
    /// Why a TCP feed could not be read.
    public struct FeedError: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
    }

    /// Reads an AIS receiver's TCP feed (one sentence per line) until the receiver closes
    /// the connection, producing telemetry as it goes. The socket is read on a dedicated
    /// thread; a full producer queue makes that thread wait, never drops a record.
    public func run(tcpHost host: String, port: Int, format: Format, producer: KafkaProducer) async throws -> Summary {
        let fd = try Self.connect(host: host, port: port)
        let topic = self
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                defer { close(fd) }
                var session = Session(format: format)
                var pending: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { break }
                    pending += buffer[0..<n]
                    var start = 0
                    while let newline = pending[start...].firstIndex(of: 0x0A) {
                        let line = Substring(String(decoding: pending[start..<newline], as: UTF8.self))
                        start = newline + 1
                        for telemetry in session.add(line.trimmingSuffixCR, now: .now) {
                            do {
                                try Self.sendWaiting(topic.record(telemetry), producer)
                                session.produced += 1
                            } catch {
                                continuation.resume(throwing: error)
                                return
                            }
                        }
                    }
                    pending.removeFirst(start)
                }
                if !pending.isEmpty {
                    for telemetry in session.add(Substring(String(decoding: pending, as: UTF8.self)), now: .now) {
                        if (try? Self.sendWaiting(topic.record(telemetry), producer)) != nil { session.produced += 1 }
                    }
                }
                continuation.resume(returning: session.finish())
            }
            thread.name = "ais-tcp-feed"
            thread.start()
        }
    }

    /// Sends on the feed's own thread, waiting while the producer's queue is full.
    private static func sendWaiting(_ record: ProducerRecord, _ producer: KafkaProducer) throws(KafkaError) {
        while true {
            do {
                try producer.send(record)
                return
            } catch {
                guard error.code == .queueFull else { throw error }
                Thread.sleep(forTimeInterval: 0.001)
            }
        }
    }

    private static func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocket
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw FeedError(description: "cannot resolve \(host):\(port)")
        }
        defer { freeaddrinfo(result) }
        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if let address = info.pointee.ai_addr, connectSocket(fd, address, info.pointee.ai_addrlen) == 0 { return fd }
                lastError = String(cString: strerror(errno))
                close(fd)
            }
            candidate = info.pointee.ai_next
        }
        throw FeedError(description: "cannot connect to the AIS feed at \(host):\(port): \(lastError)")
    }
}

extension Substring {
    var trimmingSuffixCR: Substring { last == "\r" ? dropLast() : self }
}
