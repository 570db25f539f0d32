/// Following a command to what it really runs: shell builtins that change state, wrappers
/// (sudo, env, nice, timeout, xargs, find -exec …), nested shells (`sh -c`, `eval`, `source`),
/// interpreters (`python3 -c`, `node -e` …), remote shells (`ssh host cmd`), then the rule packs.
extension ShellAnalysis {
    static let shells: Set<String> = [
        "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash", "fish", "tcsh", "csh", "rbash", "posh", "oksh",
        "pdksh", "ksh93", "hush", "bash5", "elvish", "nu",
    ]

    mutating func analyzeInvocation(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        guard hops < 24 else { return .unknown }
        ShellPacks.invocationStarts(inv, &self, env)

        if let out = aliasOrFunction(inv, &env, depth) { return out }
        if inv.dynamic { return dynamicCommand(inv, &env, depth) }
        if inv.nameField.glob && ShGlob.hasGlob(inv.word) { return globCommand(inv, &env, depth, hops: hops) }
        if inv.word.contains("/") { executedFile(inv, &env, depth) }
        var site = ShSite(inv: inv, env: env, depth: depth, hops: hops)
        defer { env = site.env }
        if let handler = Self.handlers[inv.name], let out = handler(&self, &site) { return out }
        if let out = cmd_specialFallback(&site) { return out }
        runRules(inv, &site.env, depth)
        return outputSource(inv, site.env)
    }

    typealias Handler = @Sendable (inout ShellAnalysis, inout ShSite) -> ShSource?

