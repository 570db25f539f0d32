#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// The one copy of the thin POSIX helpers used by the CLI, the git layer and the agent adapters
/// (no Foundation: it would add start-up time to the agent hook, which runs on every tool call).
///
/// Environment rule, everywhere: a variable set to the empty string counts as unset
/// (`HOME=`, `GIT_DIR=`, `CLAUDE_PROJECT_DIR=` name no directory).
public enum Posix {
    /// The name of a directory entry, read where it lies. `d_name` is declared as 256 bytes but the
    /// kernel packs entries by their real length: copying the declared field (as
    /// `withUnsafePointer(to: e.pointee.d_name)` does) reads past the last entry of the buffer
    /// (AddressSanitizer: heap-buffer-overflow in `make sanitize`).
    public static func entryName(_ e: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(e) + offset).assumingMemoryBound(to: CChar.self))
    }

    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    public static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The variable's value; nil when it is unset or empty.
    public static func env(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }

    public enum Kind: Sendable { case file, directory, symlink, other, missing }

    public static func kind(_ path: String, follow: Bool = true) -> Kind {
        var st = stat()
        let rc = follow ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func isExecutableFile(_ path: String) -> Bool { kind(path) == .file && access(path, X_OK) == 0 }

    public static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public static func cwd() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        return String(cString: buf)
    }

    public static func absolute(_ p: String, relativeTo base: String) -> String {
        p.hasPrefix("/") ? p : (base.hasSuffix("/") ? base + p : base + "/" + p)
    }

    /// Reads a whole file; nil if it does not exist.
    public static func readBytes(_ path: String) throws(Error) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Error(description: "cannot read \(path): \(errnoText())")
        }
        defer { close(fd) }
        switch readAll(fd: fd, limit: Int.max) {
        case .success(let b): return b
        case .failure(let e): throw Error(description: "cannot read \(path): \(e.description)")
        }
    }

    /// Reads a whole (small) file as a string; nil if it does not exist.
    public static func readText(_ path: String) throws(Error) -> String? {
        try readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Everything from a file descriptor, up to `limit` bytes (more is an error).
    public static func readAll(fd: Int32, limit: Int) -> Result<[UInt8], Error> {
        var out: [UInt8] = []
        // A regular file: its size is known, so it is read straight into one buffer (no chunk copies,
        // no zero fill); the loop below takes whatever follows if the file grew meanwhile.
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0, Int(st.st_size) <= limit {
            let size = Int(st.st_size)
            var failed: Int32 = 0
            out = [UInt8](unsafeUninitializedCapacity: size + 1) { buf, count in
                count = 0
                while count < size {
                    let n = read(fd, buf.baseAddress! + count, size - count)
                    if n < 0 { if errno == EINTR { continue }; failed = errno; return }
                    if n == 0 { break }
                    count += n
                }
            }
            if failed != 0 { return .failure(Error(description: errnoText(failed))) }
            if out.count < size { return .success(out) }  // shorter than its size said: that is all there is
        }
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buf, buf.count)
            if n < 0 { if errno == EINTR { continue }; return .failure(Error(description: errnoText())) }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
            if out.count > limit { return .failure(Error(description: "input larger than \(limit / 1_048_576) MiB")) }
        }
        return .success(out)
    }

    /// Writes a file in place (truncating).
    public static func writeText(_ path: String, _ text: String, mode: mode_t = 0o644) throws(Error) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Error(description: "cannot write \(path): \(errnoText())") }
        defer { close(fd) }
        guard writeAll(fd, text) else { throw Error(description: "cannot write \(path): \(errnoText())") }
    }

    /// Writes a file through a temporary file and a rename, so that readers never see half of it.
    public static func writeAtomically(_ path: String, _ text: String, mode: mode_t = 0o644) throws(Error) {
        let tmp = path + ".tmp-wow-guard"
        do { try writeText(tmp, text, mode: mode) } catch { unlink(tmp); throw error }
        guard chmod(tmp, mode) == 0, rename(tmp, path) == 0 else {
            let why = errnoText()
            unlink(tmp)
            throw Error(description: "cannot write \(path): \(why)")
        }
    }

    public static func remove(_ path: String) throws(Error) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Error(description: "cannot remove \(path): \(errnoText())") }
    }

    public static func move(_ from: String, to: String) throws(Error) {
        guard rename(from, to) == 0 else { throw Error(description: "cannot move \(from) to \(to): \(errnoText())") }
    }

    /// Removes a directory if it is empty (silently keeps it otherwise).
    public static func removeDirectoryIfEmpty(_ path: String) { rmdir(path) }

    /// Writes to a file descriptor (stdout = 1, stderr = 2).
    public static func output(_ text: String, to fd: Int32 = 1) { _ = writeAll(fd, text) }

    @discardableResult
    static func writeAll(_ fd: Int32, _ text: String) -> Bool {
        var t = text
        return t.withUTF8 { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { return false }
                off += n
            }
            return true
        }
    }

    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(Error) {
        var current = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST { throw Error(description: "cannot create \(current): \(errnoText())") }
        }
    }

    /// Monotonic clock in nanoseconds.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Wall clock, seconds since 1970.
    public static func wallClock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public static func cpuCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public static func processID() -> Int32 { getpid() }

    /// The first executable called `name` on `PATH` (as the agents' shells would find it).
    public static func which(_ name: String, path: String? = env("PATH")) -> String? {
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        for dir in (path ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = dir + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Absolute path of the running binary.
    public static func executablePath() -> String {
        #if os(Linux)
        if let p = realPath("/proc/self/exe") { return p }
        #endif
        let arg0 = CommandLine.arguments.first ?? "wow-guard"
        if arg0.contains("/"), let p = realPath(arg0) { return p }
        return which(arg0).flatMap { realPath($0) } ?? arg0
    }

    /// The enclosing git work tree of `dir` (a directory holding `.git`, a directory or a file).
    public static func gitTopLevel(of dir: String) -> String? {
        var d = dir
        while true {
            if kind(d + "/.git", follow: false) != .missing { return d }
            guard let slash = d.lastIndex(of: "/"), d != "/" else { return nil }
            d = slash == d.startIndex ? "/" : String(d[..<slash])
        }
    }
}
