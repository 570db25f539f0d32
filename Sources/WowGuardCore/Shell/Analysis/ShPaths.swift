/// fnmatch-style matching on bytes: `*`, `?`, `[…]`, `\x`; the unknown mark matches like `*`.
enum ShGlob {
    static func match(_ pattern: String, _ s: String) -> Bool {
        match(Array(pattern.utf8)[...], Array(s.utf8)[...])
    }

    static func hasGlob(_ s: String) -> Bool {
        s.utf8.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B || $0 == ShMark.unknownByte || $0 == ShMark.foundByte }
    }

    static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP = -1, starS = -1
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == 0x2A || c == ShMark.unknownByte || c == ShMark.foundByte {
                    starP = pi
                    starS = si
                    pi += 1
                    continue
                }
                if c == 0x3F {
                    pi += 1
                    si += 1
                    continue
                }
                if c == 0x5B, let (ok, next) = matchClass(p, pi, s[si]) {
                    if ok {
                        pi = next
                        si += 1
                        continue
                    }
                } else if c == 0x5C && pi + 1 < p.endIndex {
                    if p[pi + 1] == s[si] {
                        pi += 2
                        si += 1
                        continue
                    }
                } else if c == s[si] {
                    pi += 1
                    si += 1
                    continue
                }
            }
            if starP >= 0 {
                pi = starP + 1
                starS += 1
                si = starS
                continue
            }
            return false
        }
        while pi < p.endIndex && (p[pi] == 0x2A || p[pi] == ShMark.unknownByte || p[pi] == ShMark.foundByte) { pi += 1 }
        return pi == p.endIndex
    }

    /// `[…]` at `start`: whether `c` matches and where the class ends; nil when unterminated.
    private static func matchClass(_ p: ArraySlice<UInt8>, _ start: Int, _ c: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.endIndex && (p[i] == 0x21 || p[i] == 0x5E) {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.endIndex {
            let x = p[i]
            if x == 0x5D && !first { return (matched != negate, i + 1) }
            first = false
            if i + 2 < p.endIndex && p[i + 1] == 0x2D && p[i + 2] != 0x5D {
                if c >= x && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if x == c || x == ShMark.unknownByte { matched = true }
                i += 1
            }
        }
        return nil
    }

    /// One path component against a glob component: like the shell, `*` and `?` do not match a
    /// leading dot (no dotglob); unknown values and `find` results do.
    static func matchComponent(_ pattern: String, _ name: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") && !pattern.utf8.contains(ShMark.unknownByte) && !pattern.utf8.contains(ShMark.foundByte)
            && pattern.utf8.contains(where: { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B }) {
            return false
        }
        return match(pattern, name)
    }

    /// Component-wise path match; `**` spans any number of components, and so does a `find`
    /// result component (`DIR/<found>NAME`: NAME at any depth under DIR).
    static func matchPath(_ pattern: [String], _ path: [String]) -> Bool {
        func go(_ pi: Int, _ si: Int) -> Bool {
            if pi == pattern.count { return si == path.count }
            if pattern[pi] == "**" {
                var k = si
                while k <= path.count {
                    if go(pi + 1, k) { return true }
                    k += 1
                }
                return false
            }
            if pattern[pi].utf8.contains(ShMark.foundByte) {
                var k = si
                while k < path.count {
                    if matchComponent(pattern[pi], path[k]) && go(pi + 1, k + 1) { return true }
                    k += 1
                }
                return false
            }
            guard si < path.count, matchComponent(pattern[pi], path[si]) else { return false }
            return go(pi + 1, si + 1)
        }
        return pattern.count <= 64 && go(0, 0)
    }
}

/// Where a path resolves to, as far as it is known.
struct ShPath {
    /// Known absolute prefix, normalised (before the first glob or unknown component).
    var comps: [String]
    /// Every component, wild ones included.
    var all: [String]
    /// A glob or unknown component follows `comps`.
    var wild = false
    /// That component matches anything (`*`, `.*`, `$X`), not just `*.o`.
    var pureWild = false
    /// Relative to an unknown directory (`$X/…`, or after `cd "$X"`).
    var unknownBase = false
    var empty = false

    var text: String { ShPaths.join(comps) }
    var fullText: String { (unknownBase ? "…" : "") + "/" + all.joined(separator: "/") }
}

/// What deleting / moving / chmod-ing a path would hit.
enum ShClass: String {
    case root, home, homeSensitive = "home-data", system, ancestor, outside, unknown
    case projectRoot = "project-root", gitDir = "git-dir", project, temp

    var phrase: String {
        switch self {
        case .root: "the root directory"
        case .home: "a home directory"
        case .homeSensitive: "keys, credentials or documents in the home directory"
        case .system: "a system directory"
        case .ancestor: "a directory that contains the project"
        case .outside: "a path outside the project and temp directories"
        case .unknown: "a path built from a variable or substitution whose value is unknown"
        case .projectRoot: "the whole project directory"
        case .gitDir: "the project's .git directory (its history)"
        case .project: "a path inside the project"
        case .temp: "a temp directory"
        }
    }
}