    /// Commands with their own handler (Shell/Commands/): builtins that change the shell's state or
    /// run code, wrappers that run another command, and commands that run code through their
    /// arguments. A handler returns nil to let the rule packs judge the command as usual.
    static let handlers: [String: Handler] = [
        "cd": { $0.cmd_cd(&$1) },
        "pushd": { $0.cmd_cd(&$1) },
        "chdir": { $0.cmd_cd(&$1) },
        "popd": { $0.cmd_popd(&$1) },
        "export": { $0.cmd_export(&$1) },
        "declare": { $0.cmd_export(&$1) },
        "typeset": { $0.cmd_export(&$1) },
        "local": { $0.cmd_export(&$1) },
        "readonly": { $0.cmd_export(&$1) },
        "unset": { $0.cmd_unset(&$1) },
        "set": { $0.cmd_set(&$1) },
        "shift": { $0.cmd_shift(&$1) },
        "alias": { $0.cmd_alias(&$1) },
        "hash": { $0.cmd_hash(&$1) },
        "read": { $0.cmd_read(&$1) },
        "mapfile": { $0.cmd_read(&$1) },
        "readarray": { $0.cmd_read(&$1) },
        "printf": { $0.cmd_printf(&$1) },
        "trap": { $0.cmd_trap(&$1) },
        "eval": { $0.cmd_eval(&$1) },
        "source": { $0.cmd_source(&$1) },
        ".": { $0.cmd_source(&$1) },
        "exec": { $0.cmd_exec(&$1) },
        "command": { $0.cmd_command(&$1) },
        "sudo": { $0.cmd_sudo(&$1) },
        "doas": { $0.cmd_sudo(&$1) },
        "please": { $0.cmd_sudo(&$1) },
        "su": { $0.cmd_su(&$1) },
        "runuser": { $0.cmd_runuser(&$1) },
        "env": { $0.cmd_env(&$1) },
        "npx": { $0.cmd_npx(&$1) },
        "pnpx": { $0.cmd_npx(&$1) },
        "bunx": { $0.cmd_npx(&$1) },
        "npm": { $0.cmd_npm(&$1) },
        "pnpm": { $0.cmd_npm(&$1) },
        "yarn": { $0.cmd_npm(&$1) },
        "bun": { $0.cmd_npm(&$1) },
        "uv": { $0.cmd_uv(&$1) },
        "poetry": { $0.cmd_uv(&$1) },
        "pipenv": { $0.cmd_uv(&$1) },
        "rye": { $0.cmd_uv(&$1) },
        "hatch": { $0.cmd_uv(&$1) },
        "pdm": { $0.cmd_uv(&$1) },
        "pixi": { $0.cmd_uv(&$1) },
        "conda": { $0.cmd_uv(&$1) },
        "mamba": { $0.cmd_uv(&$1) },
        "micromamba": { $0.cmd_uv(&$1) },
        "bundle": { $0.cmd_uv(&$1) },
        "direnv": { $0.cmd_uv(&$1) },
        "nix": { $0.cmd_uv(&$1) },
        "nix-shell": { $0.cmd_nix_shell(&$1) },
        "op": { $0.cmd_op(&$1) },
        "doppler": { $0.cmd_op(&$1) },
        "infisical": { $0.cmd_op(&$1) },
        "aws-vault": { $0.cmd_op(&$1) },
        "chamber": { $0.cmd_op(&$1) },
        "dotenvx": { $0.cmd_op(&$1) },
        "teller": { $0.cmd_op(&$1) },
        "envchain": { $0.cmd_op(&$1) },
        "granted": { $0.cmd_op(&$1) },
        "vault": { $0.cmd_op(&$1) },
        "berglas": { $0.cmd_op(&$1) },
        "sops": { $0.cmd_sops(&$1) },
        "xterm": { $0.cmd_xterm(&$1) },
        "uxterm": { $0.cmd_xterm(&$1) },
        "urxvt": { $0.cmd_xterm(&$1) },
        "rxvt": { $0.cmd_xterm(&$1) },
        "alacritty": { $0.cmd_xterm(&$1) },
        "konsole": { $0.cmd_xterm(&$1) },
        "gnome-terminal": { $0.cmd_xterm(&$1) },
        "kitty": { $0.cmd_xterm(&$1) },
        "terminator": { $0.cmd_xterm(&$1) },
        "tilix": { $0.cmd_xterm(&$1) },
        "xfce4-terminal": { $0.cmd_xterm(&$1) },
        "wezterm": { $0.cmd_xterm(&$1) },
        "foot": { $0.cmd_xterm(&$1) },
        "st": { $0.cmd_xterm(&$1) },
        "lxterminal": { $0.cmd_xterm(&$1) },
        "mate-terminal": { $0.cmd_xterm(&$1) },
        "qterminal": { $0.cmd_xterm(&$1) },
        "watch": { $0.cmd_watch(&$1) },
        "flock": { $0.cmd_flock(&$1) },
        "script": { $0.cmd_script(&$1) },
        "tmux": { $0.cmd_tmux(&$1) },
        "at": { $0.cmd_at(&$1) },
        "batch": { $0.cmd_at(&$1) },
        "xargs": { $0.cmd_xargs(&$1) },
        "find": { $0.cmd_find(&$1) },
        "parallel": { $0.cmd_parallel(&$1) },
        "ssh": { $0.cmd_ssh(&$1) },
        "docker": { $0.cmd_docker(&$1) },
        "docker-compose": { $0.cmd_docker(&$1) },
        "kubectl": { $0.cmd_docker(&$1) },
        "podman-compose": { $0.cmd_docker(&$1) },
        "git": { $0.cmd_git(&$1) },
        "tar": { $0.cmd_tar(&$1) },
        "zip": { $0.cmd_tar(&$1) },
        "rsync": { $0.cmd_tar(&$1) },
        "vim": { $0.cmd_tar(&$1) },
        "vi": { $0.cmd_tar(&$1) },
        "nvim": { $0.cmd_tar(&$1) },
        "ex": { $0.cmd_tar(&$1) },
        "view": { $0.cmd_tar(&$1) },
        "gvim": { $0.cmd_tar(&$1) },
        "crontab": { $0.cmd_crontab(&$1) },
    ]

    /// Shell builtins that change the shell's state or run code (cd, export, read, eval, source …).

    /// Commands that run another command (sudo, su, env, npx, uv run, watch, flock …).

    /// xargs, find, parallel, ssh, containers, git, archivers, crontab; shells, interpreters, simple wrappers.

    /// Aliases and shell functions defined earlier in the line.
    private mutating func aliasOrFunction(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) -> ShSource? {
        if !inv.dynamic, let value = env.aliases[inv.word], !env.calls.contains("alias " + inv.word) {
            env.calls.append("alias " + inv.word)
            let text = value + " " + inv.args.map(ShText.quote).joined(separator: " ")
            let saved = env.stdin
            env.stdin = inv.stdin
            let out = analyzeScript(text, &env, depth + 1)
            env.stdin = saved
            env.calls.removeLast()
            return out
        }
        if !inv.dynamic, let body = env.functions[inv.word] {
            uncalled[inv.word] = nil
            guard !env.calls.contains(inv.word), env.calls.count < 16 else { return .unknown }
            let savedPos = env.positional, savedStdin = env.stdin
            env.positional = [inv.word] + inv.argTexts
            env.stdin = inv.stdin
            env.calls.append(inv.word)
            let out = walk(body, &env, depth)
            env.calls.removeLast()
            env.positional = savedPos
            env.stdin = savedStdin
            return out
        }
        return nil
    }

