/// Following a command to what it really runs: shell builtins that change state, wrappers
/// (sudo, env, nice, timeout, xargs, find -exec …), nested shells (`sh -c`, `eval`, `source`),
/// interpreters (`python3 -c`, `node -e` …), remote shells (`ssh host cmd`), then the rule packs.
extension ShellAnalysis {
    static let shells: Set<String> = [
        "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash", "fish", "tcsh", "csh", "rbash", "posh", "oksh",
        "pdksh", "ksh93", "hush", "bash5", "elvish", "nu",
    ]
    static let interpreterLangs: [String: ShLang] = [
        "python": .python, "node": .node, "bun": .node, "deno": .node, "ruby": .ruby, "perl": .perl, "php": .php,
        "lua": .lua, "pwsh": .powershell, "osascript": .applescript, "awk": .awk, "rscript": .r,
        "iex": .powershell, "invoke-expression": .powershell,
    ]
    /// Wrappers whose own options we skip to find the command: (options with a value, long ones, operands before the command).
    static let simpleWrappers: [String: (Set<Character>, Set<String>, Int)] = [
        "nohup": ([], [], 0), "builtin": ([], [], 0), "setsid": ([], [], 0), "unbuffer": ([], [], 0),
        "eatmydata": ([], [], 0), "catchsegv": ([], [], 0), "chronic": ([], [], 0), "dbus-launch": ([], [], 0),
        "time": (["f", "o"], ["--format", "--output"], 0),
        "nice": (["n"], ["--adjustment"], 0),
        "timeout": (["s", "k"], ["--signal", "--kill-after"], 1),
        "gtimeout": (["s", "k"], ["--signal", "--kill-after"], 1),
        "stdbuf": (["i", "o", "e"], ["--input", "--output", "--error"], 0),
        "ionice": (["c", "n", "u"], ["--class", "--classdata", "--uid"], 0),
        "chroot": ([], ["--userspec", "--groups"], 1),
        "taskset": ([], [], 1),
        "chrt": ([], [], 1),
        "numactl": (["C", "N", "m", "i", "p", "P"], [], 0),
        "nsenter": (["t", "S", "G", "r", "w"], [], 0),
        "unshare": (["S", "G", "R", "w"], [], 0),
        "strace": (["o", "e", "p", "s", "u", "E", "I", "b", "O", "S", "X", "a", "P"], [], 0),
        "ltrace": (["o", "e", "p", "s", "u", "a", "n", "l", "L", "x", "F", "A"], [], 0),
        "valgrind": ([], [], 0), "firejail": ([], [], 0), "fakeroot": (["l", "s", "i"], [], 0),
        "caffeinate": (["t", "w"], [], 0), "torsocks": (["u", "p", "a", "P"], [], 0),
        "proxychains": (["f"], [], 0), "proxychains4": (["f"], [], 0),
        "xvfb-run": (["n", "s", "f", "e", "w", "p"], ["--server-num", "--server-args", "--auth-file", "--error-file", "--wait"], 0),
        "pkexec": ([], ["--user"], 0), "doas": (["u", "C"], [], 0), "sshpass": (["p", "f", "d", "P"], [], 0),
        "systemd-run": (["p", "E", "u", "M", "H"], ["--unit", "--property", "--setenv", "--uid", "--gid", "--slice", "--description", "--working-directory"], 0),
        "faketime": (["f"], [], 1), "runuser": (["u", "g", "G"], ["--user", "--group"], 0),
        "busybox": ([], [], 0), "toybox": ([], [], 0), "screen": (["S", "c", "e", "h", "L", "p", "s", "T", "X"], [], 0),
        "uvx": ([], ["--from", "--with", "--python", "--index-url", "--with-requirements"], 0),
        "bunx": (["p"], ["--package"], 0), "pnpx": (["p"], ["--package"], 0),
        "cross-env": ([], [], 0), "dotenv": (["e", "c", "v"], [], 0), "env-cmd": (["f", "e"], ["--file", "--environments"], 0),
        "command-not-found": ([], [], 0),
    ]

    mutating func analyzeInvocation(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        guard hops < 24 else { return .unknown }
        ReverseShellRules.checkDevTCP(inv, &self, env)
        SupplyChainRules.check(inv, &sink)

        if let out = aliasOrFunction(inv, &env, depth) { return out }
        if inv.dynamic { return dynamicCommand(inv, &env, depth) }
        if inv.nameField.glob && ShGlob.hasGlob(inv.word) { return globCommand(inv, &env, depth, hops: hops) }
        if inv.word.contains("/") { executedFile(inv, &env, depth) }
        if let out = builtinCommand(inv, &env, depth, hops: hops) { return out }
        if let out = wrapperCommand(inv, &env, depth, hops: hops) { return out }
        if let out = specialCommand(inv, &env, depth, hops: hops) { return out }
        runRules(inv, &env, depth)
        return outputSource(inv, env)
    }

