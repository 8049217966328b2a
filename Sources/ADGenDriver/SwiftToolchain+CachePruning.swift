import Foundation

/// The compile cache stays bounded: after each new entry, the least recently used entries
/// beyond ``SwiftToolchain/maximumCacheEntries`` are removed (a cache hit marks its entry
/// used). Pruning never fails a compile: an entry that cannot be removed is left.
extension SwiftToolchain {
    /// The most entries (compiled programs) the cache keeps.
    public static let maximumCacheEntries = 24

    /// Removes the least recently used entries until at most `limit` remain, never `keeping`.
    /// Returns the names of the entries removed.
    @discardableResult
    public func pruneCache(keeping entry: URL? = nil, limit: Int = SwiftToolchain.maximumCacheEntries) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: cacheDirectory.path) else { return [] }
        let kept = entry?.standardizedFileURL
        var entries: [(url: URL, used: Date)] = []
        for name in names {
            let url = cacheDirectory.appendingPathComponent(name, isDirectory: true)
            if url.standardizedFileURL != kept { entries.append((url, Self.lastUse(of: url))) }
        }
        entries.sort { first, second in
            first.used == second.used ? first.url.lastPathComponent < second.url.lastPathComponent : first.used < second.used
        }
        let keptOthers = Swift.max(limit - (entry == nil ? 0 : 1), 0)
        var removed: [String] = []
        for old in entries.prefix(Swift.max(entries.count - keptOthers, 0)) where (try? manager.removeItem(at: old.url)) != nil {
            removed.append(old.url.lastPathComponent)
        }
        return removed
    }

    /// Marks `entry` used now (its modification date), so pruning keeps it longest.
    func markUsed(_ entry: URL) {
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: entry.path)
    }

    static func lastUse(of entry: URL) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: entry.path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }
}
