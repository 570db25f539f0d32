/// Commands that run commands many times or elsewhere: xargs, find, parallel, ssh, tmux, containers, git, archivers, crontab; shells, interpreters and simple wrappers (the fallback) (see `ShellAnalysis.handlers`): each takes the command site and returns what
/// the command outputs, or nil to let the rule packs judge it as an ordinary command.
extension ShellAnalysis {
    mutating func cmd_xargs(_ s: inout ShSite) -> ShSource? {
        return xargs(&s)
    }

    mutating func cmd_find(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, depth = s.depth
        find(inv, &s)
        runRules(inv, &s.env, depth)
        return .foundPaths
    }

    mutating func cmd_parallel(_ s: inout ShSite) -> ShSource? {
        parallel(&s)
        return .unknown
    }

    mutating func cmd_ssh(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, depth = s.depth
        ssh(&s)
        runRules(inv, &s.env, depth)
        return .unknown
    }

    mutating func cmd_docker(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args, depth = s.depth, hops = s.hops
        if let k = containerCommandIndex(inv) {
            var inner = inv
            inner.nameField = a[k]
            inner.args = Array(a[(k + 1)...])
            resolveName(&inner)
            _ = analyzeInvocation(inner, &s.env, depth, hops: hops + 1)
        }
        return nil
    }

    mutating func cmd_git(_ s: inout ShSite) -> ShSource? {
        gitExec(&s)
        return nil
    }

    mutating func cmd_tar(_ s: inout ShSite) -> ShSource? {
        execOptions(&s)
        return nil
    }

    mutating func cmd_crontab(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, depth = s.depth
        if case .literal(let t) = inv.stdin { crontabLines(t, &s.env, depth) }
        return nil
    }

    mutating func cmd_specialFallback(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, name = s.inv.name, a = s.inv.args, depth = s.depth
        if Self.shells.contains(name) {
            let out = handleShell(&s)
            runRules(inv, &s.env, depth)
            return out
        }
        if let lang = Self.interpreterLangs[name] {
            _ = handleInterpreter(lang, &s)
            runRules(inv, &s.env, depth)
            return .unknown
        }
        if let spec = Self.simpleWrappers[name] {
            var extra: [String: String] = [:]
            var from = 0
            if WrapperSpec.takesAssignments.contains(name) {
                while from < a.count, let eq = a[from].text.firstIndex(of: "="), a[from].text[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    extra[String(a[from].text[..<eq])] = String(a[from].text[a[from].text.index(after: eq)...])
                    from += 1
                }
            }
            if WrapperSpec.pidMode.contains(name), a.contains(where: { $0.text == "-p" || $0.text == "--pid" }) { return ShSource.none }
            let sub = Array(a[from...])
            if let k = ShArgs(sub, shortWithArg: spec.shortWithArg, longWithArg: spec.longWithArg).commandIndex(skip: spec.operandsBefore) {
                for (key, v) in extra { checkAssignment(key, v, &s.env, s.depth) }
                return runInner(&s, from: from + k, privileged: WrapperSpec.privileged.contains(name), extraAssigns: extra)
            }
            return ShSource.none
        }
        return nil
    }

    mutating func xargs(_ s: inout ShSite) -> ShSource {
        let inv = s.inv, depth = s.depth, hops = s.hops
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
                out = runArgv(args, inv, &s.env, depth, hops: hops)
            }
        } else {
            command += items
            out = runArgv(command, inv, &s.env, depth, hops: hops)
        }
        return out
    }

    mutating func parallel(_ s: inout ShSite) {
        let inv = s.inv, depth = s.depth
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
            var e = s.env
            e.stdin = .none
            _ = analyzeScript(line, &e, depth + 1)
        }
    }

    mutating func ssh(_ s: inout ShSite) {
        let inv = s.inv, depth = s.depth
        let a = inv.args
        let args = ShArgs(a, shortWithArg: Set("BbcDEeFIiJLlmOopQRSWw"))
        let p = args.parse(stopAtOperand: true)
        for o in p.allValues("-o") {
            let eq = o.firstIndex(of: "="), sp = o.firstIndex(of: " ")
            let (k, v) = ShText.splitOption(eq != nil && (sp == nil || eq! < sp!) ? o : o.replacingEvery(" ", with: "=", limit: 1))
            if ["proxycommand", "localcommand", "remotecommand", "knownhostscommand"].contains(k.lowercased()), let v {
                var e = s.env
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

    mutating func tmux(_ s: inout ShSite) {
        let inv = s.inv, depth = s.depth
        let a = inv.argTexts
        guard let sub = a.first(where: { !$0.hasPrefix("-") }) else { return }
        let runs = ["new", "new-session", "new-window", "neww", "split-window", "splitw", "send-keys", "send", "run-shell", "run", "respawn-pane"]
        guard runs.contains(sub), let si = a.firstIndex(of: sub) else { return }
        let p = ShArgs(Array(a[(si + 1)...]), shortWithArg: ["s", "n", "t", "c", "x", "y", "e", "F", "l", "p", "N"]).parse()
        let keys: Set<String> = ["Enter", "C-m", "KPEnter", "C-c", "Escape", "Space"]
        let text = p.operands.filter { !keys.contains($0) }.joined(separator: " ")
        guard !text.isEmpty else { return }
        var e = s.env
        _ = analyzeScript(text, &e, depth + 1)
    }

    mutating func gitExec(_ s: inout ShSite) {
        let inv = s.inv, depth = s.depth
        let g = ShGit(inv)
        var pairs = g.configs
        if g.sub == "config" {
            var ops: [String] = []
            var k = 0
            while k < g.args.count {
                let t = g.args[k]
                if ["-f", "--file", "--blob", "--type", "--default", "--comment", "--value"].contains(t) { k += 2; continue }
                if !t.hasPrefix("-") { ops.append(t) }
                k += 1
            }
            if ops.first == "set" { ops.removeFirst() }
            if ops.count >= 2 { pairs.append((ops[0], ops[1])) }
        }
        for (key, value) in pairs {
            let k = key.lowercased()
            var cmd: String? = nil
            if k.hasPrefix("alias.") && value.hasPrefix("!") { cmd = String(value.dropFirst()) }
            // `submodule.NAME.update = !cmd` runs cmd on `git submodule update`.
            else if k.hasPrefix("submodule.") && k.hasSuffix(".update") && value.hasPrefix("!") { cmd = String(value.dropFirst()) }
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
                var e = s.env
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
                var e = s.env
                _ = analyzeScript(cmd, &e, depth + 1)
            }
            if t.hasPrefix("ext::") { ShellPacks.gitExtTransport(inv.subject, &self) }
        }
    }

    mutating func execOptions(_ s: inout ShSite) {
        let inv = s.inv, depth = s.depth
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
            var e = s.env
            _ = analyzeScript(c, &e, depth + 1)
        }
    }
}