/// Resolves and classifies paths against the project, home and temp directories.
struct ShPaths {
    let project: [String]
    /// The project is a usable boundary (not `/`, a home directory or a system directory).
    let projectUsable: Bool
    let home: String
    let homeComps: [String]
    let cwd: String?
    let temps: [[String]]
    /// Symlinks created earlier in the line (`ln -s / r`): link path → target, both absolute.
    var links: [[String]: [String]] = [:]

    static let systemTop: Set<String> = [
        "etc", "usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "var", "boot", "opt", "dev", "proc", "sys",
        "root", "srv", "home", "Users", "System", "Library", "Applications", "private", "snap", "nix", "run", "mnt",
        "media", "Volumes", "cores", "efi", "usr.local",
    ]
    static let sensitiveHomeChildren: Set<String> = [
        ".ssh", ".gnupg", ".aws", ".azure", ".kube", ".docker", ".config", ".local", ".password-store", "Library",
        "Documents", "Desktop", "Pictures", "Music", "Movies", "Videos", ".mozilla", ".thunderbird", ".bashrc",
        ".zshrc", ".profile", ".bash_profile", ".gitconfig", ".claude", ".codex", ".gemini", ".cursor",
    ]
    static let syntheticProject = "/.wow-guard-project"

    init(_ c: ShellContext) {
        let home = c.homeDir.map { ShPaths.normalize($0) } ?? "/~"
        self.home = home
        homeComps = ShPaths.components(home)
        let projectPath = c.projectDir ?? c.cwd ?? ShPaths.syntheticProject
        let p = ShPaths.components(ShPaths.normalize(projectPath))
        project = p
        // `/`, a home directory or a top-level system directory is no boundary: nothing would be "outside".
        projectUsable = !(p.isEmpty || p == homeComps || (p.count == 1 && ShPaths.systemTop.contains(p[0]))
            || (p.count == 2 && (p[0] == "home" || p[0] == "Users")) || p == ["root"])
        cwd = ShPaths.normalize(c.cwd ?? projectPath)
        var t = c.tempDirs.map { ShPaths.components(ShPaths.normalize($0)) }
        t.append(["var", "folders"])
        t.append(["private", "var", "folders"])
        temps = t.filter { !$0.isEmpty }
    }

    /// `/a/b` from components, without the generic `joined` (hot on every hook call).
    static func join(_ comps: [String]) -> String {
        var out = "/"
        for (k, c) in comps.enumerated() {
            if k > 0 { out += "/" }
            out += c
        }
        return out
    }

    static func components(_ path: String) -> [String] {
        var stack: [String] = []
        for c in path.split(separator: "/") {
            if c == "." { continue }
            if c == ".." {
                if !stack.isEmpty { stack.removeLast() }
                continue
            }
            stack.append(String(c))
        }
        return stack
    }

    static func normalize(_ path: String) -> String {
        join(components(path))
    }

    func resolve(_ f: ShField, cwd: String?) -> ShPath {
        var t = f.text
        if t.isEmpty { return ShPath(comps: [], all: [], empty: true) }
        var unknownBase = false
        var stack: [String] = []
        if t.utf8.first == ShMark.unknownByte {
            unknownBase = true
            if let slash = t.firstIndex(of: "/") { t = String(t[slash...]) } else { t = "" }
        } else if t.hasPrefix("/") {
            // absolute
        } else if let cwd {
            stack = ShPaths.components(cwd)
        } else {
            unknownBase = true
        }
        for c in t.split(separator: "/") {
            if c == "." { continue }
            if c == ".." {
                if !stack.isEmpty { stack.removeLast() }
                continue
            }
            stack.append(String(c))
        }
        if !links.isEmpty && !unknownBase {
            var rounds = 0
            var k = stack.count
            while k > 0 && rounds < 4 {
                if let target = links[Array(stack[..<k])] {
                    stack = target + stack[k...]
                    rounds += 1
                    k = stack.count
                } else {
                    k -= 1
                }
            }
        }
        var p = ShPath(comps: stack, all: stack, unknownBase: unknownBase)
        for (k, c) in stack.enumerated()
        where c.utf8.contains(ShMark.unknownByte) || c.utf8.contains(ShMark.foundByte) || (f.glob && ShGlob.hasGlob(c)) {
            p.comps = Array(stack[..<k])
            p.wild = true
            p.pureWild = ShPaths.isPureWild(c)
            break
        }
        return p
    }

    static func isPureWild(_ c: String) -> Bool {
        var rest: [UInt8] = []
        var inClass = false
        for x in c.utf8 {
            if inClass {
                if x == 0x5D { inClass = false }
                continue
            }
            switch x {
            case 0x5B: inClass = true
            case 0x2A, 0x3F, 0x2E, ShMark.unknownByte: break
            default: rest.append(x)
            }
        }
        return rest.isEmpty
    }

