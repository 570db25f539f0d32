import ArgumentParser
import Dispatch
import Synchronization
import WowGuardCore
import WowGuardGit

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files for secrets, dangerous scripts and invisible Unicode.",
        discussion: """
        Inside a git repository, scans the files git knows (tracked, plus untracked files that .gitignore \
        does not exclude); elsewhere, or with --no-git, every regular file below each PATH.
        Exit status: 0 nothing found, 1 findings, 2 usage or configuration error.
        """
    )

    @Argument(help: "Files or directories to scan.")
    var paths: [String] = ["."]

    @Option(help: "Output format: text, json or sarif.")
    var format: OutputFormat = .text

    @Flag(help: "Scan every file below each path, ignoring git.")
    var noGit = false

    @Option(help: "Use this config file instead of the repository's .wow-guard.toml.")
    var config: String?

    @Flag(help: "Never use colours.")
    var noColor = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Scan only the lines the staged changes add (what `git commit` would record).")
    var staged = false

    @Flag(help: "Scan the lines each commit of the history adds (newest first).")
    var history = false

    @Option(help: "With --history: stop at this revision (exclusive), e.g. origin/main.")
    var since: String?

    @Flag(help: "With --history: walk every local branch, not only HEAD.")
    var branches = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if staged && history { throw ValidationError("--staged and --history cannot be combined") }
        if (since != nil || branches) && !history { throw ValidationError("--since and --branches go with --history") }
        if (staged || history) && (noGit || paths != ["."]) { throw ValidationError("--staged and --history scan the current repository; give no paths and no --no-git") }
    }

    func run() throws {
        if staged || history { return try runGit() }
        let start = Posix.now()
        var files: [ScanFile] = []
        var skippedByName = 0
        var configRoot: String?
        for path in paths {
            guard let abs = Posix.realPath(path) else { throw CLIError("no such file or directory: \(path)") }
            let kind = Posix.kind(abs)
            let dir = kind == .directory ? abs : String(abs[..<(abs.lastIndex(of: "/") ?? abs.startIndex)])
            let top = noGit ? nil : FileLister.gitTopLevel(of: dir.isEmpty ? "/" : dir)
            let root = top ?? dir
            if configRoot == nil { configRoot = root }
            let rootPrefix = root == "/" ? "/" : root + "/"
            func relative(_ p: String) -> String { p.hasPrefix(rootPrefix) ? String(p.dropFirst(rootPrefix.count)) : p }
            if kind == .file {
                let name = String(abs[abs.index(after: abs.lastIndex(of: "/")!)...])
                files.append(ScanFile(absolute: abs, display: paths.count == 1 ? name : path, repoRelative: relative(abs)))
                continue
            }
            guard kind == .directory else { throw CLIError("not a regular file or directory: \(path)") }
            var listed: [String] = []
            if top != nil, let git = FileLister.gitFiles(in: abs) { listed = git } else { FileLister.walk(abs, prefix: "", into: &listed) }
            let displayPrefix = paths.count == 1 ? "" : (path.hasSuffix("/") ? path : path + "/")
            for rel in listed {
                if FileLister.isBinaryName(rel) { skippedByName += 1; continue }
                let full = abs + "/" + rel
                files.append(ScanFile(absolute: full, display: displayPrefix + rel, repoRelative: relative(full)))
            }
        }
        let cfg = try ConfigLoader.load(root: configRoot ?? Posix.cwd(), explicit: config)
        let rules = cfg.rules()
        let scanner = SecretScanner(rules: rules, allowlist: cfg.allowlist, jit: true)

        let progress = format == .text && Posix.isTTY(2) && Posix.isTTY(1)
        let scripts = ScriptDetector(allowlist: cfg.allowlist)
        let result = ParallelScan.run(files: files, scanner: scanner, scripts: scripts, workers: jobs ?? Posix.cpuCount(), progress: progress)
        let stats = ScanStats(files: result.files, bytes: result.bytes,
                              durationMS: Int((Posix.now() - start) / 1_000_000), skippedBinary: result.binary + skippedByName)
        try report(result.findings, stats: stats, rules: rules)
        for w in result.warnings.prefix(20) { Posix.output("wow-guard: warning: \(w)\n", to: 2) }
        if !result.findings.isEmpty { throw ExitCode(1) }
    }

    func report(_ findings: [Finding], stats: ScanStats, rules: [SecretRule]) throws {
        switch format {
        case .json: Posix.output(Report.json(findings, stats: stats))
        case .sarif: Posix.output(Report.sarif(findings, rules: rules))
        case .text:
            let color = !noColor && Posix.isTTY(1) && Posix.env("NO_COLOR") == nil
            Posix.output(Report.text(findings, stats: stats, color: color))
        }
    }

    /// `--staged` and `--history`: added lines only, through libgit2.
    func runGit() throws {
        let start = Posix.now()
        let session = try GitSession(configPath: config)
        let detectors = ChangeDetectors.make(config: session.config)
        var findings: [Finding] = []
        var files = 0, bytes = 0
        func count(_ changed: [ChangedFile]) {
            files += changed.count
            for f in changed { for h in f.hunks { for l in h.lines { bytes += l.utf8.count + 1 } } }
        }
        do {
            if staged {
                let changed = try session.repository.stagedChanges()
                count(changed)
                findings = ChangeDetectors.findings(in: changed, detectors: detectors)
            } else {
                try session.repository.walkHistory(since: since, branches: branches) { commit in
                    count(commit.files)
                    for var f in ChangeDetectors.findings(in: commit.files, detectors: detectors) {
                        f.commit = commit.id
                        f.author = commit.author
                        f.date = commit.date
                        findings.append(f)
                    }
                }
            }
        } catch let e as GitError { throw CLIError(e.message) }
        let stats = ScanStats(files: files, bytes: bytes, durationMS: Int((Posix.now() - start) / 1_000_000))
        try report(findings, stats: stats, rules: session.config.rules())
        if !findings.isEmpty { throw ExitCode(1) }
    }
}