    /// `./x.sh` where x.sh was downloaded or written earlier in the line.
    private mutating func executedFile(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        if downloaded.contains(ShText.baseName(inv.word)) {
            ShellPacks.downloadedFileRuns(inv.subject, &self)
        }
        if let content = written[ShText.baseName(inv.word)], !env.calls.contains("file " + inv.word) {
            env.calls.append("file " + inv.word)
            var e = env
            e.positional = [inv.word] + inv.argTexts
            e.stdin = inv.stdin
            _ = analyzeScript(content, &e, depth + 1)
            env.calls.removeLast()
        }

    }

    /// Runs the rule packs on a resolved command.
    mutating func runRules(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        if CodeOptions.commandNames.contains(inv.name) {
            var site = ShSite(inv: inv, env: env, depth: depth, hops: 0)
            runCodeOptions(&site)
        }
        for pack in ShellPacks.commandPacks { pack(inv, &self, &env, depth) }
    }

    // MARK: - Inner commands

    mutating func runInner(_ inv: ShInvocation, from k: Int, _ env: inout ShEnv, _ depth: Int, hops: Int,
                           privileged: Bool = false, extraAssigns: [String: String] = [:]) -> ShSource {
        guard k < inv.args.count else { return .none }
        var inner = inv
        inner.nameField = inv.args[k]
        inner.args = Array(inv.args[(k + 1)...])
        inner.privileged = inv.privileged || privileged
        for (key, v) in extraAssigns { inner.assigns[key] = v }
        resolveName(&inner)
        return analyzeInvocation(inner, &env, depth, hops: hops + 1)
    }

    func joined(_ fields: [ShField]) -> ShField {
        var f = ShField(text: fields.map(\.text).joined(separator: " "))
        f.sources = fields.flatMap(\.sources)
        return f
    }





    mutating func changeDirectory(_ inv: ShInvocation, _ env: inout ShEnv) {
        let ops = inv.args.filter { !($0.text.hasPrefix("-") && $0.text.count > 1) }
        guard let target = ops.first else {
            env.cwd = homeValue(env)
            return
        }
        if target.text == "-" || target.text.isEmpty {
            env.cwd = nil
            return
        }
        let p = paths.resolve(target, cwd: env.cwd)
        env.cwd = p.unknownBase || p.wild ? nil : p.text
    }

    mutating func declare(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let functionsOnly = inv.args.contains { $0.text.hasPrefix("-") && $0.text.contains("f") }
        for f in inv.args where !f.text.hasPrefix("-") && !f.text.hasPrefix("+") {
            let (k, v) = ShText.splitOption(f.text)
            guard k.first.map({ $0.isLetter || $0 == "_" }) == true else { continue }
            let key = k.hasSuffix("+") ? String(k.dropLast()) : k
            let name = key.split(separator: "[").first.map(String.init) ?? key
            if let v {
                checkAssignment(name, v, &env, depth)
                if !functionsOnly {
                    if v.hasPrefix("(") && v.hasSuffix(")") {
                        env.vars[name] = .array(ShText.words(String(v.dropFirst().dropLast())).map { $0.filter { $0 != "\"" && $0 != "'" } })
                    } else {
                        env.vars[name] = .string(k.hasSuffix("+") ? (env.vars[name]?.scalar ?? "") + v : v)
                    }
                }
            } else if inv.name == "export" {
                ShellPacks.variableSet(name, env.vars[name]?.scalar ?? "", &self)
            } else if env.vars[name] == nil && (inv.name == "local" || inv.name == "declare" || inv.name == "typeset") {
                env.vars[name] = .string("")
            }
        }
    }

