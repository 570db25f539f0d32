/// chmod / chown / chgrp: recursive changes of the root, home or system directories,
/// setuid/setgid bits, world-writable files outside the project.
enum PermissionRules {
    static let classes: [ShClass] = [.root, .home, .homeSensitive, .system, .ancestor, .outside, .unknown]
    static let table: [String: ShellRule] = {
        var t: [String: ShellRule] = [:]
        for op in ["chmod", "chown"] {
            for c in classes {
                let path = FilesystemRules.samplePaths[c] ?? "/"
                t[op + "-" + c.rawValue] = ShellRule("perm.\(op)-recursive-\(c.rawValue)", FilesystemRules.decision(c),
                                                     "recursively changes \(op == "chmod" ? "permissions" : "ownership") of \(c.phrase)",
                                                     examples: [(op == "chmod" ? "chmod -R 777 " : "chown -R nobody ") + path] + (op == "chmod" && c == .home ? ["chmod -R 000 ~"] : []),
                                                     counterExamples: [op == "chmod" ? "chmod -R 755 ./bin" : "chown -R dev build"])
            }
        }
        return t
    }()
    static let setuid = ShellRule("perm.setuid", .deny, "sets the setuid/setgid bit: the program would run with its owner's (often root's) privileges",
        examples: ["chmod u+s /bin/bash", "chmod 4755 /tmp/rootshell"], counterExamples: ["chmod +x scripts/x.sh", "chmod -R 755 ./bin"])
    static let setuidProject = ShellRule("perm.setuid-project", .ask, "sets the setuid/setgid bit on a project file")
    static let worldWritable = ShellRule("perm.world-writable", .ask, "makes files outside the project writable by every user",
        examples: ["chmod 666 ~/notes/todo.txt"], counterExamples: ["chmod +x scripts/x.sh", "chmod -R 755 ./bin"])
    static let chmodSystem = ShellRule("perm.chmod-system", .deny, "makes the root, a home or a system path world-writable or setuid",
        examples: ["chmod 777 /etc/passwd", "chmod 666 ~/.bashrc"], counterExamples: ["chmod +x scripts/x.sh", "chmod -R 755 ./bin"])
    static let chmodSystemOther = ShellRule("perm.chmod-system-other", .ask, "changes permissions of a system path")
    static let chownSystem = ShellRule("perm.chown-system", .ask, "changes the owner of a system path")

    static var all: [ShellRule] {
        ["chmod", "chown"].flatMap { op in classes.compactMap { table[op + "-" + $0.rawValue] } }
            + [setuid, setuidProject, worldWritable, chmodSystem, chmodSystemOther, chownSystem]
    }

    struct Mode {
        var setuid = false
        var worldWritable = false
        /// Only adds execute permission (`+x`, `u+x`, `755`-like keep x).
        var addsExecOnly = false
        var removesExec = false
        /// Only takes permissions away (`go-w`, `700`, `600`): tightening, not loosening.
        var restrictive = false
    }

    static func mode(_ m: String) -> Mode {
        var r = Mode()
        if m.allSatisfy({ $0.isNumber }) {
            let digits = Array(m.compactMap { $0.wholeNumberValue })
            guard !digits.isEmpty else { return r }
            if digits.count >= 4, (digits[digits.count - 4] & 6) != 0 { r.setuid = true }
            if digits.count >= 3, (digits[digits.count - 1] & 2) != 0 { r.worldWritable = true }
            if digits.count >= 3 { r.removesExec = (digits[digits.count - 3] & 1) == 0 }
            // Tightening, unless the owner loses read or write (`chmod -R 000 ~` locks the user out).
            r.restrictive = !r.setuid && digits.count >= 3 && digits[digits.count - 2] & 2 == 0 && digits[digits.count - 1] == 0
                && digits[digits.count - 3] & 6 == 6
            return r
        }
        let clauses = m.split(separator: ",")
        r.restrictive = !clauses.isEmpty && clauses.allSatisfy { c in
            c.contains("-") && !c.contains("+") && !c.contains("=")
                && !((c.hasPrefix("-") || c.contains("u") || c.contains("a")) && (c.contains("r") || c.contains("w")))
        }
        for clause in clauses {
            guard let opIndex = clause.firstIndex(where: { "+-=".contains($0) }) else { continue }
            let who = clause[..<opIndex]
            let op = clause[opIndex]
            let perms = clause[clause.index(after: opIndex)...]
            if (op == "+" || op == "=") && perms.contains("s") { r.setuid = true }
            if (op == "+" || op == "=") && perms.contains("w") && (who.contains("o") || who.contains("a")) { r.worldWritable = true }
            if op == "+" && perms.allSatisfy({ $0 == "x" || $0 == "X" }) { r.addsExecOnly = true }
            if op == "-" && perms.contains("x") { r.removesExec = true }
            if op == "=" && !perms.contains("x") { r.removesExec = true }
        }
        return r
    }

    /// chmod's own argument grammar: `-x` and `-w` are modes, not options.
    static func chmodArgs(_ args: [ShField]) -> (recursive: Bool, mode: String?, targets: [ShField]) {
        var recursive = false
        var mode: String? = nil
        var targets: [ShField] = []
        var done = false
        for f in args {
            let t = f.text
            if !done && t == "--" { done = true; continue }
            if !done && (t == "--recursive" || (t.hasPrefix("-") && t.count > 1 && t.dropFirst().allSatisfy({ "RcfvHLP".contains($0) }))) {
                if t.contains("R") || t == "--recursive" { recursive = true }
                continue
            }
            if !done && t.hasPrefix("--reference=") { mode = ""; continue }
            if !done && t.hasPrefix("--") { continue }
            if mode == nil { mode = t; continue }
            targets.append(f)
        }
        return (recursive, mode, targets)
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        switch inv.name {
        case "chmod":
            let (recursive, m, targets) = chmodArgs(inv.args)
            let md = mode(m ?? "")
            for f in targets {
                let c = a.paths.classify(a.paths.resolve(f, cwd: env.cwd))
                if recursive, let r = table["chmod-" + c.rawValue], r.decision != .allow,
                   !(md.restrictive && (c == .home || c == .homeSensitive || c == .outside)) {
                    a.report(r, inv.subject)
                }
                if md.setuid {
                    a.report(c == .project || c == .projectRoot ? setuidProject : setuid, inv.subject)
                } else if md.worldWritable {
                    switch c {
                    case .root, .system, .home, .homeSensitive, .ancestor: a.report(chmodSystem, inv.subject)
                    case .outside, .unknown: a.report(worldWritable, inv.subject)
                    default: break
                    }
                } else if !recursive && (c == .root || c == .system) {
                    a.report(chmodSystemOther, inv.subject)
                }
            }
        case "chown", "chgrp", "lchown":
            let p = ShArgs(inv.args, longWithArg: ["--from"]).parse()
            let recursive = p.has("R") || p.hasLong("--recursive")
            var ops = p.operandIndices
            if !p.long.contains(where: { $0.hasPrefix("--reference") }) && !ops.isEmpty { ops.removeFirst() }
            for k in ops {
                let c = a.paths.classify(a.paths.resolve(inv.args[k], cwd: env.cwd))
                if recursive, let r = table["chown-" + c.rawValue], r.decision != .allow {
                    a.report(r, inv.subject)
                } else if !recursive && (c == .root || c == .system) {
                    a.report(chownSystem, inv.subject)
                }
            }
        default:
            break
        }
    }
}
