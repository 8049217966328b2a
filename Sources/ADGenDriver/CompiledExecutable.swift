import Foundation

/// An executable built by ``SwiftToolchain/compile(_:flags:)``.
public struct CompiledExecutable: Sendable, Equatable {
    /// Where the executable is, inside the cache directory.
    public let url: URL
    /// The content hash naming its cache entry (16 hex digits).
    public let cacheKey: String
    /// `true` when it was already in the cache and swiftc did not run.
    public let wasCached: Bool

    /// An executable at `url` with its cache key and whether it came from the cache.
    public init(url: URL, cacheKey: String, wasCached: Bool) {
        self.url = url
        self.cacheKey = cacheKey
        self.wasCached = wasCached
    }
}
