#if canImport(Glibc)
import Glibc
#endif

/// Gives memory freed after a large piece of work (a 100,000-row import) back to the system.
/// glibc's allocator keeps freed memory for reuse; without this the server's resident size stays
/// at the import's peak until it restarts. (`malloc_trim` is looked up at run time: Swift's Glibc
/// module does not declare it.)
enum MemoryRelease {
    static func afterLargeWork() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }
}
