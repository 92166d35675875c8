import Foundation

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks.
public enum LoopbackSocket {
    /// Binds (and with `listening`, listens on) a loopback socket; returns it and its port.
    public static func bind(listening: Bool) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                Foundation.bind(fd, raw, length) == 0 && (!listening || listen(fd, 1) == 0) && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A loopback port nobody listens on: bound, then released.
    public static func closedPort() throws -> Int {
        let (fd, port) = try bind(listening: false)
        close(fd)
        return port
    }
}
