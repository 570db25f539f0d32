#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WowGuardCore
import WowGuardGit

/// A file to scan: where it is on disk and how it is reported.
struct ScanFile: Sendable {
    /// Path to open.
    var absolute: String
    /// Path relative to the scan root, for output.
    var display: String
    /// Path relative to the repository root (or scan root), for allowlist globs.
    var repoRelative: String
}

/// Lists the files of a scan: git's view of a repository (tracked files plus untracked files that
/// `.gitignore` does not exclude) or, with `--no-git` or outside a repository, every regular file.
enum FileLister {
    /// File names never worth scanning (binary formats), checked before opening.
    static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tiff", "psd", "pdf", "zip", "gz", "tgz", "bz2",
        "xz", "zst", "7z", "rar", "jar", "war", "class", "so", "dylib", "dll", "exe", "o", "a", "lib", "bin", "wasm",
        "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "mkv", "wav", "flac", "ogg", "sqlite", "db",
        "pyc", "pyo", "dmg", "iso", "deb", "rpm", "swiftmodule", "swiftdoc", "car", "nib", "tflite", "onnx", "pt",
    ]

    static func isBinaryName(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return binaryExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Finds the enclosing git work tree of `dir` (a `.git` directory or file), if any.
    static func gitTopLevel(of dir: String) -> String? { Posix.gitTopLevel(of: dir) }

    /// Files git knows below `dir` (libgit2: the index plus untracked, not ignored files), as
    /// paths relative to `dir`; nil when `dir` is not in a readable repository.
    static func gitFiles(in dir: String, listing: inout Listing) -> [String]? {
        guard let repo = try? Repository(discoverFrom: dir, useEnvironment: false), let workdir = repo.workdir else { return nil }
        let root = workdir.hasSuffix("/") ? String(workdir.dropLast()) : workdir
        let rootReal = Posix.realPath(root) ?? root
        let dirReal = Posix.realPath(dir) ?? dir
        let prefix = dirReal == rootReal ? "" : dirReal.hasPrefix(rootReal + "/") ? String(dirReal.dropFirst(rootReal.count + 1)) : nil
        guard let prefix, let files = try? repo.workTreeFiles(under: prefix) else { return nil }
        let cut = prefix.isEmpty ? 0 : prefix.count + 1
        for u in repo.unreadableDirectories(under: prefix) {
            let rel = String(u.path.dropFirst(cut))
            listing.unreadable.append((rel.isEmpty ? "./" : rel, u.reason))
        }
        return files.map { String($0.dropFirst(cut)) }
    }

    /// What a listing could not read (relative path and reason).
    struct Listing {
        var unreadable: [(path: String, reason: String)] = []
    }

    static func walk(_ dir: String, prefix: String, into out: inout [String], listing: inout Listing) {
        guard let d = opendir(dir) else {
            // A directory that cannot be listed is a hole in the scan, not an empty directory.
            listing.unreadable.append((prefix.isEmpty ? "." : prefix + "/", Posix.errnoText()))
            return
        }
        defer { closedir(d) }
        var entries: [(String, UInt8)] = []
        while let e = readdir(d) {
            let name = Posix.entryName(e)
            if name == "." || name == ".." || name == ".git" { continue }
            entries.append((name, e.pointee.d_type))
        }
        entries.sort { $0.0 < $1.0 }
        for (name, type) in entries {
            let full = dir + "/" + name
            let rel = prefix.isEmpty ? name : prefix + "/" + name
            var t = type
            if t == UInt8(DT_UNKNOWN) {
                switch Posix.kind(full, follow: false) {
                case .directory: t = UInt8(DT_DIR)
                case .file: t = UInt8(DT_REG)
                default: t = UInt8(DT_LNK)
                }
            }
            if t == UInt8(DT_DIR) { walk(full, prefix: rel, into: &out, listing: &listing) } else if t == UInt8(DT_REG) { out.append(rel) }
        }
    }
}

/// Reads files in bounded chunks so that files of any size are scanned in bounded memory.
final class ChunkReader {
    static let chunkSize = 8 * 1024 * 1024
    /// Overlap between chunks: longer than the longest multi-line match window.
    static let overlap = 64 * 1024
    var buffer: [UInt8] = []

    enum Outcome { case scanned(bytes: Int), binary, unreadable(String) }

    /// Calls `body(chunk, linesBeforeChunk)` for successive overlapping chunks; stops at binary content.
    func read(_ path: String, _ body: (UnsafeRawBufferPointer, Int) -> Void) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(Posix.errnoText()) }
        defer { close(fd) }
        if buffer.count < ChunkReader.chunkSize { buffer = [UInt8](repeating: 0, count: ChunkReader.chunkSize) }
        var filled = 0
        var lineBase = 0
        var total = 0
        var first = true
        while true {
            var eof = false
            while filled < buffer.count {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
                if n < 0 { if errno == EINTR { continue }; return .unreadable(Posix.errnoText()) }
                if n == 0 { eof = true; break }
                filled += n
                total += n
            }
            if first {
                first = false
                // Binary: a NUL byte in the first 8 KiB (as git decides).
                let probe = min(filled, 8000)
                if buffer.withUnsafeBytes({ $0[0..<probe].contains(0) }) { return .binary }
            }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<filled]), lineBase) }
            if eof { return .scanned(bytes: total) }
            // Keep the tail as the overlap, starting at a line boundary when there is one.
            var keepFrom = filled - ChunkReader.overlap
            if let nl = buffer[keepFrom..<filled].firstIndex(of: 0x0A) { keepFrom = nl + 1 }
            let keep = filled - keepFrom
            buffer.withUnsafeMutableBytes { b in
                b.baseAddress!.copyMemory(from: b.baseAddress! + keepFrom, byteCount: keep)
            }
            lineBase += buffer[0..<keepFrom].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            filled = keep
        }
    }
}
