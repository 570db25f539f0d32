#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WowGuardSystem

/// Runs a program and collects its output (for `doctor`, which drives git and agent hook commands
/// the way git and the agents do). Output is read while the child runs; a time limit kills it.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut = false
        var output: String { stdout + stderr }
    }

    /// The child currently running (killed when doctor is interrupted).
    nonisolated(unsafe) static var currentChild: pid_t = 0
    /// Set by an interrupt handler before it kills the child: the caller then waits for the
    /// handler to finish cleaning up and exit, instead of going on with a half-run check.
    nonisolated(unsafe) static var interrupted = false

    static func run(_ argv: [String], cwd: String? = nil, environment: [String: String?] = [:], stdin: String = "",
                    timeoutSeconds: Int = 120) -> Result {
        var env: [String: String] = [:]
        var e = environ
        while let p = e.pointee {
            let kv = String(cString: p)
            if let eq = kv.firstIndex(of: "=") { env[String(kv[..<eq])] = String(kv[kv.index(after: eq)...]) }
            e += 1
        }
        for (k, v) in environment { env[k] = v }
        // `cd DIR && exec PROGRAM ARGS…` through sh: posix_spawn has no portable chdir.
        let full = cwd.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + argv } ?? argv
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return Result(status: -1, stdout: "", stderr: "cannot create pipes") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // Its own process group, so that a time-out or an interrupt ends everything it started.
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        let cArgs = full.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs { free(p) }; for p in cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, full[0], &actions, &attr, cArgs, cEnv)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return Result(status: -1, stdout: "", stderr: "cannot run \(argv[0]): \(Posix.errnoText(rc))")
        }
        currentChild = pid
        defer { currentChild = 0 }
        let bytes = Array(stdin.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(inPipe[1], $0.baseAddress! + written, bytes.count - written) }
            if n <= 0 { break }
            written += n
        }
        close(inPipe[1])
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        let deadline = Posix.now() + UInt64(timeoutSeconds) * 1_000_000_000
        var timedOut = false
        var buf = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            if Posix.now() > deadline { timedOut = true; kill(-pid, SIGKILL); break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let r = poll(&fds, nfds_t(fds.count), 500)
            if r < 0 { if errno == EINTR { continue }; break }
            for f in fds where f.revents != 0 {
                let n = read(f.fd, &buf, buf.count)
                if n <= 0 { close(f.fd); open.removeAll { $0 == f.fd }; continue }
                if f.fd == outPipe[0] { out += buf[0..<n] } else { err += buf[0..<n] }
            }
        }
        for fd in open { close(fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        while interrupted { sleep(1) }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut)
    }
}
