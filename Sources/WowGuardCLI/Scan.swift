import ArgumentParser
import Dispatch
import Synchronization
import WowGuardCore
import WowGuardGit

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit
}

/// Exit statuses of `scan` (documented in docs/exit-codes.md; a test keeps the two in step).
enum ScanExit {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
    /// Nothing found in what could be read, but some paths could not be read: the scan is incomplete.
    static let incomplete: Int32 = 3
}

extension Confidence: ExpressibleByArgument {}

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files for secrets, dangerous scripts and invisible Unicode.",
        discussion: """
        Inside a git repository, scans the files git knows (tracked, plus untracked files that .gitignore \
        does not exclude); elsewhere, or with --no-git, every regular file below each PATH.
        Exit status: 0 nothing found, 1 findings, 2 usage or configuration error, 3 some paths could not \
        be read (the scan is incomplete; --skip-unreadable accepts that).
        """
    )

    @Argument(help: "Files or directories to scan.")
    var paths: [String] = ["."]

    @Option(help: "Output format: text, json, sarif or junit.")
    var format: OutputFormat = .text

    @Flag(help: "Report unreadable files and directories as warnings instead of failing the scan (exit 3).")
    var skipUnreadable = false

    @Flag(name: .shortAndLong, help: "Text output: print only the findings (no summary, no progress, no warnings).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Text output: also list skipped files and every warning.")
    var verbose = false

    @Flag(help: "Report findings the baseline file (.wow-guard-baseline.toml) accepts.")
    var noBaseline = false
    @Option(help: "Lowest confidence to report: low, medium or high (default: the blocking level of [secrets] block, medium).")
    var confidence: Confidence?

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
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be combined") }
        if staged && history { throw ValidationError("--staged and --history cannot be combined") }
        if (since != nil || branches) && !history { throw ValidationError("--since and --branches go with --history") }
        if (staged || history) && (noGit || paths != ["."]) { throw ValidationError("--staged and --history scan the current repository; give no paths and no --no-git") }
    }

    func run() throws {
        if staged || history { return try runGit() }
        let start = Posix.now()
        let collected = try Scan.collect(paths: paths, noGit: noGit)
        let files = collected.files, skippedByName = collected.skippedByName, configRoot = collected.root
        var unreadable = collected.unreadable
        let cfg = try ConfigLoader.load(root: configRoot ?? Posix.cwd(), explicit: config)
        let rules = cfg.rules()
        let scanner = SecretScanner(rules: rules, allowlist: cfg.allowlist, jit: true, minimumConfidence: confidence ?? cfg.blockConfidence)

        let scripts = ScriptDetector(allowlist: cfg.allowlist)
        let baseline = noBaseline ? nil : try ConfigLoader.baseline(root: configRoot ?? Posix.cwd())
        let filter = FindingFilter(disabled: cfg.disabledRules, baseline: baseline)
        let result = ParallelScan.run(files: files, scanner: scanner, scripts: scripts, filter: filter, workers: jobs ?? Posix.cpuCount(),
                                      progress: !quiet && Terminal.progress)
        unreadable += result.unreadable
        unreadable.sort()
        var stats = ScanStats(files: result.files, bytes: result.bytes,
                              durationMS: Int((Posix.now() - start) / 1_000_000), skippedBinary: result.binary + skippedByName)
        stats.unreadable = unreadable
        stats.unreadableSkipped = skipUnreadable
        let findings = result.findings
        stats.baselined = result.baselined
        // Stale entries are only known when the whole repository was scanned.
        if let baseline, paths.count == 1, let only = Posix.realPath(paths[0]), only == configRoot {
            stats.staleBaseline = baseline.entries.indices.filter { !result.usedBaseline.contains($0) }.map { baseline.entries[$0].summary }
        }
        try report(findings, stats: stats, rules: rules)
        if !quiet {
            let warnings = result.warnings + (skipUnreadable && format != .text ? unreadable.map { "skipped unreadable \($0)" } : [])
            for w in verbose ? warnings[...] : warnings.prefix(20) { Posix.output("wow-guard: warning: \(w)\n", to: 2) }
            if verbose {
                Posix.output("wow-guard: \(files.count) files listed, \(stats.files) scanned, \(stats.skippedBinary) skipped as binary, "
                             + "\(files.count - stats.files - result.binary) allowlisted, unreadable or gone, \(stats.baselined) findings accepted by the baseline\n", to: 2)
            }
            if !skipUnreadable && !unreadable.isEmpty && format != .text {
                Posix.output("wow-guard: incomplete scan: \(unreadable.count) path\(unreadable.count == 1 ? "" : "s") could not be read:\n"
                             + unreadable.prefix(verbose ? unreadable.count : 20).map { "  \($0)\n" }.joined()
                             + "Fix the permissions, or pass --skip-unreadable to accept an incomplete scan.\n", to: 2)
            }
        }
        if !findings.isEmpty { throw ExitCode(ScanExit.findings) }
        if !unreadable.isEmpty && !skipUnreadable { throw ExitCode(ScanExit.incomplete) }
    }

    /// The files to scan below `paths`, where configuration is read from (the first path's
    /// repository or directory), and what could not be listed.
    struct Collected {
        var files: [ScanFile] = []
        var skippedByName = 0
        var unreadable: [String] = []
        var root: String?
    }

    static func collect(paths: [String], noGit: Bool) throws -> Collected {
        var files: [ScanFile] = []
        var skippedByName = 0
        var unreadable: [String] = []
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
            var listing = FileLister.Listing()
            if top != nil, let git = FileLister.gitFiles(in: abs, listing: &listing) {
                listed = git
            } else {
                FileLister.walk(abs, prefix: "", into: &listed, listing: &listing)
            }
            let displayPrefix = paths.count == 1 ? "" : (path.hasSuffix("/") ? path : path + "/")
            unreadable += listing.unreadable.map { displayPrefix + $0.path + ": " + $0.reason }
            for rel in listed {
                if FileLister.isBinaryName(rel) { skippedByName += 1; continue }
                let full = abs + "/" + rel
                files.append(ScanFile(absolute: full, display: displayPrefix + rel, repoRelative: relative(full)))
            }
        }
        return Collected(files: files, skippedByName: skippedByName, unreadable: unreadable, root: configRoot)
    }

    func report(_ findings: [Finding], stats: ScanStats, rules: [SecretRule]) throws {
        switch format {
        case .json: Posix.output(Report.json(findings, stats: stats))
        case .sarif: Posix.output(Report.sarif(findings, rules: RuleCatalogView.sarifRules(secretRules: rules), stats: stats))
        case .junit: Posix.output(Report.junit(findings, stats: stats))
        case .text:
            let color = Terminal.color(1, disabled: noColor)
            Posix.output(Report.text(findings, stats: stats, color: color, quiet: quiet))
        }
    }

    /// `--staged` and `--history`: added lines only, through libgit2.
    func runGit() throws {
        let start = Posix.now()
        let session = try GitSession(configPath: config, useBaseline: !noBaseline)
        let detectors = ChangeDetectors.make(config: session.config, minimum: confidence)
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
                findings = ChangeDetectors.findings(in: changed, detectors: detectors, filter: session.filter)
            } else {
                try session.repository.walkHistory(since: since, branches: branches) { commit in
                    count(commit.files)
                    for var f in ChangeDetectors.findings(in: commit.files, detectors: detectors, filter: session.filter) {
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
        var unreadable: [String] = []
        var baselined = 0
        var usedBaseline = Set<Int>()
    }

    static func run(files: [ScanFile], scanner: SecretScanner, scripts: ScriptDetector?, filter: FindingFilter = FindingFilter(),
                    workers: Int, progress: Bool) -> Result {
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let lastPrint = Atomic<UInt64>(0)
        let results = Locked<[Result]>([])
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
                    if Posix.kind(file.absolute) != .missing { local.unreadable.append("\(file.display): \(why)") }
                }
                if chunks > 1 { fileFindings = dedupe(fileFindings) }
                local.findings += filter.apply(fileFindings, path: file.repoRelative, baselined: &local.baselined, used: &local.usedBaseline)
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
            total.unreadable += r.unreadable
            total.baselined += r.baselined
            total.usedBaseline.formUnion(r.usedBaseline)
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

/// What the configuration removes from a detector's findings after detection: disabled rules
/// (any detector's), and findings the baseline accepts.
struct FindingFilter: Sendable {
    var disabled: Set<String> = []
    var baseline: Baseline?

    /// `findings` of the file at `path` (repository-relative) without disabled and baselined ones;
    /// counts the baselined ones and records which baseline entries matched.
    func apply(_ findings: [Finding], path: String, baselined: inout Int, used: inout Set<Int>) -> [Finding] {
        if disabled.isEmpty && baseline == nil { return findings }
        return findings.filter { f in
            if disabled.contains(f.ruleID) { return false }
            if let i = baseline?.match(fingerprint: f.fingerprint, path: path) {
                baselined += 1
                used.insert(i)
                return false
            }
            return true
        }
    }
}
