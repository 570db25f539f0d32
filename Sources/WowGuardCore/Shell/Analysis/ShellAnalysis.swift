/// One analysis run: walks the syntax tree, tracks variables, `cd`, functions and files fetched
/// earlier in the line, and collects verdicts. Created per call; never shared.
struct ShellAnalysis {
    /// Re-parse depth: `sh -c`, `eval`, decoded payloads, code piped into a shell …
    static let maxDepth = 8
    /// Simple commands analysed per call (loops and functions multiply them).
    static let maxWork = 4000
    /// Nested walks (subshells, substitutions, re-parsed code) at any one time.
    static let maxNesting = 32

    let context: ShellContext
    var paths: ShPaths
    /// Where rule packs report: verdicts, once per rule and subject.
    var sink = ShellSink()
    var verdicts: [Verdict] { sink.verdicts }
    var work = 0
    var nesting = 0
    private var exhausted = false
    /// Files written by a download earlier in the line (base names).
    var downloaded: Set<String> = []
    /// Copies and links of commands (`cp /bin/rm x` → x is rm).
    var renamed: [String: String] = [:]
    var uncalled: [String: ShNode] = [:]
    /// Literal text written to files earlier in the line (`echo 'x' > run.sh`), by base name.
    var written: [String: String] = [:]
    /// Remotes added earlier in the line (`git remote add x URL`).
    var newRemotes: Set<String> = []
    /// Analysing a file's code rather than a command line (see `ShellAnalyzer.analyzeWrittenCode`).
    var writtenCode = false
    /// Inline code sends a secret to a host built at run time.
    var secretToUnknownHost = false
    var secretToSuspiciousHost = false
    /// A `.env` file was sourced earlier in the line.
    var sourcedDotEnv = false

    init(context: ShellContext) {
        self.context = context
        paths = ShPaths(context)
    }

    func initialEnv() -> ShEnv {
        var e = ShEnv()
        e.cwd = paths.cwd
        return e
    }

    mutating func report(_ rule: ShellRule, _ subject: String) { sink.report(rule, subject) }

    /// Top level and re-parsed strings.
    mutating func analyzeScript(_ text: String, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        if depth > Self.maxDepth {
            ShellPacks.limit(.tooDeep, text, &self)
            return .unknown
        }
        if text.utf8.count > ShellAnalyzer.maxInputBytes * 2 {
            ShellPacks.limit(.tooLarge, text, &self)
            return .unknown
        }
        work += 1 + text.utf8.count / 256
        var parser = ShParser(text, depth: 0)
        let (items, error) = parser.parseProgram()
        var out: ShSource = .none
        for item in items {
            if item.background {
                var e = env
                out = out.combined(with: walk(item.node, &e, depth))
            } else {
                out = out.combined(with: walk(item.node, &env, depth))
            }
        }
        if let error, error.kind == .syntax, depth < Self.maxDepth {
            // Best effort on the rest: close what was left open and look again (the verdict stays at
            // least ask; a clearly destructive command becomes deny).
            for suffix in ["'", "\"", ")", "`", "\")", "')", "}", "\nfi", "\ndone", "\nesac"] {
                var repaired = ShParser(text + suffix, depth: 0)
                let (more, err2) = repaired.parseProgram()
                guard err2 == nil else { continue }
                var e = env
                for item in more.dropFirst(items.count) { _ = walk(item.node, &e, depth) }
                break
            }
        }
        if let error {
            switch error.kind {
            case .syntax: ShellPacks.limit(.unparseable, error.message + ": " + text, &self)
            case .tooDeep: ShellPacks.limit(.tooDeep, text, &self)
            case .tooLarge: ShellPacks.limit(.tooLarge, text, &self)
            }
        }
        return out
    }

    /// Functions defined but not called in the line still run later in the same shell.
    mutating func finish(_ env: inout ShEnv) {
        for (name, body) in uncalled.sorted(by: { $0.key < $1.key }) {
            var e = env
            e.positional = nil
            e.calls = [name]
            _ = walk(body, &e, 0)
        }
    }

    private mutating func spend() -> Bool {
        work += 1
        if work > Self.maxWork {
            if !exhausted {
                exhausted = true
                ShellPacks.limit(.tooLarge, "more than \(Self.maxWork) commands after expansion", &self)
            }
            return false
        }
        return true
    }

    // MARK: - Walking

