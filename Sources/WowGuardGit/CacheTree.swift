import CLibgit2
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index's cache-tree (its `TREE` extension): for each directory, the id of the tree its
/// staged content would make, while nothing below it changed. Git keeps it up to date and uses it
/// to skip unchanged directories when it compares the index with `HEAD`; libgit2's diff does not,
/// so pre-commit in a large repository read every tree. Here it narrows the diff to the paths that
/// can differ (a 10-line change in a 27,000-file repository: a handful of paths).
struct CacheTree {
    /// One staged entry as the index file has it (stage 0 only).
    struct Entry {
        var pathOffset: Int
        var mode: UInt32
        var oid: git_oid
    }

    /// The parsed index: NUL-terminated paths in one buffer (sorted, as git keeps them), the
    /// entries, and the cache-tree.
    final class Index {
        let pathBytes: UnsafeMutableBufferPointer<CChar>
        let entries: [Entry]
        let root: Node
        /// Takes ownership of `pathBytes`.
        init(pathBytes: UnsafeMutableBufferPointer<CChar>, entries: [Entry], root: Node) {
            self.pathBytes = pathBytes
            self.entries = entries
            self.root = root
        }
        deinit { pathBytes.deallocate() }
        func path(_ i: Int) -> UnsafePointer<CChar> { UnsafePointer(pathBytes.baseAddress! + entries[i].pathOffset) }
    }

    struct Node {
        var name: String
        /// Negative: invalidated (something below changed since the tree was written).
        var entryCount: Int
        var oid: git_oid?
        var children: [Node]
    }

    /// Parses the `TREE` extension of an index file; nil when there is none or the file is of a kind
    /// this reader does not take apart (split index, unknown version): the caller diffs everything.
    static func read(indexFile path: String) -> Node? { readIndex(path)?.root }

