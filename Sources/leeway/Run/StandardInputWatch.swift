import Foundation
import Logging

/// Turns the end of standard input into SIGTERM: a supervisor (or a test) that holds a pipe
/// to this process stops it gracefully just by going away, even when it is killed.
enum StandardInputWatch {
    static func start(logger: Logger) {
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(STDIN_FILENO, &buffer, buffer.count) > 0 {}
            logger.notice("standard input closed; shutting down")
            kill(getpid(), SIGTERM)
        }
        thread.name = "stdin-watch"
        thread.start()
    }
}