    mutating func walk(_ node: ShNode, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        guard spend() else { return .unknown }
        // Bounds the recursion of nested syntax times nested re-parsing, whatever the mix.
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting {
            ShellPacks.limit(.tooDeep, "more than \(Self.maxNesting) nested constructs", &self)
            return .unknown
        }
        switch node {
        case .simple(let c):
            return runSimple(c, &env, depth)
        case .pipeline(let stages):
            var input = env.stdin
            var out: ShSource = .none
            for st in stages {
                var e = env
                e.stdin = input
                out = walk(st, &e, depth)
                input = out
            }
            return out
        case .list(let items):
            var out: ShSource = .none
            for it in items {
                if it.background {
                    var e = env
                    out = out.combined(with: walk(it.node, &e, depth))
                } else {
                    out = out.combined(with: walk(it.node, &env, depth))
                }
            }
            return out
        case .subshell(let body, let r):
            var e = env
            return withRedirects(r, &e, depth) { a, e in a.walk(body, &e, depth) }
        case .group(let body, let r):
            return withRedirects(r, &env, depth) { a, e in a.walk(body, &e, depth) }
        case .ifClause(let parts, let r):
            return withRedirects(r, &env, depth) { a, e in
                var out: ShSource = .none
                for p in parts { out = out.combined(with: a.walk(p, &e, depth)) }
                return out
            }
        case .loop(let cond, let body, let until, let r):
            return withRedirects(r, &env, depth) { a, e in
                let c = a.walk(cond, &e, depth)
                let out = a.walk(body, &e, depth)
                if ShellAnalysis.isEndless(cond, until: until) && ShellAnalysis.backgrounds(body) {
                    ShellPacks.endlessBackgroundLoop(&a)
                }
                return c.combined(with: out)
            }
        case .forLoop(let name, let items, let body, let r):
            return withRedirects(r, &env, depth) { a, e in
                var values: [String]? = nil
                if let items {
                    var fs: [ShField] = []
                    for w in items { fs += a.expandWord(w, &e, depth) }
                    values = fs.map(\.text)
                } else if let pos = e.positional {
                    values = Array(pos.dropFirst())
                }
                if name.isEmpty { return a.walk(body, &e, depth) }
                var out: ShSource = .none
                if let values, !values.isEmpty, values.count <= 8 {
                    for v in values {
                        e.vars[name] = .string(v)
                        out = out.combined(with: a.walk(body, &e, depth))
                    }
                } else {
                    e.vars[name] = .string(ShMark.unknown)
                    out = a.walk(body, &e, depth)
                }
                return out
            }
        case .caseClause(let subject, let patterns, let bodies, let r):
            return withRedirects(r, &env, depth) { a, e in
                _ = a.expandJoined(subject, &e, depth)
                for p in patterns { _ = a.expandJoined(p, &e, depth) }
                var out: ShSource = .none
                for b in bodies { out = out.combined(with: a.walk(b, &e, depth)) }
                return out
            }
        case .function(let name, let body):
            env.functions[name] = body
            uncalled[name] = body
            if ShellAnalysis.callsItselfInBackground(body, name) {
                ShellPacks.selfSpawningFunction(name, &self)
            }
            return .none
        case .arith(let raw, let r):
            return withRedirects(r, &env, depth) { a, e in
                a.expandArithmeticText(raw, &e, depth)
                return .none
            }
        case .test(let words, let r):
            return withRedirects(r, &env, depth) { a, e in
                for w in words { _ = a.expandJoined(w, &e, depth) }
                return .none
            }
        }
    }

    /// Compound commands: redirections apply to the whole body.
    private mutating func withRedirects(_ r: [ShRedirect], _ env: inout ShEnv, _ depth: Int,
                                        _ body: (inout ShellAnalysis, inout ShEnv) -> ShSource) -> ShSource {
        if r.isEmpty { return body(&self, &env) }
        let info = expandRedirects(r, &env, depth, subject: "")
        let saved = env.stdin
        if let s = info.stdin { env.stdin = s }
        var out = body(&self, &env)
        env.stdin = saved
        if info.stdoutToFile {
            noteDownloadTargets(out, info)
            noteWrittenFiles(out, info)
            out = .none
        }
        return out
    }

