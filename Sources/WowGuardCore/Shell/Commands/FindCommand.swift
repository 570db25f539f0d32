/// `find ROOTS EXPR`: the expression is parsed with find's operators (`!`/`-not`, implicit and,
/// `-a`, `-o`, parentheses, `,`) and every action (`-delete`, `-exec … {}`) gets the name
/// restriction under which it runs. `find ~ -name .cache -prune -o -delete` deletes everything
/// but `.cache`; `find . -path ./node_modules -prune -o -name '*.pyc' -delete` deletes only
/// `*.pyc` files.
struct FindExpression {
    indirect enum Node {
        case and([Node]), or([Node]), list([Node]), not(Node)
        case test(String, String?)
        case action(Int)
    }

    /// What a condition says about a file's name: one of these patterns (nil: anything).
    enum Pattern: Equatable {
        case name(String)
        case empty
    }

    struct Action {
        var kind: String
        /// The command of `-exec`/`-execdir`/`-ok`/`-okdir` (with `{}`).
        var command: [ShField] = []
        /// `-fprint FILE` and kin: the file it writes.
        var file: ShField? = nil
    }

    static let testsWithArg: Set<String> = [
        "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-lname", "-ilname", "-newer",
        "-anewer", "-cnewer", "-samefile", "-user", "-group", "-perm", "-type", "-xtype", "-size", "-mtime", "-mmin", "-atime",
        "-amin", "-ctime", "-cmin", "-links", "-inum", "-uid", "-gid", "-used", "-fstype", "-context", "-maxdepth", "-mindepth",
        "-regextype", "-printf", "-D",
    ]
    static let fileActions: Set<String> = ["-fprint", "-fprint0", "-fls"]
    static let execActions: Set<String> = ["-exec", "-execdir", "-ok", "-okdir"]
    static let nameTests: Set<String> = ["-name", "-iname", "-lname", "-ilname"]
    static let pathTests: Set<String> = ["-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex"]

    var actions: [Action] = []
    var root: Node = .and([])
    var minDepth = 0
    private var tokens: [ShField]
    private var pos = 0

    init(_ tokens: [ShField]) {
        self.tokens = tokens
        root = parseList()
    }

    private mutating func peek() -> String? { pos < tokens.count ? tokens[pos].text : nil }

    private mutating func parseList() -> Node {
        var items = [parseOr()]
        while peek() == "," { pos += 1; items.append(parseOr()) }
        return items.count == 1 ? items[0] : .list(items)
    }

    private mutating func parseOr() -> Node {
        var items = [parseAnd()]
        while let t = peek(), t == "-o" || t == "-or" { pos += 1; items.append(parseAnd()) }
        return items.count == 1 ? items[0] : .or(items)
    }

