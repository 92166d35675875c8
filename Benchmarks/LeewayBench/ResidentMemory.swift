import Foundation

/// This process's resident memory, for figures of what holding something really costs
/// (allocator overhead and fragmentation included, which `MemoryLayout` cannot see).
enum ResidentMemory {
    /// The resident set size in bytes, from `/proc/self/statm` (0 where there is none).
    static var bytes: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Hands freed heap memory back to the system (glibc's `malloc_trim`, looked up at run
    /// time: Swift's Glibc module does not declare it), so that a later rise of ``bytes`` is
    /// memory newly in use rather than reuse of what earlier figures freed.
    static func trim() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}