    mutating func setBuiltin(_ inv: ShInvocation, _ env: inout ShEnv) {
        let a = inv.argTexts
        ShellPacks.shellOptionsSet(a, &self)
        if let dd = a.firstIndex(of: "--") {
            env.positional = [env.positional?.first ?? "sh"] + a[(dd + 1)...]
        } else if let first = a.first, !first.hasPrefix("-") && !first.hasPrefix("+") {
            env.positional = [env.positional?.first ?? "sh"] + a
        }
    }

    // MARK: - Shells and interpreters





    /// Code given as an argument (`sh -c`, `python3 -c`, `eval`).
    mutating func runCode(_ code: ShField, _ lang: ShLang, positional: [String]?, stdin: ShSource, subject: String,
                          _ env: inout ShEnv, _ depth: Int, extra: String = "") -> ShSource {
        checkCodeOrigin(code, subject: subject)
        if lang == .shell {
            var e = env
            e.positional = positional
            e.stdin = stdin
            return analyzeScript(code.text, &e, depth + 1)
        }
        analyzeInline(code.text, lang, extra: extra, subject: subject, &env, depth + 1)
        return .unknown
    }

    /// `sh -c "$(curl …)"`, `eval "$(wget -O- …)"`: code produced by a download or decoder.
    mutating func checkCodeOrigin(_ code: ShField, subject: String) { ShellPacks.codeOrigin(code, subject: subject, &self) }

    /// Code read from stdin or a process substitution.
    mutating func runCodeSource(_ source: ShSource, _ lang: ShLang, subject: String, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        ShellPacks.codeRuns(from: source, subject: subject, &self)
        switch source {
        case .none, .credential: return .none
        case .decoded(_, let text?): return runLiteral(text, lang, subject: subject, &env, depth)
        case .literal(let t): return runLiteral(t, lang, subject: subject, &env, depth)
        default: return .unknown
        }
    }

    mutating func runLiteral(_ text: String, _ lang: ShLang, subject: String, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        if lang == .shell {
            var e = env
            e.stdin = .none
            e.positional = nil
            return analyzeScript(text, &e, depth + 1)
        }
        analyzeInline(text, lang, extra: "", subject: subject, &env, depth + 1)
        return .unknown
    }

    /// A script file argument: `bash x.sh`, `source <(curl …)`, `python3 /dev/stdin`.
    mutating func runScriptFile(_ file: ShField, _ lang: ShLang, positional: [String]?, stdin: ShSource, subject: String,
                                _ env: inout ShEnv, _ depth: Int, inCurrentShell: Bool = false) -> ShSource {
        if file.procsub {
            for s in file.sources { _ = runCodeSource(s, lang, subject: subject, &env, depth) }
            return .unknown
        }
        let t = file.text
        if t == "/dev/stdin" || t == "-" || t == "/dev/fd/0" || t == "/proc/self/fd/0" {
            return runCodeSource(stdin, lang, subject: subject, &env, depth)
        }
        if t.hasPrefix("/dev/tcp/") || t.hasPrefix("/dev/udp/") {
            ShellPacks.networkScriptRuns(subject, &self)
            return .unknown
        }
        if t.contains("://") {
            ShellPacks.urlScriptRuns(subject, &self)
            return .unknown
        }
        if downloaded.contains(ShText.baseName(t)) { ShellPacks.downloadedFileRuns(subject, &self) }
        // `bash -x ~/.aws/credentials`, `source ~/.aws/credentials; env`: running a credential file reads it.
        ShellPacks.fileRead(file, env, how: "runs", &self)
        if let content = written[ShText.baseName(t)], !env.calls.contains("file " + t) {
            env.calls.append("file " + t)
            let out = runLiteral(content, lang, subject: subject, &env, depth)
            env.calls.removeLast()
            return out
        }
        return .unknown
    }