    private mutating func parseAnd() -> Node {
        var items: [Node] = []
        while let t = peek(), t != "-o", t != "-or", t != ")", t != "," {
            if t == "-a" || t == "-and" { pos += 1; continue }
            items.append(parseUnary())
            if items.count > 64 { break }
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    private mutating func parseUnary() -> Node {
        guard let t = peek() else { return .and([]) }
        pos += 1
        if t == "!" || t == "-not" { return .not(parseUnary()) }
        if t == "(" {
            let inner = parseList()
            if peek() == ")" { pos += 1 }
            return inner
        }
        if Self.execActions.contains(t) {
            var cmd: [ShField] = []
            while pos < tokens.count {
                let x = tokens[pos].text
                if x == ";" || (x == "+" && cmd.last?.text == "{}") { pos += 1; break }
                cmd.append(tokens[pos])
                pos += 1
            }
            actions.append(Action(kind: t, command: cmd))
            return .action(actions.count - 1)
        }
        if Self.fileActions.contains(t) || t == "-fprintf" {
            let file = pos < tokens.count ? tokens[pos] : nil
            pos += t == "-fprintf" ? 2 : 1
            actions.append(Action(kind: t, file: file))
            return .action(actions.count - 1)
        }
        if ["-delete", "-prune", "-print", "-print0", "-ls", "-quit"].contains(t) {
            actions.append(Action(kind: t))
            return .action(actions.count - 1)
        }
        if Self.testsWithArg.contains(t) || t.hasPrefix("-newer") {
            let arg = pos < tokens.count ? tokens[pos].text : nil
            pos += 1
            if t == "-mindepth", let a = arg, let n = Int(a) { minDepth = n }
            return .test(t, arg)
        }
        return .test(t, nil)
    }

    /// Patterns a file must match for `node` to be true (nil: any file).
    static func truth(_ node: Node) -> [Pattern]? {
        switch node {
        case .test(let t, let arg):
            if nameTests.contains(t), let arg { return [.name(arg)] }
            if pathTests.contains(t), let arg {
                let last = arg.split(separator: "/").last.map(String.init) ?? arg
                return last.isEmpty || last == "*" || t.hasSuffix("regex") ? nil : [.name(last)]
            }
            if t == "-empty" { return [.empty] }
            if t == "-false" { return [] }
            return nil
        case .not(let x): return falsity(x)
        case .and(let xs): return xs.lazy.compactMap(truth).first
        case .or(let xs), .list(let xs):
            var out: [Pattern] = []
            for x in xs { guard let t = truth(x) else { return nil }; out += t }
            return out
        case .action: return nil
        }
    }

    /// Patterns a file must match for `node` to be false (nil: any file).
    static func falsity(_ node: Node) -> [Pattern]? {
        switch node {
        case .test(let t, _): return t == "-true" ? [] : nil
        case .not(let x): return truth(x)
        case .and(let xs):
            var out: [Pattern] = []
            for x in xs { guard let f = falsity(x) else { return nil }; out += f }
            return out
        case .or(let xs), .list(let xs): return xs.lazy.compactMap(falsity).first
        case .action(_): return nil
        }
    }

    /// Each action with the patterns under which it runs (nil: every file).
    func guardedActions() -> [(Action, [Pattern]?)] {
        var out: [(Action, [Pattern]?)] = []
        func walk(_ node: Node, _ guardP: [Pattern]?) {
            switch node {
            case .action(let k): out.append((actions[k], guardP))
            case .test: break
            case .not(let x): walk(x, guardP)
            case .and(let xs):
                var g = guardP
                for x in xs {
                    walk(x, g)
                    if g == nil { g = Self.truth(x) }
                }
            case .or(let xs):
                var g = guardP
                for x in xs {
                    walk(x, g)
                    if g == nil { g = Self.falsity(x) }
                }
            case .list(let xs): for x in xs { walk(x, guardP) }
            }
        }
        walk(root, nil)
        return out
    }

    /// Names whose deletion is cleaning up (build output, caches, editor leftovers).
    static let junkNames: Set<String> = [
        "*.pyc", "*.pyo", "*.pyd", "__pycache__", "*.o", "*.obj", "*.a", "*.class", "*.log", "*.tmp", "*.temp", "*.bak", "*.orig",
        "*.rej", "*.swp", "*.swo", "*~", ".DS_Store", "._*", "Thumbs.db", "desktop.ini", "node_modules", ".pytest_cache",
        ".mypy_cache", ".ruff_cache", ".tox", ".nox", "*.egg-info", ".eggs", ".next", ".nuxt", ".parcel-cache", ".turbo",
        ".ipynb_checkpoints", "*.gcda", "*.gcno", ".coverage", "coverage", ".sass-cache", "*.dSYM", "DerivedData", ".gradle",
        "*.pyc.*", "*.py[co]", "*.log.*", "core.[0-9]*", "npm-debug.log*", "yarn-error.log", ".eslintcache", "*.tsbuildinfo",
    ]
}

extension ShellAnalysis {
    mutating func find(_ inv: ShInvocation, _ site: inout ShSite) {
        let a = inv.args
        var k = 0
        while k < a.count, ["-H", "-L", "-P"].contains(a[k].text) || a[k].text.hasPrefix("-O") || a[k].text == "-D" {
            k += a[k].text == "-D" ? 2 : 1
        }
        var roots: [ShField] = []
        while k < a.count {
            let t = a[k].text
            if t.hasPrefix("-") || t == "(" || t == "!" || t == "," { break }
            roots.append(a[k])
            k += 1
        }
        if roots.isEmpty { roots = [ShField(text: ".")] }
        let expr = FindExpression(Array(a[k...]))
        for action in expr.actions where action.file != nil {
            checkWriteTarget(action.file!, &site.env, how: "find " + action.kind, subject: inv.subject)
        }
        for (action, patterns) in expr.guardedActions() where action.kind == "-delete" || !action.command.isEmpty {
            for root in roots.prefix(4) {
                var targets: [ShField] = []
                let base = root.text.hasSuffix("/") ? root.text : root.text + "/"
                // Clearing build output and caches is cleaning up, except across the whole system.
                let rootClass = paths.classify(paths.resolve(root, cwd: site.env.cwd))
                let junkIsHarmless = rootClass != .root && rootClass != .system
                if let patterns {
                    for p in patterns {
                        guard case .name(let n) = p, !(junkIsHarmless && FindExpression.junkNames.contains(n)) else { continue }
                        var f = root
                        f.text = base + ShMark.found + n
                        targets.append(f)
                    }
                } else {
                    var under = root
                    under.text = base + ShMark.found
                    // find removes the root last, and fails on /tmp itself; its contents are what matter there.
                    let rootComps = paths.resolve(root, cwd: site.env.cwd).comps
                    targets = expr.minDepth >= 1 || paths.temps.contains(rootComps) ? [under] : [root, under]
                }
                for t in targets.prefix(4) {
                    if action.kind == "-delete" {
                        ShellPacks.fileDeleted(t, recursive: true, op: "find-delete", subject: inv.subject, &self, site.env)
                        continue
                    }
                    let argv = action.command.map { f -> ShField in
                        guard f.text.contains("{}") else { return f }
                        var g = f
                        g.text = f.text.replacingEvery("{}", with: t.text)
                        g.glob = g.glob || t.glob
                        return g
                    }
                    _ = runArgv(argv, site)
                }
                // `-exec CMD` without `{}` runs CMD once per file all the same.
                if patterns != nil && targets.isEmpty && !action.command.isEmpty && !action.command.contains(where: { $0.text.contains("{}") }) {
                    _ = runArgv(action.command, site)
                }
            }
        }
    }
}