    /// Shell builtins that change the shell's state or run code (cd, export, read, eval, source …).
    private mutating func builtinCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource? {
        let name = inv.name
        let a = inv.args
        switch name {
        case "cd", "pushd", "chdir":
            changeDirectory(inv, &env)
            return ShSource.none
        case "popd":
            env.cwd = nil
            return ShSource.none
        case "export", "declare", "typeset", "local", "readonly":
            declare(inv, &env, depth)
            runRules(inv, &env, depth)
            return a.isEmpty || a.allSatisfy({ $0.text.hasPrefix("-") && !$0.text.contains("f") }) ? ShSource.environment : ShSource.none
        case "unset":
            for f in a where !f.text.hasPrefix("-") {
                SystemRules.checkUnset(f.text, &self)
                if a.contains(where: { $0.text == "-f" }) { env.functions[f.text] = nil } else { env.vars[f.text] = .string("") }
            }
            return ShSource.none
        case "set":
            setBuiltin(inv, &env)
            return a.isEmpty ? ShSource.environment : ShSource.none
        case "shift":
            if var pos = env.positional, pos.count > 1 {
                let n = min(Int(a.first?.text ?? "1") ?? 1, pos.count - 1)
                pos.removeSubrange(1..<(1 + n))
                env.positional = pos
            }
            return ShSource.none
        case "alias":
            for f in a {
                let (k, v) = ShText.splitOption(f.text)
                if let v, !k.hasPrefix("-") { env.aliases[k] = v }
            }
            return ShSource.none
        case "hash":
            if let pk = a.firstIndex(where: { $0.text == "-p" }), pk + 2 < a.count {
                env.aliases[a[pk + 2].text] = ShText.quote(a[pk + 1].text)
            }
            return ShSource.none
        case "read", "mapfile", "readarray":
            let p = name == "read" ? ShArgs(a, shortWithArg: ["p", "d", "n", "N", "t", "u", "a"]).parse()
                : ShArgs(a, shortWithArg: ["d", "n", "O", "s", "u", "C", "c"]).parse()
            var text: String? = nil
            switch inv.stdin {
            case .literal(let t), .decoded(_, text: let t?): text = t
            default: break
            }
            let taint = ShellAnalysis.strongest([inv.stdin])
            let arrays = p.allValues("-a") + (name == "read" ? [] : p.operands.prefix(1))
            let scalars = name == "read" ? p.operands : []
            if let text, !text.contains(ShMark.unknown) {
                for n in arrays {
                    let lines = text.split(separator: "\n").map(String.init)
                    env.vars[n] = .array(name == "read" ? ShText.words(lines.first ?? "") : lines)
                }
                let words = ShText.words(String(text.prefix { $0 != "\n" }))
                for (k, n) in scalars.enumerated() {
                    env.vars[n] = .string(k == scalars.count - 1 ? words.dropFirst(k).joined(separator: " ") : (k < words.count ? words[k] : ""))
                }
            } else {
                for n in arrays + scalars { env.vars[n] = .string(ShMark.unknown) }
            }
            for n in arrays + scalars { env.taint[n] = taint }
            return ShSource.none
        case "printf":
            if let k = a.firstIndex(where: { $0.text == "-v" }), k + 2 < a.count {
                let f = joined(Array(a[(k + 2)...]))
                env.vars[a[k + 1].text] = .string(ShEval.printf(a[(k + 2)...].map(\.text)))
                env.taint[a[k + 1].text] = ShellAnalysis.strongest(f.sources)
                return ShSource.none
            }
        case "trap":
            if let first = a.first(where: { !$0.text.hasPrefix("-") }), !first.text.isEmpty, first.text != "-" {
                _ = runCode(first, .shell, positional: nil, stdin: .none, subject: inv.subject, &env, depth)
            }
            return ShSource.none
        case "eval":
            guard !a.isEmpty else { return ShSource.none }
            var code = ShField(text: a.map(\.text).joined(separator: " "))
            code.sources = a.flatMap(\.sources)
            checkCodeOrigin(code, subject: inv.subject)
            if code.text.filter({ $0 != " " }).allSatisfy({ $0 == "\u{1}" }) {
                // `eval "$line"`: code whose text is unknown. From stdin that is a download or
                // the network, it runs that; from a variable nobody can see, a person should.
                switch inv.stdin {
                case .download: report(RemoteCodeRules.pipeToShell, inv.subject)
                case .network: report(ReverseShellRules.pipeShell, inv.subject)
                default: if code.sources.isEmpty { report(ShellRules.dynamicCommand, inv.subject) }
                }
            }
            return analyzeScript(code.text, &env, depth + 1)
        case "source", ".":
            guard let file = a.first else { return ShSource.none }
            if ExposureRules.isDotEnv(file) { sourcedDotEnv = true }
            let saved = env.positional
            if a.count > 1 { env.positional = [file.text] + a.dropFirst().map(\.text) }
            let out = runScriptFile(file, .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth, inCurrentShell: true)
            env.positional = saved
            return out
        case "exec":
            let p = ShArgs(a, shortWithArg: ["a"])
            if let k = p.commandIndex() { return runInner(inv, from: k, &env, depth, hops: hops) }
        case "command":
            let p = ShArgs(a).parse(stopAtOperand: true)
            if p.has("v") || p.has("V") { return .literal("/usr/bin/" + (p.operands.first ?? "") + "\n") }
            if let k = ShArgs(a).commandIndex() { return runInner(inv, from: k, &env, depth, hops: hops) }
        default:
            break
        }
        return nil
    }