    mutating func analyzeInline(_ code: String, _ lang: ShLang, extra: String, subject: String, _ env: inout ShEnv, _ depth: Int) {
        if depth > Self.maxDepth {
            ShellPacks.limit(.tooDeep, code, &self)
            return
        }
        work += 1 + code.utf8.count / 256
        // The code as written, and in canonical form (aliases resolved, literals folded).
        let flow = ShCodeFlow.normalize(code, lang)
        if flow.obfuscated || flow.dynamicSpawn || flow.dynamicDeleteNearHome { ShellPacks.dynamicCode(subject, &self) }
        var f = ShInline.scan(code, lang: lang, extra: extra, home: paths.home)
        if flow.text != code {
            let g = ShInline.scan(flow.text, lang: lang, extra: extra, home: paths.home)
            f.hits += g.hits
            f.shell += g.shell.filter { !f.shell.contains($0) }
            f.deletes += g.deletes
            f.writes += g.writes
            f.code += g.code
        }
        for (rule, s) in f.hits { report(rule, s.isEmpty ? subject : s) }
        if f.secretToUnknownHost { secretToUnknownHost = true }
        if f.secretToSuspiciousHost { secretToSuspiciousHost = true }
        for cmd in f.shell {
            var e = env
            e.positional = nil
            e.stdin = .none
            _ = analyzeScript(cmd, &e, depth + 1)
        }
        for d in f.deletes {
            let path = d.path.hasPrefix("~") ? expandTilde(d.path, env) : d.path
            ShellPacks.fileDeleted(ShField(text: path, glob: ShGlob.hasGlob(path)), recursive: d.recursive, subject: subject, &self, env)
        }
        for w in f.writes {
            var e = env
            checkWriteTarget(ShField(text: w), &e, how: "inline code", subject: subject)
        }
        for (c, l) in f.code { analyzeInline(c, l, extra: "", subject: subject, &env, depth + 1) }
        if lang == .powershell {
            sink.append(PowerShellAnalyzer.analyze(code, context: context))
            var p = ShParser(code)
            let (items, _) = p.parseProgram()
            var e = env
            for it in items { _ = walk(it.node, &e, depth + 1) }
        }
    }

    // MARK: - Unknown command names

    static let dangerousNames = [
        "rm", "dd", "mkfs", "shred", "sh", "bash", "zsh", "dash", "curl", "wget", "nc", "ncat", "chmod", "chown", "python",
        "python3", "perl", "ruby", "node", "kill", "sudo", "eval", "exec", "mv", "truncate", "wipefs", "reboot", "shutdown",
        "socat", "telnet", "base64", "crontab", "iptables", "git",
    ]

