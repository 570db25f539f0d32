/// Options and subcommands that make a command run other code, as data: per command (and
/// subcommand), which spellings take code and what kind of code their value is. One handler
/// (`runCodeOptions`) reads the table for every command that reaches the rule packs.
enum CodeOptions {
    enum Value {
        /// The value is a shell command line.
        case shell
        /// The value is a shell command when it starts with one of these prefixes (the prefix is dropped).
        case shellAfter([String])
        /// `KEY=VALUE` whose key contains one of these markers: VALUE is a shell command (apt hooks).
        case keyedShell([String])
        /// The value is a sed script (`e`, `s///e` run commands; `w FILE` writes).
        case sedScript
        /// The value names a makefile; `-` (stdin) means the recipes come from the command's input.
        case makefile
    }

    /// `word` marks a subcommand word after which the remaining arguments are a command (`git bisect run CMD…`).
    enum Rest {
        case argv, shellText
    }

    struct Option {
        var sub: String? = nil
        var spellings: [String]
        var value: Value
    }

    struct RestCommand {
        var sub: String?
        var word: String
        var kind: Rest
        /// Options of the rest to skip (`git submodule foreach --recursive CMD`).
        var skipFlags: Set<String> = []
    }

    /// Every command with an entry below (a plain array: checked before the tables are built).
    static let commandNames = ["git", "man", "scp", "sftp", "sshfs", "gdb", "lldb", "apt-get", "apt", "sed", "make", "gmake", "tcpdump", "rsync",
                               "psql", "sqlite3", "mysql", "emacs", "less", "npm"]

    static let options: [String: [Option]] = [
        "git": [
            Option(sub: "rebase", spellings: ["-x", "--exec"], value: .shell),
            Option(sub: "filter-branch", spellings: ["--tree-filter", "--index-filter", "--msg-filter", "--env-filter", "--commit-filter",
                                                     "--parent-filter", "--tag-name-filter"], value: .shell),
            Option(sub: "difftool", spellings: ["-x", "--extcmd"], value: .shell),
            Option(sub: "grep", spellings: ["-O", "--open-files-in-pager"], value: .shell),
            Option(sub: "send-email", spellings: ["--smtp-server", "--to-cmd", "--cc-cmd", "--header-cmd"], value: .shellAfter(["/", "~", "."])),
            Option(sub: "commit", spellings: ["--cleanup-cmd"], value: .shell),
            Option(sub: "clone", spellings: ["-c", "--config"], value: .keyedShell(["fsmonitor", "sshcommand", "pager", "editor", "askpass", "credential.helper", "diff.external", "alias."])),
            Option(sub: "submodule", spellings: ["-c"], value: .keyedShell(["fsmonitor", "sshcommand"])),
        ],
        "man": [Option(spellings: ["-P", "--pager", "-H", "--html"], value: .shell)],
        "scp": [Option(spellings: ["-o"], value: .keyedShell(["proxycommand", "localcommand", "knownhostscommand"])), Option(spellings: ["-S"], value: .shell)],
        "sftp": [Option(spellings: ["-o"], value: .keyedShell(["proxycommand", "localcommand", "knownhostscommand"])), Option(spellings: ["-S"], value: .shell)],
        "sshfs": [Option(spellings: ["-o"], value: .keyedShell(["ssh_command", "proxycommand"]))],
        "gdb": [Option(spellings: ["-ex", "--ex", "-eval-command", "--eval-command", "-iex"], value: .shellAfter(["shell ", "!", "pipe "]))],
        "lldb": [Option(spellings: ["-o", "--one-line", "-O", "--one-line-before-file", "-k"], value: .shellAfter(["platform shell ", "shell "]))],
        "apt-get": [Option(spellings: ["-o", "--option"], value: .keyedShell(["pre-invoke", "post-invoke", "pre-install-pkgs", "post-invoke-success"]))],
        "apt": [Option(spellings: ["-o", "--option"], value: .keyedShell(["pre-invoke", "post-invoke", "pre-install-pkgs", "post-invoke-success"]))],
        "sed": [Option(spellings: ["-e", "--expression"], value: .sedScript)],
        "make": [Option(spellings: ["-f", "--file", "--makefile"], value: .makefile), Option(spellings: ["--eval", "-E"], value: .makefile)],
        "gmake": [Option(spellings: ["-f", "--file", "--makefile"], value: .makefile)],
        "tcpdump": [Option(spellings: ["-z"], value: .shell)],
        "rsync": [Option(spellings: ["--rsync-path"], value: .shell)],
        "psql": [Option(spellings: ["-c", "--command"], value: .shellAfter(["\\!"]))],
        "sqlite3": [Option(spellings: ["-cmd"], value: .shellAfter([".shell ", ".system "]))],
        "mysql": [Option(spellings: ["-e", "--execute"], value: .shellAfter(["system ", "\\! "]))],
        "emacs": [Option(spellings: ["--eval"], value: .shellAfter(["(shell-command \"", "(call-process-shell-command \""]))],
        "ssh-agent": [],
        "less": [Option(spellings: ["+!"], value: .shell)],
    ]