    /// Commands that run another command (sudo, su, env, npx, uv run, watch, flock …).
    private mutating func wrapperCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource? {
        let name = inv.name
        let a = inv.args
        switch name {
        case "sudo", "doas", "please":
            return sudo(inv, &env, depth, hops: hops)
        case "su":
            let p = ShArgs(a, shortWithArg: ["c", "s", "g", "G", "w"], longWithArg: ["--command", "--shell", "--group", "--session-command"]).parse()
            if let c = p.value("-c", "--command", "--session-command") {
                let field = a.first(where: { $0.text == c }) ?? ShField(text: c)
                _ = runCode(field, .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth)
            }
            return .shellOutput
        case "runuser":
            let p = ShArgs(a, shortWithArg: ["u", "g", "G", "c", "s"], longWithArg: ["--user", "--group", "--command", "--shell"]).parse()
            if let c = p.value("-c", "--command") { return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
        case "env":
            return envCommand(inv, &env, depth, hops: hops)
        case "npx", "pnpx", "bunx":
            let p = ShArgs(a, shortWithArg: ["p", "c"], longWithArg: ["--package", "--call"]).parse(stopAtOperand: true)
            if let c = p.value("-c", "--call") { return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
            if let k = ShArgs(a, shortWithArg: ["p"], longWithArg: ["--package"]).commandIndex() { return runInner(inv, from: k, &env, depth, hops: hops) }
        case "npm", "pnpm", "yarn", "bun":
            if let sub = a.first?.text, ["exec", "dlx", "x"].contains(sub) {
                if let c = ShArgs(Array(a.dropFirst()), shortWithArg: ["c", "p"], longWithArg: ["--call", "--package"]).parse(stopAtOperand: true).value("-c", "--call") {
                    return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth)
                }
                if let k = ShArgs(Array(a.dropFirst()), shortWithArg: ["p"], longWithArg: ["--package"]).commandIndex() {
                    return runInner(inv, from: k + 1, &env, depth, hops: hops)
                }
            }
            if name == "bun", a.first.map({ $0.text == "-e" || $0.text == "--eval" }) == true {
                return handleInterpreter(inv, .node, &env, depth)
            }
        case "uv", "poetry", "pipenv", "rye", "hatch", "pdm", "pixi", "conda", "mamba", "micromamba", "bundle", "direnv", "nix":
            if let sub = a.first?.text, ["run", "exec", "develop", "shell"].contains(sub) {
                let rest = Array(a.dropFirst())
                let p = ShArgs(rest, shortWithArg: ["n", "p", "c", "e"], longWithArg: [
                    "--with", "--python", "--project", "--directory", "--env-file", "--group", "--extra", "--package", "--from",
                    "--index-url", "--name", "--prefix", "--cwd", "--command", "-e", "--environment",
                ])
                let parsed = p.parse(stopAtOperand: true)
                if let c = parsed.value("-c", "--command"), name == "nix" {
                    let idx = rest.firstIndex { $0.text == c } ?? 0
                    return runInner(inv, from: idx + 1, &env, depth, hops: hops)
                }
                if var k = p.commandIndex(skip: name == "direnv" ? 1 : 0) {
                    if name == "nix" && sub == "develop" && k < rest.count && !rest[k].text.hasPrefix("-") { k += 1 }
                    return runInner(inv, from: k + 1, &env, depth, hops: hops)
                }
            }
        case "nix-shell":
            let p = ShArgs(a, longWithArg: ["--run", "--command", "-p", "--packages", "-I", "--arg", "--argstr"]).parse()
            if let c = p.value("--run", "--command") { return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
        case "op", "doppler", "infisical", "aws-vault", "chamber", "dotenvx", "teller", "envchain", "granted", "vault", "berglas":
            if let dd = a.firstIndex(where: { $0.text == "--" }), dd + 1 < a.count { return runInner(inv, from: dd + 1, &env, depth, hops: hops) }
        case "sops":
            if a.first?.text == "exec-env", a.count >= 3 { return runCode(a[2], .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
        case "xterm", "uxterm", "urxvt", "rxvt", "alacritty", "konsole", "gnome-terminal", "kitty", "terminator", "tilix",
             "xfce4-terminal", "wezterm", "foot", "st", "lxterminal", "mate-terminal", "qterminal":
            // `xterm -e cmd args`, `gnome-terminal -- cmd`, `kitty cmd`: a terminal runs the command.
            let t = a.map(\.text)
            var k: Int? = t.firstIndex { $0 == "-e" || $0 == "-x" || $0 == "--command" || $0 == "--" || $0 == "--execute" }.map { $0 + 1 }
            if k == nil && (name == "kitty" || name == "wezterm" || name == "foot") { k = t.firstIndex { !$0.hasPrefix("-") } }
            guard let from = k, from < a.count else { return ShSource.none }
            if from == a.count - 1 && a[from].text.contains(" ") {
                return runCode(a[from], .shell, positional: nil, stdin: .none, subject: inv.subject, &env, depth)
            }
            return runInner(inv, from: from, &env, depth, hops: hops)
        case "watch":
            let p = ShArgs(a, shortWithArg: ["n", "q"], longWithArg: ["--interval", "--equexit", "--max-cycles"])
            guard let k = p.commandIndex() else { return ShSource.none }
            if p.parse(stopAtOperand: true).has("x") || p.parse(stopAtOperand: true).hasLong("--exec") {
                return runInner(inv, from: k, &env, depth, hops: hops)
            }
            return runCode(joined(Array(a[k...])), .shell, positional: nil, stdin: .none, subject: inv.subject, &env, depth)
        case "flock":
            let p = ShArgs(a, shortWithArg: ["w", "E", "c"], longWithArg: ["--timeout", "--conflict-exit-code", "--command"])
            if let c = p.parse().value("-c", "--command") { return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
            if let k = p.commandIndex(skip: 1) { return runInner(inv, from: k, &env, depth, hops: hops) }
            return ShSource.none
        case "script":
            let p = ShArgs(a, shortWithArg: ["c", "E", "I", "O", "T", "B", "t", "m"], longWithArg: ["--command", "--log-io", "--log-in", "--log-out", "--log-timing", "--echo"]).parse()
            if let c = p.value("-c", "--command") { return runCode(ShField(text: c), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
        case "tmux":
            tmux(inv, &env, depth)
        case "at", "batch":
            if !a.contains(where: { $0.text == "-l" || $0.text == "-r" || $0.text == "-d" }) {
                _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &env, depth)
                SystemRules.report(SystemRules.scheduledJob, inv.subject, &self)
            }
            return ShSource.none
        default:
            break
        }
        return nil
    }

    /// xargs, find, parallel, ssh, containers, git, archivers, crontab; shells, interpreters, simple wrappers.
    private mutating func specialCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource? {
        let name = inv.name
        let a = inv.args
        switch name {
        case "xargs":
            return xargs(inv, &env, depth, hops: hops)
        case "find":
            var site = ShSite(inv: inv, env: env, depth: depth, hops: hops)
            find(inv, &site)
            env = site.env
            runRules(inv, &env, depth)
            return .foundPaths
        case "parallel":
            parallel(inv, &env, depth)
            return .unknown
        case "ssh":
            ssh(inv, &env, depth)
            runRules(inv, &env, depth)
            return .unknown
        case "docker", "docker-compose", "kubectl", "podman-compose":
            if let k = containerCommandIndex(inv) {
                var inner = inv
                inner.nameField = a[k]
                inner.args = Array(a[(k + 1)...])
                resolveName(&inner)
                _ = analyzeInvocation(inner, &env, depth, hops: hops + 1)
            }
        case "git":
            gitExec(inv, &env, depth)
        case "tar", "zip", "rsync", "vim", "vi", "nvim", "ex", "view", "gvim":
            execOptions(inv, &env, depth)
        case "crontab":
            if case .literal(let t) = inv.stdin { crontabLines(t, &env, depth) }
        default:
            if Self.shells.contains(name) {
                let out = handleShell(inv, &env, depth)
                runRules(inv, &env, depth)
                return out
            }
            if let lang = Self.interpreterLangs[name] {
                _ = handleInterpreter(inv, lang, &env, depth)
                runRules(inv, &env, depth)
                return .unknown
            }
            if let (short, long, skip) = Self.simpleWrappers[name] {
                var extra: [String: String] = [:]
                var from = 0
                if name == "cross-env" {
                    while from < a.count, let eq = a[from].text.firstIndex(of: "="), a[from].text[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                        extra[String(a[from].text[..<eq])] = String(a[from].text[a[from].text.index(after: eq)...])
                        from += 1
                    }
                }
                if name == "taskset" || name == "chrt", a.contains(where: { $0.text == "-p" || $0.text == "--pid" }) { return ShSource.none }
                let sub = Array(a[from...])
                if let k = ShArgs(sub, shortWithArg: short, longWithArg: long).commandIndex(skip: skip) {
                    for (key, v) in extra { checkAssignment(key, v, &env, depth) }
                    return runInner(inv, from: from + k, &env, depth, hops: hops, privileged: name == "pkexec" || name == "doas", extraAssigns: extra)
                }
                return ShSource.none
            }
        }
        return nil
    }

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
            report(RemoteCodeRules.downloadThenExec, inv.subject)
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
        if CodeOptions.options[inv.name] != nil || CodeOptions.rests[inv.name] != nil || inv.name == "make" || inv.name == "npm" {
            var site = ShSite(inv: inv, env: env, depth: depth, hops: 0)
            runCodeOptions(&site)
        }
        FilesystemRules.check(inv, &self, env)
        DiskRules.check(inv, &self, env)
        PermissionRules.check(inv, &self, env)
        SystemRules.check(inv, &self, env)
        RemoteCodeRules.check(inv, &self, env)
        ReverseShellRules.check(inv, &self, env)
        CredentialRules.check(inv, &self, env)
        ExfiltrationRules.check(inv, &self, env)
        MetadataRules.check(inv, &self, env)
        GitRules.check(inv, &self, env)
        DatabaseRules.check(inv, &self, env, depth)
        CloudRules.check(inv, &self, env)
        SelfProtectionRules.check(inv, &self, env)
        HostingRules.check(inv, &sink)
        ExposureRules.checkDotEnv(inv, &self)
        ExposureRules.checkServe(inv, &self, env)
        ExposureRules.checkContainer(inv, &self, &env, depth)
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

    mutating func sudo(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        let a = inv.args
        let args = ShArgs(a, shortWithArg: ["u", "g", "p", "C", "r", "t", "D", "U", "T", "R", "h"],
                          longWithArg: ["--user", "--group", "--prompt", "--close-from", "--role", "--type", "--chdir", "--other-user", "--command-timeout", "--chroot", "--host"])
        let p = args.parse(stopAtOperand: true)
        guard var k = args.commandIndex() else {
            // `sudo -s <<< 'cmd'`, `sudo -i < script`: a root shell reading its commands from stdin.
            if p.has("s") || p.has("i") || p.hasLong("--shell") || p.hasLong("--login") {
                _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &env, depth)
            }
            return .none
        }
        var extra: [String: String] = [:]
        while k < a.count, let eq = a[k].text.firstIndex(of: "="), a[k].text[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), a[k].text.first?.isLetter == true || a[k].text.first == "_" {
            let key = String(a[k].text[..<eq]), v = String(a[k].text[a[k].text.index(after: eq)...])
            extra[key] = v
            checkAssignment(key, v, &env, depth)
            k += 1
        }
        if p.has("e") || p.hasLong("--edit") {
            var edit = inv
            edit.name = "sudoedit"
            edit.args = Array(a[k...])
            edit.privileged = true
            runRules(edit, &env, depth)
            return .none
        }
        if (p.has("s") || p.has("i") || p.hasLong("--shell") || p.hasLong("--login")) && k < a.count {
            return runCode(joined(Array(a[k...])), .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth)
        }
        return runInner(inv, from: k, &env, depth, hops: hops, privileged: true, extraAssigns: extra)
    }

    mutating func envCommand(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        let a = inv.args
        var k = 0
        var extra: [String: String] = [:]
        var split: String? = nil
        while k < a.count {
            let t = a[k].text
            if t == "--" { k += 1; break }
            if t == "-" { k += 1; continue }
            if t == "-S" || t == "--split-string" { split = k + 1 < a.count ? a[k + 1].text : nil; k += 2; break }
            if t.hasPrefix("--split-string=") { split = String(t.dropFirst(15)); k += 1; break }
            if t.hasPrefix("-S") && t.count > 2 { split = String(t.dropFirst(2)); k += 1; break }
            if t == "-u" || t == "--unset" || t == "-C" || t == "--chdir" || t == "-P" { k += 2; continue }
            if t.hasPrefix("-") && t.count > 1 { k += 1; continue }
            break
        }
        while k < a.count, let eq = a[k].text.firstIndex(of: "="), !a[k].text[..<eq].isEmpty, !a[k].text[..<eq].contains("/") {
            let key = String(a[k].text[..<eq]), v = String(a[k].text[a[k].text.index(after: eq)...])
            extra[key] = v
            checkAssignment(key, v, &env, depth)
            k += 1
        }
        if let split {
            let rest = a[min(k, a.count)...].map { ShText.quote($0) }.joined(separator: " ")
            var e = env
            e.stdin = inv.stdin
            return analyzeScript(split + " " + rest, &e, depth + 1)
        }
        if k >= a.count {
            if sourcedDotEnv { report(ExposureRules.dotenvRead, inv.subject) }
            return .environment
        }
        return runInner(inv, from: k, &env, depth, hops: hops, extraAssigns: extra)
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
                SelfProtectionRules.checkVariable(name, env.vars[name]?.scalar ?? "", &self)
            } else if env.vars[name] == nil && (inv.name == "local" || inv.name == "declare" || inv.name == "typeset") {
                env.vars[name] = .string("")
            }
        }
    }

    mutating func setBuiltin(_ inv: ShInvocation, _ env: inout ShEnv) {
        let a = inv.argTexts
        SystemRules.checkSet(a, &self)
        if let dd = a.firstIndex(of: "--") {
            env.positional = [env.positional?.first ?? "sh"] + a[(dd + 1)...]
        } else if let first = a.first, !first.hasPrefix("-") && !first.hasPrefix("+") {
            env.positional = [env.positional?.first ?? "sh"] + a
        }
    }

    // MARK: - Shells and interpreters

    mutating func handleShell(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        let a = inv.args
        var k = 0
        var command = false, readsStdin = false
        while k < a.count {
            let t = a[k].text
            if t == "--" || t == "-" {
                k += 1
                break
            }
            if t.hasPrefix("--") {
                k += (t == "--rcfile" || t == "--init-file") ? 2 : 1
                continue
            }
            if (t.hasPrefix("-") || t.hasPrefix("+")) && t.count > 1 {
                var extra = 0
                for ch in t.dropFirst() {
                    switch ch {
                    case "c": command = true
                    case "s": readsStdin = true
                    case "o", "O": extra += 1
                    default: break
                    }
                }
                k += 1 + extra
                continue
            }
            break
        }
        let rest = Array(a[min(k, a.count)...])
        if command {
            guard let code = rest.first else { return .none }
            let positional = rest.dropFirst().map(\.text)
            return runCode(code, .shell, positional: positional.isEmpty ? [inv.word] : Array(positional),
                           stdin: inv.stdin, subject: inv.subject, &env, depth)
        }
        if let script = rest.first, !readsStdin {
            return runScriptFile(script, .shell, positional: rest.map(\.text), stdin: inv.stdin, subject: inv.subject, &env, depth)
        }
        _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &env, depth)
        return .shellOutput
    }

    mutating func handleInterpreter(_ inv: ShInvocation, _ lang: ShLang, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        let a = inv.args
        var codes: [ShField] = []
        var script: ShField? = nil
        var stdinMode = false
        var extra = ""
        var k = 0
        func next(_ k: Int) -> ShField? { k + 1 < a.count ? a[k + 1] : nil }
        switch lang {
        case .python:
            loop: while k < a.count {
                let t = a[k].text
                if t == "-" { stdinMode = true; break }
                if t == "--" { script = next(k); break }
                if t.hasPrefix("--") { k += 1; continue }
                if t.hasPrefix("-") && t.count > 1 {
                    let letters = Array(t.dropFirst())
                    for (ci, ch) in letters.enumerated() {
                        if ch == "c" {
                            if ci + 1 < letters.count { codes.append(ShField(text: String(letters[(ci + 1)...]))) } else if let n = next(k) { codes.append(n) }
                            break loop
                        }
                        if ch == "m" { break loop }
                        if "WXQ".contains(ch) {
                            if ci == letters.count - 1 { k += 1 }
                            break
                        }
                    }
                    k += 1
                    continue
                }
                script = a[k]
                break
            }
            if codes.isEmpty && script == nil && !a.contains(where: { $0.text == "-m" || $0.text.hasPrefix("-m") && !$0.text.hasPrefix("--") }) { stdinMode = true }
        case .node:
            if inv.name == "deno" {
                if a.first?.text == "eval" { if let c = a.dropFirst().first(where: { !$0.text.hasPrefix("-") }) { codes.append(c) } }
                if a.first?.text == "run", let s = a.dropFirst().first(where: { !$0.text.hasPrefix("-") }) { script = s }
                break
            }
            while k < a.count {
                let t = a[k].text
                if t == "-e" || t == "--eval" || t == "-p" || t == "--print" { if let n = next(k) { codes.append(n) }; k += 2; continue }
                if t.hasPrefix("--eval=") || t.hasPrefix("--print=") { codes.append(ShField(text: String(t.split(separator: "=", maxSplits: 1)[1]))); k += 1; continue }
                if ["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--input-type", "--env-file"].contains(t) { k += 2; continue }
                if t == "-" { stdinMode = true; break }
                if t == "--" { script = next(k); break }
                if t.hasPrefix("-") { k += 1; continue }
                if inv.name == "bun" && (t == "run" || t == "x") { k += 1; continue }
                script = a[k]
                break
            }
            if codes.isEmpty && script == nil { stdinMode = true }
        case .ruby, .perl, .lua, .r, .applescript:
            while k < a.count {
                let t = a[k].text
                if t == "-" { stdinMode = true; break }
                if t == "--" { script = next(k); break }
                if t.hasPrefix("--") { k += 1; continue }
                if t.hasPrefix("-") && t.count > 1 {
                    let letters = Array(t.dropFirst())
                    var consumed = false
                    for (ci, ch) in letters.enumerated() {
                        let rest = ci + 1 < letters.count ? String(letters[(ci + 1)...]) : nil
                        if ch == "e" || ch == "E" {
                            if let rest { codes.append(ShField(text: rest)) } else if let n = next(k) { codes.append(n); consumed = true }
                            break
                        }
                        if (lang == .perl && (ch == "M" || ch == "m")) || (lang != .perl && ch == "r") || (lang == .lua && ch == "l") || ch == "I" {
                            if let rest { extra += " -" + String(ch) + rest } else if let n = next(k) { extra += " -" + String(ch) + n.text; consumed = true }
                            break
                        }
                        if lang == .perl && (ch == "i" || ch == "x" || ch == "d" || ch == "l" || ch == "0") { break }
                        if lang == .applescript && ch == "l" { consumed = true; break }
                        if lang == .ruby && ("CFEI".contains(ch)) { if rest == nil { consumed = true }; break }
                    }
                    k += consumed ? 2 : 1
                    continue
                }
                if codes.isEmpty { script = a[k] }
                break
            }
            if codes.isEmpty && script == nil { stdinMode = true }
        case .php:
            while k < a.count {
                let t = a[k].text
                if ["-r", "-B", "-R", "-E"].contains(t) { if let n = next(k) { codes.append(n) }; k += 2; continue }
                if t == "-f" { script = next(k); break }
                if ["-d", "-c", "-S", "-t", "-z"].contains(t) { k += 2; continue }
                if t.hasPrefix("-") { k += 1; continue }
                script = a[k]
                break
            }
            if codes.isEmpty && script == nil { stdinMode = true }
        case .powershell:
            if inv.name == "iex" || inv.name == "invoke-expression" {
                if a.isEmpty { stdinMode = true } else { codes.append(joined(a)) }
                break
            }
            while k < a.count {
                let t = a[k].text.lowercased()
                if t.hasPrefix("-") || t.hasPrefix("/") {
                    let o = String(t.dropFirst())
                    if ["c", "command", "com", "comm", "comma", "comman"].contains(o) {
                        if k + 1 < a.count {
                            if a[k + 1].text == "-" { stdinMode = true } else { codes.append(joined(Array(a[(k + 1)...]))) }
                        }
                        break
                    }
                    if ["e", "ec", "enc", "encodedcommand", "encoded", "encodedc"].contains(o) || o.hasPrefix("encodedcom") {
                        if let n = next(k) {
                            if let decoded = ShDecode.base64(n.text).flatMap(ShDecode.utf16le) {
                                codes.append(ShField(text: decoded))
                            }
                            report(RemoteCodeRules.decodeExec, inv.subject)
                        }
                        break
                    }
                    if ["f", "file"].contains(o) { script = next(k); break }
                    if ["ep", "ex", "executionpolicy", "w", "windowstyle", "wd", "workingdirectory", "of", "outputformat", "if", "inputformat", "configurationname", "settingsfile", "custompipename", "v", "version"].contains(o) {
                        k += 2
                        continue
                    }
                    k += 1
                    continue
                }
                codes.append(joined(Array(a[k...])))
                break
            }
        case .awk:
            while k < a.count {
                let t = a[k].text
                if t == "-f" || t == "--file" { script = next(k); break }
                if t == "-e" || t == "--source" { if let n = next(k) { codes.append(n) }; k += 2; continue }
                if t == "-v" || t == "-F" || t == "--assign" || t == "--field-separator" { k += 2; continue }
                if t == "--" { k += 1; if k < a.count { codes.append(a[k]) }; break }
                if t.hasPrefix("-") && t.count > 1 { k += 1; continue }
                codes.append(a[k])
                break
            }
        case .shell:
            break
        }
        var out: ShSource = .unknown
        for c in codes { out = runCode(c, lang, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth, extra: extra) }
        // `python3 -c 'exec(sys.stdin.read())'`, `awk '{ system($0) }'`: code that runs what it reads.
        let stdinCode = codes.contains { c in
            let l = c.text.lowercased().filter { $0 != " " }
            if lang == .awk { return l.contains("system($") || l.contains("|\"sh") || l.contains("|\"bash") || l.contains("|\"/bin/") }
            let reads = ["sys.stdin", "stdin.read", "process.stdin", "readfilesync(0", "readfilesync('/dev/stdin", "readfilesync(\"/dev/stdin",
                         "<stdin>", "$stdin", "stdin.gets", "php://stdin", "io.read", "[console]::in", "$input"].contains { l.contains($0) }
            let evals = ["exec(", "eval(", "eval", "system(", "os.system", "popen", "spawn", "iex", "invoke-expression", "load("].contains { l.contains($0) }
            return reads && evals
        }
        if stdinCode { _ = runCodeSource(inv.stdin, lang == .awk ? .shell : lang, subject: inv.subject, &env, depth) }
        if let script { out = runScriptFile(script, lang, positional: nil, stdin: inv.stdin, subject: inv.subject, &env, depth) }
        if stdinMode && lang != .awk { _ = runCodeSource(inv.stdin, lang, subject: inv.subject, &env, depth) }
        return out
    }

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
    mutating func checkCodeOrigin(_ code: ShField, subject: String) {
        for s in code.sources {
            switch s {
            case .download: report(RemoteCodeRules.downloadExec, subject)
            case .decoded(let inner, _):
                if inner.isDownload { report(RemoteCodeRules.downloadExec, subject) } else { report(RemoteCodeRules.decodeExec, subject) }
            case .network: report(ReverseShellRules.pipeShell, subject)
            default: break
            }
        }
    }

    /// Code read from stdin or a process substitution.
    mutating func runCodeSource(_ source: ShSource, _ lang: ShLang, subject: String, _ env: inout ShEnv, _ depth: Int) -> ShSource {
        switch source {
        case .none, .credential:
            return .none
        case .download(let url):
            report(RemoteCodeRules.pipeToShell, url.isEmpty ? subject : "download of \(url) | \(subject)")
        case .decoded(let inner, let text):
            if inner.isDownload {
                report(RemoteCodeRules.pipeToShell, subject)
            } else if case .network = inner {
                report(ReverseShellRules.pipeShell, subject)
            } else {
                report(RemoteCodeRules.decodeExec, subject)
            }
            if let text { return runLiteral(text, lang, subject: subject, &env, depth) }
        case .network:
            report(ReverseShellRules.pipeShell, subject)
        case .literal(let t):
            return runLiteral(t, lang, subject: subject, &env, depth)
        case .file(let p):
            if downloaded.contains(ShText.baseName(p)) { report(RemoteCodeRules.downloadThenExec, subject) }
        case .environment, .shellOutput, .unknown, .foundPaths, .pids, .secret:
            report(RemoteCodeRules.unknownPipeShell, subject)
        }
        return .unknown
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
            report(ReverseShellRules.pipeShell, subject)
            return .unknown
        }
        if t.contains("://") {
            report(RemoteCodeRules.remoteScript, subject)
            return .unknown
        }
        if downloaded.contains(ShText.baseName(t)) { report(RemoteCodeRules.downloadThenExec, subject) }
        // `bash -x ~/.aws/credentials`, `source ~/.aws/credentials; env`: running a credential file reads it.
        CredentialRules.checkRead(file, env, how: "runs", &self)
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
            report(ShellRules.tooDeep, code)
            return
        }
        work += 1 + code.utf8.count / 256
        // The code as written, and in canonical form (aliases resolved, literals folded).
        let flow = ShCodeFlow.normalize(code, lang)
        if flow.obfuscated || flow.dynamicSpawn { report(ShellRules.dynamicCode, subject) }
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
        for cmd in f.shell {
            var e = env
            e.positional = nil
            e.stdin = .none
            _ = analyzeScript(cmd, &e, depth + 1)
        }
        for d in f.deletes {
            let path = d.path.hasPrefix("~") ? expandTilde(d.path, env) : d.path
            FilesystemRules.checkDelete(ShField(text: path, glob: ShGlob.hasGlob(path)), recursive: d.recursive, op: "rm", subject: subject, &self, env)
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
        if nameHit || dangerousArguments(inv, env) { report(ShellRules.dynamicCommand, inv.subject) }
        switch inv.stdin {
        case .download: report(RemoteCodeRules.unknownPipeShell, inv.subject)
        case .network: report(ReverseShellRules.pipeShell, inv.subject)
        default: break
        }
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
            if CredentialPaths.match(p, paths) != nil || SelfProtectionRules.protected(p, paths, deleting: true) != nil { return true }
            if DiskRules.isBlockDevice(p.comps) { return true }
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

    mutating func xargs(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int, hops: Int) -> ShSource {
        let a = inv.args
        var k = 0
        var replace: String? = nil
        let withArg: Set<String> = ["-I", "-L", "-n", "-P", "-s", "-d", "-E", "-a", "--max-args", "--max-procs", "--max-chars", "--delimiter", "--eof", "--arg-file", "--max-lines"]
        while k < a.count {
            let t = a[k].text
            if t == "--" { k += 1; break }
            if !t.hasPrefix("-") || t.count == 1 { break }
            if t == "-I" { replace = k + 1 < a.count ? a[k + 1].text : "{}"; k += 2; continue }
            if t.hasPrefix("-I") { replace = String(t.dropFirst(2)); k += 1; continue }
            if t == "-i" || t == "--replace" { replace = "{}"; k += 1; continue }
            if t.hasPrefix("-i") { replace = String(t.dropFirst(2)); k += 1; continue }
            if t.hasPrefix("--replace=") { replace = String(t.dropFirst(10)); k += 1; continue }
            if withArg.contains(t) { k += 2; continue }
            k += 1
        }
        var command = k < a.count ? Array(a[k...]) : [ShField(text: "echo")]
        var items: [ShField] = []
        switch inv.stdin {
        case .literal(let t), .decoded(_, text: let t?): items = ShText.words(t).prefix(8).map { ShField(text: $0) }
        default: break
        }
        var unknownItem = ShField(text: ShMark.unknown)
        unknownItem.sources = [inv.stdin]
        items.append(unknownItem)
        for k in items.indices { items[k].sources = [inv.stdin] }
        var out: ShSource = .unknown
        if let r = replace, !r.isEmpty {
            for item in items.prefix(4) + (items.count > 4 ? [items[items.count - 1]] : []) {
                let args = command.map { f -> ShField in
                    guard f.text.contains(r) else { return f }
                    var g = f
                    g.text = f.text.replacingEvery(r, with: item.text)
                    g.sources += item.sources
                    return g
                }
                out = runArgv(args, inv, &env, depth, hops: hops)
            }
        } else {
            command += items
            out = runArgv(command, inv, &env, depth, hops: hops)
        }
        return out
    }

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

    mutating func parallel(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let a = inv.argTexts
        let sep = a.firstIndex { $0 == ":::" || $0 == "::::" || $0 == ":::+" }
        var cmd = Array(a[..<(sep ?? a.count)])
        let withArg: Set<String> = ["-j", "-P", "-S", "-N", "-n", "-L", "--jobs", "--sshlogin", "--max-args", "--delay", "--timeout", "--joblog", "--results"]
        while let f = cmd.first, f.hasPrefix("-") {
            cmd.removeFirst()
            if withArg.contains(f), !cmd.isEmpty { cmd.removeFirst() }
        }
        guard !cmd.isEmpty else { return }
        var items: [String] = []
        if let sep, a[sep] != "::::" { items = a[(sep + 1)...].filter { !$0.hasPrefix(":::") }.prefix(6).map { $0 } }
        items.append(ShMark.unknown)
        let template = cmd.joined(separator: " ")
        for item in items {
            let line = template.contains("{}") ? template.replacingEvery("{}", with: ShText.quote(item)) : template + " " + ShText.quote(item)
            var e = env
            e.stdin = .none
            _ = analyzeScript(line, &e, depth + 1)
        }
    }

    mutating func ssh(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let a = inv.args
        let args = ShArgs(a, shortWithArg: Set("BbcDEeFIiJLlmOopQRSWw"))
        let p = args.parse(stopAtOperand: true)
        for o in p.allValues("-o") {
            let eq = o.firstIndex(of: "="), sp = o.firstIndex(of: " ")
            let (k, v) = ShText.splitOption(eq != nil && (sp == nil || eq! < sp!) ? o : o.replacingEvery(" ", with: "=", limit: 1))
            if ["proxycommand", "localcommand", "remotecommand", "knownhostscommand"].contains(k.lowercased()), let v {
                var e = env
                _ = analyzeScript(v, &e, depth + 1)
            }
        }
        guard let k = args.commandIndex(), k + 1 < a.count else { return }
        let remote = a[(k + 1)...].map(\.text).joined(separator: " ")
        var e = ShEnv()
        e.cwd = nil
        e.stdin = inv.stdin
        _ = analyzeScript(remote, &e, depth + 1)
    }

    mutating func tmux(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let a = inv.argTexts
        guard let sub = a.first(where: { !$0.hasPrefix("-") }) else { return }
        let runs = ["new", "new-session", "new-window", "neww", "split-window", "splitw", "send-keys", "send", "run-shell", "run", "respawn-pane"]
        guard runs.contains(sub), let si = a.firstIndex(of: sub) else { return }
        let p = ShArgs(Array(a[(si + 1)...]), shortWithArg: ["s", "n", "t", "c", "x", "y", "e", "F", "l", "p", "N"]).parse()
        let keys: Set<String> = ["Enter", "C-m", "KPEnter", "C-c", "Escape", "Space"]
        let text = p.operands.filter { !keys.contains($0) }.joined(separator: " ")
        guard !text.isEmpty else { return }
        var e = env
        _ = analyzeScript(text, &e, depth + 1)
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

    mutating func gitExec(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let g = ShGit(inv)
        var pairs = g.configs
        if g.sub == "config" {
            let ops = g.args.filter { !$0.hasPrefix("-") }
            if ops.count >= 2 { pairs.append((ops[0], ops[1])) }
        }
        for (key, value) in pairs {
            let k = key.lowercased()
            var cmd: String? = nil
            if k.hasPrefix("alias.") && value.hasPrefix("!") { cmd = String(value.dropFirst()) }
            else if k.hasPrefix("alias.") && !value.isEmpty && value != ShMark.unknown {
                // `git -c alias.ci='commit --no-verify' ci`: the alias expands to a git command.
                let name = String(k.dropFirst(6))
                let rest = g.sub == name ? " " + g.args.map { ShText.quote($0) }.joined(separator: " ") : ""
                cmd = "git " + value + rest
            }
            else if k == "credential.helper" { if value.hasPrefix("!") { cmd = String(value.dropFirst()) } }
            else if Self.gitExecKeys.contains(k) || k.hasPrefix("pager.")
                || (k.hasPrefix("filter.") && (k.hasSuffix(".clean") || k.hasSuffix(".smudge") || k.hasSuffix(".process")))
                || (k.hasPrefix("merge.") && k.hasSuffix(".driver")) || (k.hasPrefix("diff.") && (k.hasSuffix(".command") || k.hasSuffix(".textconv"))) {
                cmd = value
            }
            if let cmd, !cmd.isEmpty {
                var e = env
                _ = analyzeScript(cmd, &e, depth + 1)
            }
        }
        for (k, t) in g.args.enumerated() {
            var cmd: String? = nil
            for prefix in ["--upload-pack=", "--receive-pack=", "--exec="] where t.hasPrefix(prefix) { cmd = String(t.dropFirst(prefix.count)) }
            if (t == "-u" || t == "--upload-pack" || t == "--receive-pack") && ["clone", "fetch", "pull", "ls-remote", "push"].contains(g.sub ?? ""), k + 1 < g.args.count {
                if t != "-u" || g.sub != "push" { cmd = g.args[k + 1] }
            }
            if let cmd {
                var e = env
                _ = analyzeScript(cmd, &e, depth + 1)
            }
            if t.hasPrefix("ext::") { report(RemoteCodeRules.gitExt, inv.subject) }
        }
    }

    mutating func execOptions(_ inv: ShInvocation, _ env: inout ShEnv, _ depth: Int) {
        let a = inv.argTexts
        var cmds: [String] = []
        switch inv.name {
        case "tar":
            for (k, t) in a.enumerated() {
                for prefix in ["--to-command=", "--use-compress-program=", "--info-script=", "--new-volume-script=", "--checkpoint-action=exec="] where t.hasPrefix(prefix) {
                    cmds.append(String(t.dropFirst(prefix.count)))
                }
                if (t == "-I" || t == "--to-command" || t == "--use-compress-program" || t == "-F" || t == "--info-script"), k + 1 < a.count { cmds.append(a[k + 1]) }
                if t.hasPrefix("--checkpoint-action=") && t.contains("exec=") { cmds.append(String(t[t.shRange(ofLiteral: "exec=")!.upperBound...])) }
            }
        case "zip":
            for (k, t) in a.enumerated() where (t == "-TT" || t == "--unzip-command") && k + 1 < a.count { cmds.append(a[k + 1]) }
            for t in a where t.hasPrefix("--unzip-command=") { cmds.append(String(t.dropFirst(16))) }
        case "rsync":
            for (k, t) in a.enumerated() {
                if (t == "-e" || t == "--rsh") && k + 1 < a.count { cmds.append(a[k + 1]) }
                if t.hasPrefix("--rsh=") { cmds.append(String(t.dropFirst(6))) }
                if t.hasPrefix("-e") && t.count > 2 && !t.hasPrefix("--") { cmds.append(String(t.dropFirst(2))) }
            }
        default:
            for (k, t) in a.enumerated() {
                var c: String? = nil
                if (t == "-c" || t == "--cmd") && k + 1 < a.count { c = a[k + 1] }
                if t.hasPrefix("+") { c = String(t.dropFirst()) }
                guard var v = c?.drop(while: { $0 == ":" || $0 == " " }) else { continue }
                if v.hasPrefix("!") {
                    v = v.dropFirst()
                    cmds.append(String(v))
                } else if v.hasPrefix("call system(") || v.hasPrefix("silent !") {
                    cmds.append(String(v.drop(while: { $0 != "!" && $0 != "(" }).dropFirst()))
                }
            }
        }
        for c in cmds where !c.isEmpty {
            var e = env
            _ = analyzeScript(c, &e, depth + 1)
        }
    }

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