    mutating func dynamicCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        checkCodeOrigin(inv.nameField, subject: inv.subject)
        if let ci = inv.args.firstIndex(where: { $0.text == "-c" || $0.text == "-lc" || $0.text == "-ec" }), ci + 1 < inv.args.count {
            _ = runCode(inv.args[ci + 1], .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth)
        }
        let base = ShText.baseName(inv.word)
        let partial = base != ShMark.unknown && base.contains(ShMark.unknown)
        let nameHit = partial && Self.dangerousNames.contains { ShGlob.match(base, $0) }
        if nameHit || dangerousArguments(inv, env) { ShellPacks.dynamicCommand(inv.subject, &self) }
        if case .download = inv.stdin { ShellPacks.codeRuns(from: .unknown, subject: inv.subject, &self) }
        if case .network = inv.stdin { ShellPacks.networkScriptRuns(inv.subject, &self) }
        return .unknown
    }

    func dangerousArguments(_ inv: ShInvocation, _ env: ShEnv) -> Bool {
        for f in inv.args {
            let t = f.text
            if t.hasPrefix("-") && !t.hasPrefix("--") && t.count <= 6 && (t.contains("r") || t.contains("R")) { return true }
            if t == "--recursive" || t == "--no-preserve-root" || t == "--force" { return true }
            if t.contains("://") {
                for h in ShURL.hosts(in: t) where HostClassifier.classify(h) == .metadata { return true }
                continue
            }
            guard t.hasPrefix("/") || t.hasPrefix("~") || t.hasPrefix(".") || t.contains("/") || t == "*" || f.hasUnknown else { continue }
            let p = paths.resolve(f, cwd: env.cwd)
            switch paths.classify(p) {
            case .root, .home, .homeSensitive, .system, .ancestor, .unknown: return true
            default: break
            }
            if ShellPacks.isSensitiveTarget(p, paths) { return true }
        }
        return false
    }

    /// `/???/??m -rf /`: a globbed command name; analysed as every well-known binary it matches.
    mutating func globCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        let candidates = [
            "/bin/rm", "/usr/bin/rm", "/bin/sh", "/bin/bash", "/usr/bin/bash", "/bin/dash", "/usr/bin/curl", "/usr/bin/wget",
            "/bin/dd", "/usr/bin/dd", "/sbin/mkfs", "/usr/bin/python3", "/usr/bin/perl", "/bin/nc", "/usr/bin/nc",
            "/usr/bin/shred", "/bin/chmod", "/bin/chown", "/usr/bin/base64", "/bin/cat", "/usr/bin/env", "/usr/bin/sudo",
            "/usr/bin/find", "/usr/bin/xargs", "/usr/bin/git", "/sbin/reboot", "/sbin/shutdown", "/usr/bin/socat",
            "/usr/bin/ssh", "/usr/bin/scp", "/bin/mv", "/usr/bin/truncate", "/usr/bin/crontab", "/sbin/iptables",
        ]
        let pattern = inv.word
        let matches = candidates.filter { pattern.contains("/") ? ShGlob.match(pattern, $0) : ShGlob.match(pattern, ShText.baseName($0)) }
        if matches.isEmpty {
            var d = inv
            d.dynamic = true
            return dynamicCommand(d, &env, depth)
        }
        var seenNames: Set<String> = []
        var out: ShSource = .unknown
        for m in matches where seenNames.insert(ShText.baseName(m)).inserted {
            var c = inv
            c.nameField = ShField(text: m)
            resolveName(&c)
            out = analyzeInvocation(c, &env, depth, hops: hops + 1)
            if seenNames.count >= 4 { break }
        }
        return out
    }

    // MARK: - xargs, find, parallel, ssh, tmux, containers



    mutating func runArgv(_ argv: [ShField], _ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        guard let first = argv.first else { return .none }
        var inner = inv
        inner.nameField = first
        inner.args = Array(argv.dropFirst())
        inner.stdin = .none
        inner.redirects = []
        resolveName(&inner)
        return analyzeInvocation(inner, &env, depth, hops: hops + 1)
    }







    func containerCommandIndex(_ inv: ShInvocation) -> Int? {
        let a = inv.argTexts
        if inv.name == "kubectl" {
            guard a.contains("exec"), let dd = a.firstIndex(of: "--"), dd + 1 < a.count else { return nil }
            return dd + 1
        }
        var sub = 0
        if inv.name == "docker" && a.first == "compose" { sub = 1 }
        guard sub < a.count, a[sub] == "exec" else { return nil }
        let rest = Array(a[(sub + 1)...])
        let args = ShArgs(rest, shortWithArg: ["e", "u", "w", "T"], longWithArg: ["--env", "--user", "--workdir", "--env-file", "--detach-keys", "--index"])
        guard let k = args.commandIndex(skip: 1) else { return nil }
        return sub + 1 + k
    }

    // MARK: - Options that run commands

    static let gitExecKeys: Set<String> = [
        "core.sshcommand", "core.pager", "core.editor", "core.fsmonitor", "sequence.editor", "diff.external", "core.askpass",
        "gpg.program", "gpg.ssh.program", "credential.helper", "core.gitproxy", "remote.origin.uploadpack", "remote.origin.receivepack",
    ]





    /// `echo '* * * * * cmd' | crontab -`: the scheduled commands.
    mutating func crontabLines(_ text: String, _ env: inout ShEnv, _ depth: Int) {
        for line in text.split(separator: "\n") {
            let l = line.trimmingLeadingBlanks()
            if l.isEmpty || l.hasPrefix("#") { continue }
            let fields = l.split(separator: " ", maxSplits: l.hasPrefix("@") ? 1 : 5, omittingEmptySubsequences: true)
            guard let cmd = fields.last, fields.count >= 2 else { continue }
            if l.contains("=") && fields.count < 6 && !l.hasPrefix("@") { continue }
            var e = env
            _ = analyzeScript(String(cmd), &e, depth + 1)
        }
    }
}

extension StringProtocol {
    func trimmingLeadingBlanks() -> SubSequence { drop { $0 == " " || $0 == "\t" } }
}

extension String {
    /// Replaces every (or the first `limit`) occurrence of a literal.
    func replacingEvery(_ target: String, with rep: String, limit: Int = .max) -> String {
        guard !target.isEmpty, limit > 0 else { return self }
        var out = ""
        var rest = Substring(self)
        var n = 0
        while n < limit, let r = rest.shRange(ofLiteral: target) {
            out += rest[..<r.lowerBound]
            out += rep
            rest = rest[r.upperBound...]
            n += 1
        }
        return out + rest
    }
}