    static func readIndex(_ path: String) -> Index? {
        guard let bytes = (try? Posix.readBytes(path)) ?? nil, bytes.count >= 32 else { return nil }
        return bytes.withUnsafeBufferPointer { parse($0) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Index? {
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        guard b.count >= 32, let base = b.baseAddress else { return nil }
        guard b[0] == 0x44, b[1] == 0x49, b[2] == 0x52, b[3] == 0x43 else { return nil }  // "DIRC"
        let version = u32(4), count = u32(8)
        guard (2...4).contains(version) else { return nil }
        var i = 12
        let end = b.count - 20  // the trailing checksum
        // Paths are never longer than the file: one buffer, filled by copying (raw pointers and
        // memchr: a 27,000-entry index is parsed in a few instructions a byte).
        let capacity = b.count + 1
        let paths = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        var owned = true
        defer { if owned { paths.deallocate() } }
        var w = 0
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var previous: [UInt8] = []
        /// The position of the NUL that ends the string at `from` (before `end`), or nil.
        func nul(from: Int) -> Int? {
            guard from < end, let hit = memchr(base + from, 0, end - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        for _ in 0..<count {
            let start = i
            guard i + 62 <= end else { return nil }
            let mode = UInt32(u32(i + 24))
            var oid = git_oid()
            withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + i + 40, count: 20)) }
            let flags = Int(b[i + 60]) << 8 | Int(b[i + 61])
            // Conflicts (stage > 0) and extended flags (intent-to-add, skip-worktree): the full diff.
            if flags & 0x3000 != 0 || flags & 0x4000 != 0 { return nil }
            i += 62
            let offset = w
            if version == 4 {
                // Prefix-compressed path: strip N bytes of the previous path, then a NUL-terminated suffix.
                guard i < end else { return nil }
                var c = Int(b[i]); i += 1
                var strip = c & 127
                while c & 128 != 0 {
                    guard i < end else { return nil }
                    strip += 1
                    c = Int(b[i]); i += 1
                    strip = (strip << 7) + (c & 127)
                }
                guard strip <= previous.count, let stop = nul(from: i) else { return nil }
                previous.removeLast(strip)
                previous.append(contentsOf: UnsafeBufferPointer(start: base + i, count: stop - i))
                i = stop + 1
                guard w + previous.count < capacity else { return nil }
                previous.withUnsafeBytes { UnsafeMutableRawPointer(paths + w).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                w += previous.count
            } else {
                guard let stop = nul(from: i) else { return nil }
                let n = stop - i
                guard w + n < capacity else { return nil }
                UnsafeMutableRawPointer(paths + w).copyMemory(from: base + i, byteCount: n)
                w += n
                i = stop
                // NUL-padded to a multiple of 8 bytes from the entry's start (at least one NUL).
                let len = i - start
                i = start + ((len + 8) & ~7)
            }
            guard i <= end, w < capacity else { return nil }
            entries.append(Entry(pathOffset: offset, mode: mode, oid: oid))
            paths[w] = 0
            w += 1
        }
        while i + 8 <= end {
            let sig = (b[i], b[i + 1], b[i + 2], b[i + 3])
            let size = u32(i + 4)
            let data = i + 8
            guard data + size <= end else { return nil }
            if sig == (0x6C, 0x69, 0x6E, 0x6B) { return nil }  // "link": split index
            if sig == (0x54, 0x52, 0x45, 0x45) {  // "TREE"
                var p = data
                guard let root = node(b, &p, data + size, depth: 0) else { return nil }
                owned = false
                return Index(pathBytes: UnsafeMutableBufferPointer(start: paths, count: capacity), entries: entries, root: root)
            }
            i = data + size
        }
        return nil
    }

    private static func node(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int, _ end: Int, depth: Int) -> Node? {
        guard depth < 512 else { return nil }
        let nameStart = p
        while p < end, b[p] != 0 { p += 1 }
        guard p < end else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<p]), as: UTF8.self)
        p += 1
        func number(until stop: UInt8) -> Int? {
            var neg = false, v = 0, any = false
            if p < end, b[p] == UInt8(ascii: "-") { neg = true; p += 1 }
            while p < end, b[p] != stop {
                guard b[p] >= 48, b[p] <= 57 else { return nil }
                v = v * 10 + Int(b[p] - 48); any = true; p += 1
            }
            guard any, p < end else { return nil }
            p += 1
            return neg ? -v : v
        }
        guard let entries = number(until: 0x20), let subtrees = number(until: 0x0A) else { return nil }
        var oid: git_oid?
        if entries >= 0 {
            guard p + 20 <= end else { return nil }
            var o = git_oid()
            withUnsafeMutableBytes(of: &o.id) { raw in for k in 0..<20 { raw[k] = b[p + k] } }
            oid = o
            p += 20
        }
        var children: [Node] = []
        for _ in 0..<max(0, subtrees) {
            guard let c = node(b, &p, end, depth: depth + 1) else { return nil }
            children.append(c)
        }
        return Node(name: name, entryCount: entries, oid: oid, children: children)
    }

    /// The paths where the index may differ from `head` (the tree of HEAD): everything not inside
    /// a directory whose cache-tree id equals HEAD's tree there. Deleted and renamed paths are
    /// included from HEAD's side, so rename detection sees both ends.
    static func candidatePaths(_ index: Index, head: OpaquePointer, repo: OpaquePointer) -> [String]? {
        let paths = (0..<index.entries.count).map { index.path($0) }
        var walker = Walker(paths: paths, repo: repo)
        guard walker.walk(index.root, prefix: [], headOid: git_tree_id(head)!.pointee, range: 0..<paths.count) else { return nil }
        return walker.out
    }

    /// An in-memory index holding only the staged entries at `candidates` (those that are staged).
    static func smallIndex(_ index: Index, candidates: [String]) -> OpaquePointer? {
        var small: OpaquePointer?
        guard git_index_new(&small) == 0, let small else { return nil }
        let paths = (0..<index.entries.count).map { index.path($0) }
        let walker = Walker(paths: paths, repo: OpaquePointer(bitPattern: 1)!)
        for c in candidates {
            let key = Array(c.utf8) + [0]
            let pos = walker.lowerBound(key, 0..<paths.count)
            guard pos < paths.count, strcmp(paths[pos], c) == 0 else { continue }
            var e = git_index_entry()
            e.mode = index.entries[pos].mode
            e.id = index.entries[pos].oid
            let rc = c.withCString { p -> Int32 in
                e.path = p
                return git_index_add(small, &e)
            }
            guard rc == 0 else { git_index_free(small); return nil }
        }
        return small
    }

    private static func same(_ a: git_oid, _ b: git_oid) -> Bool {
        var x = a, y = b
        return git_oid_equal(&x, &y) != 0
    }

    /// The index paths are sorted bytewise, so the entries below a directory are one range, found
    /// by binary search.
    struct Walker {
        let paths: [UnsafePointer<CChar>]
        let repo: OpaquePointer
        var out: [String] = []

        /// The first position in `range` whose path is not below `key` in byte order.
        func lowerBound(_ key: [UInt8], _ range: Range<Int>) -> Int {
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi {
                let mid = (lo + hi) / 2
                let less = key.withUnsafeBufferPointer { k -> Bool in
                    let c = strncmp(paths[mid], UnsafeRawPointer(k.baseAddress!).assumingMemoryBound(to: CChar.self), k.count)
                    if c != 0 { return c < 0 }
                    return false  // equal prefix: not less (a path equal to or longer than key sorts at or after it)
                }
                if less { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        mutating func walk(_ node: Node, prefix: [UInt8], headOid: git_oid?, range: Range<Int>) -> Bool {
            if node.entryCount >= 0, let oid = node.oid, let h = headOid, CacheTree.same(oid, h) { return true }
            // Index side: the ranges of the known child directories recurse; the rest is a candidate.
            var childRanges: [(Node, [UInt8], Range<Int>)] = []
            for child in node.children {
                let base = prefix + Array(child.name.utf8)
                let lo = lowerBound(base + [UInt8(ascii: "/")], range)
                let hi = lowerBound(base + [UInt8(ascii: "0")], range)  // "0" follows "/" in byte order
                childRanges.append((child, base + [UInt8(ascii: "/")], lo..<max(lo, hi)))
            }
            let covered = childRanges.map(\.2).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            var k = range.lowerBound
            for r in covered {
                while k < r.lowerBound { out.append(String(cString: paths[k])); k += 1 }
                k = max(k, r.upperBound)
            }
            while k < range.upperBound { out.append(String(cString: paths[k])); k += 1 }
            // HEAD side: blobs here, and trees that the cache does not know (deleted or new directories).
            var headChildren: [String: git_oid] = [:]
            let prefixString = String(decoding: prefix, as: UTF8.self)
            if var h = headOid {
                var tree: OpaquePointer?
                guard git_tree_lookup(&tree, repo, &h) == 0, let tree else { return false }
                defer { git_tree_free(tree) }
                let known = Set(node.children.map(\.name))
                for i in 0..<git_tree_entrycount(tree) {
                    guard let e = git_tree_entry_byindex(tree, i) else { return false }
                    let name = String(cString: git_tree_entry_name(e))
                    if git_tree_entry_type(e) == GIT_OBJECT_TREE {
                        if known.contains(name) { headChildren[name] = git_tree_entry_id(e)!.pointee }
                        else if !allBlobs(of: e, path: prefixString + name + "/") { return false }
                    } else {
                        out.append(prefixString + name)
                    }
                }
            }
            for (child, childPrefix, r) in childRanges {
                if !walk(child, prefix: childPrefix, headOid: headChildren[child.name], range: r) { return false }
            }
            return true
        }

        mutating func allBlobs(of entry: OpaquePointer, path: String) -> Bool {
            var obj: OpaquePointer?
            guard git_tree_entry_to_object(&obj, repo, entry) == 0, let obj else { return false }
            defer { git_object_free(obj) }
            for k in 0..<git_tree_entrycount(obj) {
                guard let e = git_tree_entry_byindex(obj, k) else { return false }
                let name = String(cString: git_tree_entry_name(e))
                if git_tree_entry_type(e) == GIT_OBJECT_TREE {
                    if !allBlobs(of: e, path: path + name + "/") { return false }
                } else {
                    out.append(path + name)
                }
            }
            return true
        }
    }
}
