import Hummingbird

/// The on-call dashboard at `/`: one self-contained page (no CDN, no build step) that reads
/// the pull API: the fleet table, alerts live over server-sent events, lag and throughput.
enum Dashboard {
    static let response = Response(
        status: .ok,
        headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache",
                  .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"],
        body: .init(byteBuffer: ByteBuffer(string: DashboardPage.html)))
}