/// Scans files on all cores; each worker has its own scratch and read buffer.
enum ParallelScan {
    struct Result {
        var findings: [Finding] = []
        var files = 0
        var bytes = 0
        var binary = 0
        var warnings: [String] = []
    }

    static func run(files: [ScanFile], scanner: SecretScanner, scripts: ScriptDetector?, workers: Int, progress: Bool) -> Result {
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let lastPrint = Atomic<UInt64>(Posix.now())
        let results = Mutex<[Result]>([])
        let n = min(max(workers, 1), max(files.count, 1))
        DispatchQueue.concurrentPerform(iterations: n) { _ in
            var local = Result()
            let scratch = SecretScanner.Scratch()
            let reader = ChunkReader()
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < files.count else { break }
                let file = files[i]
                if scanner.allowlist.allowsPath(file.repoRelative) { continue }
                var fileFindings: [Finding] = []
                var chunks = 0
                let outcome = reader.read(file.absolute) { chunk, lineBase in
                    chunks += 1
                    for var f in scanner.scan(chunk, path: file.repoRelative, scratch: scratch) {
                        f.path = file.display
                        f.line += lineBase
                        f.endLine += lineBase
                        fileFindings.append(f)
                    }
                    // Scripts and invisible Unicode, for files read whole (up to the chunk size).
                    if let scripts, chunks == 1, chunk.count < ChunkReader.chunkSize,
                       ScriptScan.wanted(path: file.repoRelative, chunk) {
                        let text = String(decoding: chunk, as: UTF8.self)
                        for var f in scripts.scan(path: file.repoRelative, text: text) {
                            f.path = file.display
                            fileFindings.append(f)
                        }
                    }
                }
                switch outcome {
                case .scanned(let bytes):
                    local.files += 1
                    local.bytes += bytes
                case .binary: local.binary += 1
                case .unreadable(let why):
                    // Tracked but deleted in the work tree, or a dangling entry: not an error for a scan.
                    if Posix.kind(file.absolute) != .missing { local.warnings.append("cannot read \(file.display): \(why)") }
                }
                if chunks > 1 { fileFindings = dedupe(fileFindings) }
                local.findings += fileFindings
                if progress {
                    let d = done.wrappingAdd(1, ordering: .relaxed).newValue
                    let now = Posix.now()
                    let last = lastPrint.load(ordering: .relaxed)
                    if now - last > 200_000_000,
                       lastPrint.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged {
                        Posix.output("\r\u{1B}[2Kscanning: \(d)/\(files.count) files", to: 2)
                    }
                }
            }
            results.withLock { $0.append(local) }
        }
        if progress { Posix.output("\r\u{1B}[2K", to: 2) }
        var total = Result()
        for r in results.withLock({ $0 }) {
            total.findings += r.findings
            total.files += r.files
            total.bytes += r.bytes
            total.binary += r.binary
            total.warnings += r.warnings
        }
        total.findings.sort { ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID) }
        return total
    }

    /// Findings that fall in the overlap of two chunks are reported by both.
    static func dedupe(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return findings.filter { seen.insert("\($0.ruleID)|\($0.line)|\($0.column)|\($0.secret)").inserted }
    }
}

enum ScriptScan {
    /// Worth decoding for the script and Unicode detectors: a script format, a shebang, or bytes
    /// that may encode an invisible or look-alike character.
    static func wanted(path: String, _ chunk: UnsafeRawBufferPointer) -> Bool {
        if chunk.count >= 2, chunk[0] == UInt8(ascii: "#"), chunk[1] == UInt8(ascii: "!") { return true }
        if ScriptExtractor.kind(path: path, firstLine: nil) != nil { return true }
        return InvisibleUnicode.mayContainSuspects(chunk)
    }
}