    static func isPrefix(_ a: [String], of b: [String]) -> Bool {
        a.count <= b.count && zip(a, b).allSatisfy { $0 == $1 }
    }

    func isInsideProject(_ comps: [String]) -> Bool {
        projectUsable && ShPaths.isPrefix(project, of: comps)
    }

    /// Inside a temp directory, but not inside the home directory: when HOME itself is under
    /// /tmp (CI containers), home, credential and start-up files keep their protection.
    func isTemp(_ comps: [String]) -> Bool {
        temps.contains { ShPaths.isPrefix($0, of: comps) } && !ShPaths.isPrefix(homeComps, of: comps)
    }

    /// Caches in the home directory that tools rebuild by themselves: deleting them is ordinary work.
    static let homeCaches: [[String]] = [
        [".cache"], [".npm", "_cacache"], [".npm", "_npx"], [".npm", "_logs"], ["Library", "Caches"],
        ["Library", "Developer", "Xcode", "DerivedData"], ["Library", "Developer", "Xcode", "Archives"],
        ["Library", "Developer", "CoreSimulator", "Caches"], [".gradle", "caches"], [".gradle", "wrapper", "dists"],
        [".cargo", "registry", "cache"], [".cargo", "registry", "src"], [".cargo", "git", "checkouts"], [".m2", "repository"],
        [".yarn", "cache"], [".yarn", "berry", "cache"], [".pnpm-store"], [".local", "share", "pnpm", "store"], [".bun", "install", "cache"],
        [".nuget", "packages"], [".composer", "cache"], [".ivy2", "cache"], [".sbt", "boot"], [".android", "cache"],
        [".node-gyp"], [".electron-gyp"], [".pub-cache"], [".expo"], [".turbo"], [".nx", "cache"], [".deno"], ["go", "pkg", "mod", "cache"],
        [".rustup", "downloads"], [".rustup", "tmp"], [".pyenv", "cache"], [".conda", "pkgs"], [".ccache"], [".sccache"],
        [".terraform.d", "plugin-cache"], [".cache-loader"],
    ]

    func isHomeCache(_ comps: [String]) -> Bool {
        guard ShPaths.isPrefix(homeComps, of: comps), comps.count > homeComps.count else { return false }
        let rel = Array(comps[homeComps.count...])
        return ShPaths.homeCaches.contains { ShPaths.isPrefix($0, of: rel) }
    }

    func classify(_ p: ShPath) -> ShClass {
        if p.empty { return .project }
        if p.unknownBase {
            switch classifyAbsolute(p.comps, wild: p.wild, pureWild: p.pureWild) {
            case .root, .home, .homeSensitive, .system: return .unknown
            default: return .project
            }
        }
        return classifyAbsolute(p.comps, wild: p.wild, pureWild: p.pureWild)
    }

    func classifyAbsolute(_ comps: [String], wild: Bool, pureWild: Bool) -> ShClass {
        // The temp directory itself (`rm -rf /tmp`) is shared by every program; its contents are scratch.
        if !wild && temps.contains(comps) { return .outside }
        let c = classifyExact(comps)
        guard wild else { return c }
        switch c {
        case .projectRoot: return pureWild ? .projectRoot : .project
        case .gitDir: return pureWild ? .gitDir : .project
        case .home: return pureWild ? .home : .outside
        case .root: return pureWild ? .root : .system
        default: return c
        }
    }

    func classifyExact(_ comps: [String]) -> ShClass {
        if comps.isEmpty { return .root }
        if comps == homeComps { return .home }
        if ShPaths.isPrefix(homeComps, of: comps) && comps.count == homeComps.count + 1
            && ShPaths.sensitiveHomeChildren.contains(comps[homeComps.count]) {
            return .homeSensitive
        }
        if projectUsable {
            if comps == project { return .projectRoot }
            if ShPaths.isPrefix(project, of: comps) {
                return comps[project.count] == ".git" && comps.count == project.count + 1 ? .gitDir : .project
            }
        }
        if isTemp(comps) || isHomeCache(comps) { return .temp }
        if projectUsable && ShPaths.isPrefix(comps, of: project) && !ShPaths.isPrefix(homeComps, of: comps) { return .ancestor }
        if ShPaths.isPrefix(homeComps, of: comps) {
            return projectUsable && ShPaths.isPrefix(comps, of: project) ? .ancestor : .outside
        }
        if comps == ["root"] || (comps.count == 2 && (comps[0] == "home" || comps[0] == "Users")) { return .home }
        if ShPaths.systemTop.contains(comps[0]) {
            if comps == ["usr", "local"] || comps == ["opt", "homebrew"] { return .outside }
            return comps.count <= 2 ? .system : .outside
        }
        return .outside
    }
}
