import Foundation

/// The CPU time the calling thread has used: the work a compilation did. Hang guards
/// and scaling tests read this rather than the wall clock, which a loaded machine (the
/// other test processes, a `swiftc` batch on the second core) stretches without adgen
/// doing any more work.
enum ThreadClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// `body`'s result and the CPU seconds this thread spent in it.
    static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = seconds()
        let result = try body()
        return (result, seconds() - start)
    }
}