    static let rests: [String: [RestCommand]] = [
        "git": [RestCommand(sub: "bisect", word: "run", kind: .argv),
                RestCommand(sub: "submodule", word: "foreach", kind: .shellText, skipFlags: ["--recursive", "-q", "--quiet"]),
                RestCommand(sub: "worktree", word: "foreach", kind: .shellText)],
        "sqlite3": [],
        "gdb": [RestCommand(sub: nil, word: "--args", kind: .argv)],
        "lldb": [RestCommand(sub: nil, word: "--", kind: .argv)],
    ]

    /// A command's (leading-space-free) sed script: the commands that run shell code, and files it writes.
    static func sed(_ script: String) -> (commands: [String], writes: [String], dynamic: Bool) {
        var commands: [String] = [], writes: [String] = []
        var dynamic = false
        for raw in script.split(whereSeparator: { $0 == "\n" || $0 == ";" }).prefix(64) {
            var c = Substring(raw).drop { $0 == " " || $0 == "\t" }
            // Addresses: line numbers, `$`, `/regex/` or `\cregexc`, a `,` range of two, `~step`, `+n`, then `!`.
            func address() {
                if c.first == "/" || c.first == "\\" {
                    let d: Character = c.first == "\\" ? c.dropFirst().first ?? "/" : "/"
                    c = c.dropFirst(c.first == "\\" ? 2 : 1)
                    var escaped = false
                    while let f = c.first {
                        c = c.dropFirst()
                        if escaped { escaped = false } else if f == "\\" { escaped = true } else if f == d { break }
                    }
                    while c.first == "I" || c.first == "M" { c = c.dropFirst() }
                } else {
                    while let f = c.first, f.isNumber || f == "$" || f == "~" || f == "+" { c = c.dropFirst() }
                }
            }
            address()
            c = c.drop { $0 == " " }
            if c.first == "," { c = c.dropFirst().drop { $0 == " " }; address() }
            c = c.drop { $0 == " " || $0 == "!" }
            guard let cmd = c.first else { continue }
            let rest = String(c.dropFirst().drop { $0 == " " })
            switch cmd {
            case "e":
                if rest.isEmpty { dynamic = true } else { commands.append(rest) }
            case "w", "W":
                if !rest.isEmpty { writes.append(rest) }
            case "s", "y":
                guard let d = c.dropFirst().first else { continue }
                var body = c.dropFirst(2)
                var parts = 0
                var escaped = false
                var i = body.startIndex
                while i < body.endIndex && parts < 2 {
                    let ch = body[i]
                    if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == d { parts += 1 }
                    i = body.index(after: i)
                }
                body = body[i...]
                let flags = body.prefix { $0 != "w" && $0 != " " }
                if cmd == "s" && flags.contains("e") { dynamic = true }
                if let w = body.firstIndex(of: "w") {
                    let file = String(body[body.index(after: w)...].drop { $0 == " " })
                    if !file.isEmpty { writes.append(file) }
                }
            default:
                continue
            }
        }
        return (commands, writes, dynamic)
    }

    /// Recipe lines of a makefile text (lines that start with a tab), as shell code.
    static func recipes(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("\t") }.map { String($0.drop { $0 == "\t" || $0 == "@" || $0 == "-" || $0 == "+" }) }
    }
}

extension ShellAnalysis {
    /// The value(s) of option `spellings` in `args`: `-x V`, `-xV` (short), `--opt=V`, `--opt V`.
    static func optionValues(_ args: [String], _ spellings: [String]) -> [String] {
        var out: [String] = []
        var k = 0
        while k < args.count && out.count < 16 {
            let t = args[k]
            if t == "--" { break }
            for s in spellings {
                if t == s, k + 1 < args.count { out.append(args[k + 1]); k += 1; break }
                if s.hasPrefix("--") && t.hasPrefix(s + "=") { out.append(String(t.dropFirst(s.count + 1))); break }
                if !s.hasPrefix("--") && s.count == 2 && t.hasPrefix(s) && t.count > 2 && !t.hasPrefix("--") { out.append(String(t.dropFirst(2))); break }
                if s.count > 2 && !s.hasPrefix("--") && t.hasPrefix(s + "=") { out.append(String(t.dropFirst(s.count + 1))); break }
            }
            k += 1
        }
        return out
    }

