/// Commands that run another command (sudo, su, env, npx, uv run, terminals, watch, flock …) (see `ShellAnalysis.handlers`): each takes the command site and returns what
/// the command outputs, or nil to let the rule packs judge it as an ordinary command.
extension ShellAnalysis {
    mutating func cmd_sudo(_ s: inout ShSite) -> ShSource? {
        return sudo(&s)
    }

    mutating func cmd_su(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["c", "s", "g", "G", "w"], longWithArg: ["--command", "--shell", "--group", "--session-command"]).parse()
        if let c = p.value("-c", "--command", "--session-command") {
            let field = a.first(where: { $0.text == c }) ?? ShField(text: c)
            _ = runCode(field, .shell, &s)
        }
        return .shellOutput
    }

    mutating func cmd_runuser(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["u", "g", "G", "c", "s"], longWithArg: ["--user", "--group", "--command", "--shell"]).parse()
        if let c = p.value("-c", "--command") { return runCode(ShField(text: c), .shell, &s) }
        return nil
    }

    mutating func cmd_env(_ s: inout ShSite) -> ShSource? {
        return envCommand(&s)
    }

    mutating func cmd_npx(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["p", "c"], longWithArg: ["--package", "--call"]).parse(stopAtOperand: true)
        if let c = p.value("-c", "--call") { return runCode(ShField(text: c), .shell, &s) }
        if let k = ShArgs(a, shortWithArg: ["p"], longWithArg: ["--package"]).commandIndex() { return runInner(&s, from: k) }
        return nil
    }

    mutating func cmd_npm(_ s: inout ShSite) -> ShSource? {
        let name = s.inv.name, a = s.inv.args
        if let sub = a.first?.text, ["exec", "dlx", "x"].contains(sub) {
            if let c = ShArgs(Array(a.dropFirst()), shortWithArg: ["c", "p"], longWithArg: ["--call", "--package"]).parse(stopAtOperand: true).value("-c", "--call") {
                return runCode(ShField(text: c), .shell, &s)
            }
            if let k = ShArgs(Array(a.dropFirst()), shortWithArg: ["p"], longWithArg: ["--package"]).commandIndex() {
                return runInner(&s, from: k + 1)
            }
        }
        if name == "bun", a.first.map({ $0.text == "-e" || $0.text == "--eval" }) == true {
            return handleInterpreter(.node, &s)
        }
        return nil
    }

    mutating func cmd_uv(_ s: inout ShSite) -> ShSource? {
        let name = s.inv.name, a = s.inv.args
        if let sub = a.first?.text, ["run", "exec", "develop", "shell"].contains(sub) {
            let rest = Array(a.dropFirst())
            let p = ShArgs(rest, shortWithArg: ["n", "p", "c", "e"], longWithArg: [
                "--with", "--python", "--project", "--directory", "--env-file", "--group", "--extra", "--package", "--from",
                "--index-url", "--name", "--prefix", "--cwd", "--command", "-e", "--environment",
            ])
            let parsed = p.parse(stopAtOperand: true)
            if let c = parsed.value("-c", "--command"), name == "nix" {
                let idx = rest.firstIndex { $0.text == c } ?? 0
                return runInner(&s, from: idx + 1)
            }
            if var k = p.commandIndex(skip: name == "direnv" ? 1 : 0) {
                if name == "nix" && sub == "develop" && k < rest.count && !rest[k].text.hasPrefix("-") { k += 1 }
                return runInner(&s, from: k + 1)
            }
        }
        return nil
    }

    mutating func cmd_nix_shell(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, longWithArg: ["--run", "--command", "-p", "--packages", "-I", "--arg", "--argstr"]).parse()
        if let c = p.value("--run", "--command") { return runCode(ShField(text: c), .shell, &s) }
        return nil
    }

    mutating func cmd_op(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if let dd = a.firstIndex(where: { $0.text == "--" }), dd + 1 < a.count { return runInner(&s, from: dd + 1) }
        return nil
    }

    mutating func cmd_sops(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if a.first?.text == "exec-env", a.count >= 3 { return runCode(a[2], .shell, &s) }
        return nil
    }

    mutating func cmd_xterm(_ s: inout ShSite) -> ShSource? {
        let name = s.inv.name, a = s.inv.args
        // `xterm -e cmd args`, `gnome-terminal -- cmd`, `kitty cmd`: a terminal runs the command.
        let t = a.map(\.text)
        var k: Int? = t.firstIndex { $0 == "-e" || $0 == "-x" || $0 == "--command" || $0 == "--" || $0 == "--execute" }.map { $0 + 1 }
        if k == nil && (name == "kitty" || name == "wezterm" || name == "foot") { k = t.firstIndex { !$0.hasPrefix("-") } }
        guard let from = k, from < a.count else { return ShSource.none }
        if from == a.count - 1 && a[from].text.contains(" ") {
            return runCode(a[from], .shell, &s, stdin: ShSource.none)
        }
        return runInner(&s, from: from)
    }

    mutating func cmd_watch(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["n", "q"], longWithArg: ["--interval", "--equexit", "--max-cycles"])
        guard let k = p.commandIndex() else { return ShSource.none }
        if p.parse(stopAtOperand: true).has("x") || p.parse(stopAtOperand: true).hasLong("--exec") {
            return runInner(&s, from: k)
        }
        return runCode(joined(Array(a[k...])), .shell, &s, stdin: ShSource.none)
    }

    mutating func cmd_flock(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["w", "E", "c"], longWithArg: ["--timeout", "--conflict-exit-code", "--command"])
        if let c = p.parse().value("-c", "--command") { return runCode(ShField(text: c), .shell, &s) }
        if let k = p.commandIndex(skip: 1) { return runInner(&s, from: k) }
        return ShSource.none
    }

    mutating func cmd_script(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["c", "E", "I", "O", "T", "B", "t", "m"], longWithArg: ["--command", "--log-io", "--log-in", "--log-out", "--log-timing", "--echo"]).parse()
        if let c = p.value("-c", "--command") { return runCode(ShField(text: c), .shell, &s) }
        return nil
    }

    mutating func cmd_tmux(_ s: inout ShSite) -> ShSource? {
        tmux(&s)
        return nil
    }

    mutating func cmd_at(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args, depth = s.depth
        if !a.contains(where: { $0.text == "-l" || $0.text == "-r" || $0.text == "-d" }) {
            _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &s.env, depth)
            ShellPacks.jobScheduled(inv.subject, &self)
        }
        return ShSource.none
    }

    mutating func sudo(_ s: inout ShSite) -> ShSource {
        let inv = s.inv, depth = s.depth
        let a = inv.args
        let args = ShArgs(a, shortWithArg: ["u", "g", "p", "C", "r", "t", "D", "U", "T", "R", "h"],
                          longWithArg: ["--user", "--group", "--prompt", "--close-from", "--role", "--type", "--chdir", "--other-user", "--command-timeout", "--chroot", "--host"])
        let p = args.parse(stopAtOperand: true)
        guard var k = args.commandIndex() else {
            // `sudo -s <<< 'cmd'`, `sudo -i < script`: a root shell reading its commands from stdin.
            if p.has("s") || p.has("i") || p.hasLong("--shell") || p.hasLong("--login") {
                _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &s.env, depth)
            }
            return .none
        }
        var extra: [String: String] = [:]
        while k < a.count, let eq = a[k].text.firstIndex(of: "="), a[k].text[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), a[k].text.first?.isLetter == true || a[k].text.first == "_" {
            let key = String(a[k].text[..<eq]), v = String(a[k].text[a[k].text.index(after: eq)...])
            extra[key] = v
            checkAssignment(key, v, &s.env, depth)
            k += 1
        }
        if p.has("e") || p.hasLong("--edit") {
            var edit = inv
            edit.name = "sudoedit"
            edit.args = Array(a[k...])
            edit.privileged = true
            runRules(edit, &s.env, depth)
            return .none
        }
        if (p.has("s") || p.has("i") || p.hasLong("--shell") || p.hasLong("--login")) && k < a.count {
            return runCode(joined(Array(a[k...])), .shell, &s)
        }
        return runInner(&s, from: k, privileged: true, extraAssigns: extra)
    }

    mutating func envCommand(_ s: inout ShSite) -> ShSource {
        let inv = s.inv, depth = s.depth
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
            checkAssignment(key, v, &s.env, depth)
            k += 1
        }
        if let split {
            let rest = a[min(k, a.count)...].map { ShText.quote($0) }.joined(separator: " ")
            var e = s.env
            e.stdin = inv.stdin
            return analyzeScript(split + " " + rest, &e, depth + 1)
        }
        if k >= a.count {
            ShellPacks.environmentPrinted(inv.subject, &self)
            return .environment
        }
        return runInner(&s, from: k, extraAssigns: extra)
    }
}