    static func isEndless(_ cond: ShNode, until: Bool) -> Bool {
        guard case .simple(let c) = cond, c.words.count >= 1, let w = c.words[0].plainText else { return false }
        return until ? w == "false" : (w == "true" || w == ":" || (w == "[" && c.words.count == 3))
    }

    static func backgrounds(_ node: ShNode) -> Bool {
        switch node {
        case .list(let items): items.contains { $0.background || backgrounds($0.node) }
        case .group(let n, _), .subshell(let n, _): backgrounds(n)
        default: false
        }
    }

    /// `f() { f | f & }`: a function that runs itself in a pipe or in the background.
    static func callsItselfInBackground(_ node: ShNode, _ name: String) -> Bool {
        func calls(_ n: ShNode) -> Bool {
            switch n {
            case .simple(let c): return c.words.first?.plainText == name
            case .pipeline(let st): return st.contains(where: calls)
            case .list(let items): return items.contains { calls($0.node) }
            case .group(let b, _), .subshell(let b, _): return calls(b)
            default: return false
            }
        }
        switch node {
        case .pipeline(let st): return st.contains(where: calls)
        case .list(let items):
            return items.contains { ($0.background && calls($0.node)) || callsItselfInBackground($0.node, name) }
        case .group(let b, _), .subshell(let b, _): return callsItselfInBackground(b, name)
        case .loop(_, let b, _, _): return calls(b)
        default: return false
        }
    }

    // MARK: - Simple commands

    mutating func runSimple(_ c: ShSimple, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        var prefix: [String: String] = [:]
        for a in c.assignments {
            // `a[$(cmd)]=1`: the subscript is evaluated (arithmetic, or the key of an associative array).
            if let index = a.index, index.contains("$(") || index.contains("`") { expandArithmeticText(index, &env, depth) }
            let value: ShValue
            var lastTaint: ShSource? = nil
            if let arr = a.array {
                var fs: [ShField] = []
                for w in arr { fs += expandWord(w, &env, depth) }
                value = .array(fs.map(\.text))
                lastTaint = ShellAnalysis.strongest(fs.flatMap(\.sources))
            } else {
                let f = expandJoined(a.value, &env, depth, assignment: true)
                value = .string(f.text)
                lastTaint = ShellAnalysis.strongest(f.sources)
            }
            checkAssignment(a.name, value.scalar, &env, depth)
            if c.words.isEmpty {
                assign(a.name, value, append: a.append, index: a.index, &env)
                env.taint[a.name] = lastTaint
            } else {
                prefix[a.name] = value.scalar
            }
        }
        var fields: [ShField] = []
        for w in c.words { fields += expandWord(w, &env, depth) }
        let info = expandRedirects(c.redirects, &env, depth, subject: c.text)
        guard let first = fields.first else {
            // `$(< file)` reads the file; `> file` alone truncates it (checked with the redirects).
            if c.assignments.isEmpty, let s = info.stdin { return s }
            return .none
        }
        var inv = ShInvocation(name: "", word: first.text, args: Array(fields.dropFirst()), redirects: info.list,
                               assigns: prefix, stdin: info.stdin ?? env.stdin, nameField: first, subject: c.text)
        resolveName(&inv)
        var out = analyzeInvocation(inv, &env, depth, hops: 0)
        // `cmd > >(sh)`, `curl … | tee >(bash)`: the `>(…)` bodies read the command's output.
        let procs = fields.flatMap(\.outputProcs) + info.list.flatMap(\.target.outputProcs)
        for node in procs.prefix(8) {
            var e = env
            e.stdin = out
            _ = walk(node, &e, depth)
        }
        if info.stdoutToFile {
            noteDownloadTargets(out, info)
            noteWrittenFiles(out, info)
            out = .none
        }
        return out
    }

    /// `echo 'rm -rf /' > x.sh` then `bash x.sh`: remember what was written.
    mutating func noteWrittenFiles(_ out: ShSource, _ info: RedirectInfo) {
        let text: String
        switch out {
        case .literal(let t): text = t
        case .decoded(_, let t?): text = t
        default:
            for t in info.stdoutTargets { written[ShText.baseName(t)] = nil }
            return
        }
        let lower = text.lowercased()
        for (k, t) in info.stdoutTargets.enumerated() where written.count < 64 {
            let name = ShText.baseName(t)
            ShellPacks.textWritten(text, lower: lower, to: t, &self)
            let appending = info.appends.count > k && info.appends[k]
            written[name] = (appending ? written[name] ?? "" : "") + text
        }
    }