    mutating func runCodeOptions(_ site: inout ShSite) {
        let name = site.inv.name
        var args = site.argTexts
        var sub: String? = nil
        if name == "git" {
            let g = ShGit(site.inv)
            sub = g.sub
            args = g.args
        }
        for opt in CodeOptions.options[name] ?? [] where opt.sub == nil || opt.sub == sub {
            for v in Self.optionValues(args, opt.spellings) {
                switch opt.value {
                case .shell:
                    runShellText(v, site)
                case .shellAfter(let prefixes):
                    let trimmed = v.drop { $0 == " " || $0 == ":" }
                    for p in prefixes where trimmed.hasPrefix(p) {
                        var code = String(trimmed.dropFirst(p.count))
                        if p.hasSuffix("\"") { code = String(code.prefix { $0 != "\"" }) }
                        runShellText(code, site)
                        break
                    }
                case .keyedShell(let markers):
                    let (key, value) = ShText.splitOption(v)
                    if let value, markers.contains(where: { key.lowercased().contains($0) }) {
                        runShellText(String(value.drop { $0 == ":" || $0 == "!" || $0 == "=" }), site)
                    }
                case .sedScript:
                    runSed(v, &site)
                case .makefile:
                    if opt.spellings.contains("--eval") { for r in CodeOptions.recipes(v.replacingEvery("\\n", with: "\n")) { runShellText(r, site) }; continue }
                    if v == "-" || v == "/dev/stdin" || v == "/dev/fd/0" {
                        switch site.inv.stdin {
                        case .literal(let text), .decoded(_, text: let text?):
                            for r in CodeOptions.recipes(text) { runShellText(r, site) }
                        case .none: break
                        default: _ = runCodeSource(site.inv.stdin, .shell, subject: site.subject, &site.env, site.depth)
                        }
                    } else if let content = written[ShText.baseName(v)] {
                        for r in CodeOptions.recipes(content) { runShellText(r, site) }
                    }
                }
            }
        }
        // `printf 'x:\n\trm -rf ~' > Makefile && make`: the recipes of a makefile written earlier in the line.
        if name == "make" || name == "gmake", Self.optionValues(args, ["-f", "--file", "--makefile"]).isEmpty {
            for mf in ["GNUmakefile", "makefile", "Makefile"] {
                if let content = written[mf] { for r in CodeOptions.recipes(content) { runShellText(r, site) }; break }
            }
        }
        // `npm pkg set scripts.postinstall='…'`: a script npm runs later (install hooks run on every install).
        if name == "npm", args.starts(with: ["pkg", "set"]) {
            for a in args.dropFirst(2) {
                let (key, value) = ShText.splitOption(a)
                guard key.hasPrefix("scripts."), let value else { continue }
                runShellText(value, site)
                if ["preinstall", "install", "postinstall", "prepare", "prepublish"].contains(String(key.dropFirst(8))) {
                    ShellPacks.installHookAdded(site.subject, &self)
                }
            }
        }
        for rest in CodeOptions.rests[name] ?? [] where rest.sub == sub {
            guard let w = args.firstIndex(of: rest.word) else { continue }
            var tail = Array(args[(w + 1)...])
            while let f = tail.first, rest.skipFlags.contains(f) { tail.removeFirst() }
            guard !tail.isEmpty else { continue }
            switch rest.kind {
            case .argv:
                runShellText(tail.map(ShText.quote).joined(separator: " "), site)
            case .shellText:
                runShellText(tail.joined(separator: " "), site)
            }
        }
        // sed's script is also its first operand.
        if name == "sed" && Self.optionValues(args, ["-e", "--expression", "-f", "--file"]).isEmpty {
            let p = ShArgs(site.args, shortWithArg: ["l"], longWithArg: ["--line-length"]).parse()
            if let script = p.operands.first { runSed(script, &site) }
        }
    }

    mutating func runSed(_ script: String, _ site: inout ShSite) {
        let s = CodeOptions.sed(script)
        for c in s.commands { runShellText(c, site) }
        for w in s.writes where w != "/dev/stdout" && w != "/dev/stderr" {
            checkWriteTarget(ShField(text: w.hasPrefix("~") ? expandTilde(w, site.env) : w), &site.env, how: "sed w", subject: site.subject)
        }
        if s.dynamic { ShellPacks.dynamicCode(site.subject, &self) }
    }
}