    mutating func assign(_ name: String, _ value: ShValue, append: Bool, index: String?, _ env: inout ShEnv) {
        if append, let old = env.vars[name] {
            switch (old, value) {
            case (.array(let a), .array(let b)): env.vars[name] = .array(a + b)
            case (.array(let a), .string(let s)): env.vars[name] = .array(a + [s])
            default: env.vars[name] = .string(old.scalar + value.scalar)
            }
            return
        }
        if let index, case .string(let s) = value {
            if let k = Int(index), case .array(var arr)? = env.vars[name] {
                while arr.count <= k && arr.count < 256 { arr.append("") }
                if k < arr.count { arr[k] = s }
                env.vars[name] = .array(arr)
            } else if Int(index) == 0 || env.vars[name] == nil {
                env.vars[name] = .array([s])
            }
            return
        }
        env.vars[name] = value
    }

    /// Variables that matter on their own: the guard's switches, hook managers, shell history,
    /// variables that load code, and variables whose value is a command some program runs.
    mutating func checkAssignment(_ name: String, _ value: String, _ env: inout ShEnv, _ depth: Int) {
        ShellPacks.variableSet(name, value, &self)
        if name.hasPrefix("BASH_FUNC_"), let open = value.firstIndex(of: "{") {
            // `env 'BASH_FUNC_ls%%=() { …; }' bash -c ls`: an exported function the next bash defines.
            var e = env
            _ = analyzeScript(String(value[open...]), &e, depth + 1)
        }
        if name == "BASH_ENV" || name == "ENV" {
            var e = env
            _ = runScriptFile(ShField(text: value), .shell, positional: nil, stdin: .none, subject: name + "=" + value, &e, depth)
        } else if let code = ShellPacks.code(ofVariable: name, value) {
            if value.contains(ShMark.unknown) { ShellPacks.unknownCodeVariable(name, value, &self) }
            var e = env
            _ = analyzeScript(code, &e, depth + 1)
        }
    }

    // MARK: - Redirections

    struct RedirectInfo {
        var stdin: ShSource?
        var stdoutToFile = false
        var stdoutTargets: [String] = []
        var appends: [Bool] = []
        var list: [ShXRedirect] = []
    }

    mutating func expandRedirects(_ redirects: [ShRedirect], _ env: inout ShEnv, _ depth: Int, subject: String) -> RedirectInfo {
        var info = RedirectInfo()
        for r in redirects {
            let fd = r.fd
            switch r.op {
            case .heredoc:
                guard let box = r.heredoc else { continue }
                let body = box.quoted ? ShField(text: box.raw) : expandJoined(box.word, &env, depth)
                let text = body.text
                if fd == nil || fd == 0 { info.stdin = ShellAnalysis.strongest(body.sources) ?? .literal(text) }
                info.list.append(ShXRedirect(fd: fd, op: r.op, target: ShField(), body: text))
            case .hereString:
                let f = expandJoined(r.target, &env, depth)
                if fd == nil || fd == 0 { info.stdin = ShellAnalysis.strongest(f.sources) ?? .literal(f.text + "\n") }
                info.list.append(ShXRedirect(fd: fd, op: r.op, target: f, body: f.text + "\n"))
            default:
                let f = expandJoined(r.target, &env, depth)
                let x = ShXRedirect(fd: fd, op: r.op, target: f, body: nil)
                info.list.append(x)
                let isFdDup = (r.op == .dupOut || r.op == .dupIn) && (ShText.isNumber(f.text) || f.text == "-" || f.text.hasSuffix("-"))
                if r.op.writes && !isFdDup {
                    checkWriteTarget(f, &env, how: "redirect", subject: subject)
                    if fd == nil || fd == 1 || r.op == .outputBoth || r.op == .appendBoth {
                        info.stdoutToFile = true
                        info.stdoutTargets.append(f.text)
                        info.appends.append(r.op == .append || r.op == .appendBoth)
                    }
                } else if r.op == .dupOut && (fd == nil || fd == 1) && f.text != "1" {
                    info.stdoutToFile = true
                }
                if (r.op == .input || r.op == .readWrite) && (fd == nil || fd == 0) {
                    info.stdin = inputSource(f, env)
                    if r.op == .input { ShellPacks.fileRead(f, env, how: "input redirect", &self) }
                } else if r.op == .input || r.op == .readWrite {
                    ShellPacks.fileRead(f, env, how: "input redirect", &self)
                } else if r.op == .dupIn && (fd == nil || fd == 0) {
                    info.stdin = .unknown
                }
            }
        }
        return info
    }

    /// A download, network or decoded source among a word's substitutions (they taint its text).
    static func strongest(_ sources: [ShSource]) -> ShSource? {
        for s in sources {
            switch s {
            case .download, .network, .decoded, .environment, .credential, .secret: return s
            default: continue
            }
        }
        return nil
    }

    func inputSource(_ f: ShField, _ env: ShEnv) -> ShSource {
        if f.procsub { return f.sources.last ?? .unknown }
        let t = f.text
        if t.hasPrefix("/dev/tcp/") || t.hasPrefix("/dev/udp/") { return .network(t) }
        if t == "/dev/stdin" || t == "/dev/fd/0" || t == "/proc/self/fd/0" { return env.stdin }
        let p = paths.resolve(f, cwd: env.cwd)
        if CredentialPaths.match(p, paths) != nil { return .credential(t) }
        if let content = written[ShText.baseName(t)] { return .literal(content) }
        return .file(t)
    }

    /// `curl … > x.sh` records x.sh as downloaded.
    mutating func noteDownloadTargets(_ out: ShSource, _ info: RedirectInfo) {
        guard out.isDownload else { return }
        for t in info.stdoutTargets { downloaded.insert(ShText.baseName(t)) }
    }

    /// Files a command writes: self-protection, system files, devices, persistence.
    mutating func checkWriteTarget(_ f: ShField, _ env: inout ShEnv, how: String, subject: String) {
        let t = f.text
        if t.hasPrefix("/dev/tcp/") || t.hasPrefix("/dev/udp/") { return }
        let p = paths.resolve(f, cwd: env.cwd)
        ShellPacks.fileWritten(p, f, how: how, subject: subject, &self)
    }

    // MARK: - Names

    static let gnuPrefixed: Set<String> = [
        "rm", "mv", "cp", "shred", "dd", "chmod", "chown", "chgrp", "find", "xargs", "timeout", "truncate", "ln",
        "tee", "cat", "base64", "env", "nice", "stdbuf", "head", "tail", "tr", "rev", "sed", "awk", "tar", "install",
        "readlink", "realpath", "basename", "dirname", "echo", "printf", "date", "kill", "stat", "split", "touch",
    ]

    /// `/usr/bin/rm`, `\rm`, `RM` (case-insensitive file systems), `rm.exe`, `grm`, `python3.12` → canonical names.
    mutating func resolveName(_ inv: inout ShInvocation) {
        let f = inv.nameField
        inv.word = f.text
        var base = ShText.baseName(f.text).lowercased()
        if let r = renamed[base] { base = r }
        if base.hasSuffix(".exe") { base = String(base.dropLast(4)) }
        if base.count > 1, base.hasPrefix("g"), Self.gnuPrefixed.contains(String(base.dropFirst())) { base = String(base.dropFirst()) }
        inv.dynamic = f.hasUnknown
        inv.name = Self.canonical(base)
    }

    static func canonical(_ base: String) -> String {
        if base.hasPrefix("python") || base.hasPrefix("pypy") { return "python" }
        if base.hasPrefix("perl") && base.dropFirst(4).allSatisfy({ $0.isNumber || $0 == "." }) { return "perl" }
        if base.hasPrefix("php") && base.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "." }) { return "php" }
        if base.hasPrefix("ruby") && base.dropFirst(4).allSatisfy({ $0.isNumber || $0 == "." }) { return "ruby" }
        if base.hasPrefix("lua") && base.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "." || $0 == "j" || $0 == "i" || $0 == "t" }) { return "lua" }
        switch base {
        case "nodejs": return "node"
        case "ncat", "netcat", "nc.openbsd", "nc.traditional", "pwncat": return "nc"
        case "mawk", "nawk", "busybox-awk": return "awk"
        case "powershell", "pwsh-preview": return "pwsh"
        case "remove-item", "ri": return "rm"
        case "mongo": return "mongosh"
        case "mariadb": return "mysql"
        case "docker-compose": return "docker-compose"
        case "podman": return "docker"
        case "tofu", "terragrunt": return "terraform"
        case "oc": return "kubectl"
        default: return base
        }
    }
}
