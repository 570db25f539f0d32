/// A small lexer per interpreter language (Python, JavaScript, Ruby, Perl, PHP, Lua, awk) with
/// light data flow over literal strings, run before `ShInline`'s capability scan. It rewrites
/// the code into a canonical form the scan understands:
///
/// - aliases become the names they stand for (`from os import system as s` → `s` is `os.system`,
///   `import subprocess as sp`, `s = __import__('subprocess')`, `const { execSync: go } = require(…)`,
///   `importlib.import_module('os')`, `getattr(os, 'system')`, `cp['execSync']`);
/// - concatenations of literals fold (`'rm ' + '-rf ' + '/'`, PHP/Perl `.`, Lua `..`) and variables
///   holding literals are replaced by them (`cmd = '…'; os.system(cmd)`, `$f = "sys"."tem"; $f(…)`);
/// - home-directory expressions become `"~"` (`os.path.expanduser('~')`, `os.homedir()`, `Dir.home`,
///   `$ENV{HOME}`, `getenv("HOME")`, `os.getenv("HOME")`, `Path.home()` …).
///
/// It also reports code that builds names or commands at run time: a name assembled from pieces
/// (`getattr(__import__('o'+'s'), 'sys'+'tem')`) or a process started from a value it cannot see
/// (`os.system(input())`). Bounded: one pass over at most 64 KiB, at most 256 variables.
enum ShCodeFlow {
    struct Result {
        var text: String
        /// A module, function or attribute name was built at run time.
        var obfuscated = false
        /// A process is started from a command whose text is not a literal.
        var dynamicSpawn = false
        /// Files are deleted by paths the analysis cannot see, in code that walks the home directory or `/`.
        var dynamicDeleteNearHome = false
    }

    enum Token: Equatable {
        case ident(String)
        case string(String)
        case punct(String)
        case space(String)
        case other(String)

        var text: String {
            switch self {
            case .ident(let s), .punct(let s), .space(let s), .other(let s): s
            case .string(let s): ShCodeFlow.literal(s)
            }
        }
    }

    static func literal(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    // MARK: - Lexing

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_") || c >= 0x80
    }

    static func isIdent(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) }

    static func tokens(_ code: String, _ lang: ShLang) -> [Token] {
        let b = Array(code.utf8.prefix(64 * 1024))
        var out: [Token] = []
        var i = 0
        let sigils = lang == .perl || lang == .php
        while i < b.count && out.count < 20_000 {
            let c = b[i]
            // Comments.
            if (c == UInt8(ascii: "#") && lang != .node && lang != .php && lang != .lua)
                || (c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/") && (lang == .node || lang == .php))
                || (c == UInt8(ascii: "-") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "-") && lang == .lua) {
                // `#` in Python/Ruby/Perl/awk; a `#!` line too.
                var j = i
                while j < b.count && b[j] != UInt8(ascii: "\n") { j += 1 }
                out.append(.space(" "))
                i = j
                continue
            }
            if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") && (lang == .node || lang == .php) {
                var j = i + 2
                while j + 1 < b.count && !(b[j] == UInt8(ascii: "*") && b[j + 1] == UInt8(ascii: "/")) { j += 1 }
                out.append(.space(" "))
                i = min(b.count, j + 2)
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                var j = i
                while j < b.count && (b[j] == UInt8(ascii: " ") || b[j] == UInt8(ascii: "\t") || b[j] == UInt8(ascii: "\n") || b[j] == UInt8(ascii: "\r")) { j += 1 }
                out.append(.space(String(decoding: b[i..<j], as: UTF8.self)))
                i = j
                continue
            }
            // Strings (Python prefixes r/b/u/f are part of the literal; backticks are strings in JS, commands elsewhere).
            var p = i
            var raw = false
            if lang == .python {
                while p < b.count && p - i < 2, "rRbBuUfF".utf8.contains(b[p]) { if b[p] == UInt8(ascii: "r") || b[p] == UInt8(ascii: "R") { raw = true }; p += 1 }
                if !(p < b.count && (b[p] == UInt8(ascii: "'") || b[p] == UInt8(ascii: "\""))) { p = i; raw = false }
            }
            if p < b.count && (b[p] == UInt8(ascii: "'") || b[p] == UInt8(ascii: "\"") || (b[p] == UInt8(ascii: "`") && lang == .node)) {
                let (s, end) = readString(b, p, lang: lang, raw: raw)
                out.append(.string(s))
                i = end
                continue
            }
            if lang == .lua && c == UInt8(ascii: "[") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j + 1 < b.count && !(b[j] == UInt8(ascii: "]") && b[j + 1] == UInt8(ascii: "]")) { j += 1 }
                out.append(.string(String(decoding: b[(i + 2)..<min(j, b.count)], as: UTF8.self)))
                i = min(b.count, j + 2)
                continue
            }
            if isIdentStart(c) || (sigils && (c == UInt8(ascii: "$")) && i + 1 < b.count && isIdentStart(b[i + 1])) {
                var j = i + 1
                while j < b.count && isIdent(b[j]) { j += 1 }
                out.append(.ident(String(decoding: b[i..<j], as: UTF8.self)))
                i = j
                continue
            }
            // Two-character operators that matter: `..` (Lua), `::` (Ruby/Perl/PHP), `->`, `=>`, `==`.
            if i + 1 < b.count {
                let two = String(decoding: b[i...(i + 1)], as: UTF8.self)
                if ["..", "::", "->", "=>", "==", "!=", "+=", ".="].contains(two) {
                    out.append(.punct(two))
                    i += 2
                    continue
                }
            }
            out.append(.punct(String(decoding: b[i...i], as: UTF8.self)))
            i += 1
        }
        return out
    }

    /// A string literal starting at `start` (the quote): its value, with interpolations as the unknown mark
    /// (Perl/PHP/Ruby/JS/Python f-strings) except `$ENV{HOME}`-style home references, which become `~`.
    static func readString(_ b: [UInt8], _ start: Int, lang: ShLang, raw: Bool) -> (String, Int) {
        var i = start
        var format = false
        if lang == .python {
            var k = start - 1
            while k >= 0 && "rRbBuUfF".utf8.contains(b[k]) { if b[k] == UInt8(ascii: "f") || b[k] == UInt8(ascii: "F") { format = true }; k -= 1 }
        }
        let q = b[i]
        var triple = false
        if lang == .python && i + 2 < b.count && b[i + 1] == q && b[i + 2] == q { triple = true; i += 3 } else { i += 1 }
        let interpolates = (q == UInt8(ascii: "\"") && (lang == .perl || lang == .php || lang == .ruby)) || q == UInt8(ascii: "`") || format
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == q && (!triple || (i + 2 < b.count && b[i + 1] == q && b[i + 2] == q)) {
                return (String(decoding: out, as: UTF8.self), i + (triple ? 3 : 1))
            }
            if c == UInt8(ascii: "\\") && !raw && i + 1 < b.count {
                let d = b[i + 1]
                out.append(d == UInt8(ascii: "n") ? 0x0A : d == UInt8(ascii: "t") ? 0x09 : d)
                i += 2
                continue
            }
            if interpolates {
                let rest = b[i...].prefix(24)
                let restText = String(decoding: rest, as: UTF8.self)
                var consumed = false
                for home in ["$ENV{HOME}", "$ENV{'HOME'}", "$ENV{\"HOME\"}", "#{Dir.home}", "#{ENV['HOME']}", "#{ENV[\"HOME\"]}", "${os.homedir()}",
                             "${process.env.HOME}", "{os.environ['HOME']}", "{os.path.expanduser('~')}", "$_SERVER['HOME']", "${HOME}", "$HOME"] where restText.hasPrefix(home) {
                    out.append(UInt8(ascii: "~"))
                    i += home.utf8.count
                    consumed = true
                    break
                }
                if consumed { continue }
                let opensBrace = (c == UInt8(ascii: "$") || c == UInt8(ascii: "#")) && i + 1 < b.count && b[i + 1] == UInt8(ascii: "{")
                if opensBrace || (format && c == UInt8(ascii: "{") && !(i + 1 < b.count && b[i + 1] == UInt8(ascii: "{"))) {
                    while i < b.count && b[i] != UInt8(ascii: "}") { i += 1 }
                    out.append(ShMark.unknownByte)
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "$") && (lang == .perl || lang == .php) && i + 1 < b.count && isIdentStart(b[i + 1]) {
                    i += 1
                    while i < b.count && isIdent(b[i]) { i += 1 }
                    out.append(ShMark.unknownByte)
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), b.count)
    }

    // MARK: - Rewriting

    /// Expressions that mean the home directory, as token texts without spaces.
    static let homeExpressions: [String] = [
        "os.path.expanduser(\"~\")", "os.homedir()", "require(\"os\").homedir()", "Path.home()", "pathlib.Path.home()",
        "os.environ[\"HOME\"]", "os.environ.get(\"HOME\")", "os.getenv(\"HOME\")", "process.env.HOME", "process.env[\"HOME\"]", "Dir.home",
        "ENV[\"HOME\"]", "File.expand_path(\"~\")", "$ENV{HOME}", "$ENV{\"HOME\"}", "getenv(\"HOME\")", "$_SERVER[\"HOME\"]", "Deno.env.get(\"HOME\")",
        "Bun.env.HOME", "os.path.expanduser(\"~/\")", "expanduser(\"~\")", "homedir()", "Etc.getpwuid.dir", "ENV.fetch(\"HOME\")", "$HOME",
        "os.getenv(\"USERPROFILE\")", "System.getProperty(\"user.home\")",
    ]

    /// Module-loading calls whose literal argument names the module.
    static let importers: Set<String> = ["__import__", "importlib.import_module", "import_module", "require"]

    static func normalize(_ code: String, _ lang: ShLang) -> Result {
        guard lang != .shell && lang != .powershell && lang != .applescript else { return Result(text: code) }
        var toks = tokens(code, lang).filter { if case .space = $0 { return false }; return true }
        var result = Result(text: code)
        var aliases: [String: String] = [:]
        var strings: [String: String] = [:]

        // Pass 1: fold literal concatenations and home expressions, repeatedly (small, bounded).
        let concat: Set<String> = lang == .lua ? [".."] : (lang == .php || lang == .perl) ? [".", "+"] : ["+"]
        func fold() {
            var k = 0
            var out: [Token] = []
            while k < toks.count {
                // Home expressions: match the token texts joined.
                var matched = false
                if case .ident = toks[k] {
                    var joined = ""
                    var j = k
                    while j < toks.count && j - k < 12 {
                        joined += toks[j].text
                        if homeExpressions.contains(joined) {
                            // Not when followed by `.` / `(`: `os.homedir` inside a longer chain is still home, the call itself is.
                            out.append(.string("~"))
                            k = j + 1
                            matched = true
                            break
                        }
                        if !homeExpressions.contains(where: { $0.hasPrefix(joined) }) { break }
                        j += 1
                    }
                }
                if matched { continue }
                if case .string(let a) = toks[k], k + 2 < toks.count, case .punct(let op) = toks[k + 1], concat.contains(op), case .string(let b) = toks[k + 2] {
                    toks[k + 2] = .string(a + b)
                    k += 2
                    continue
                }
                out.append(toks[k])
                k += 1
            }
            toks = out
        }
        // Pass 2: learn aliases and literal variables, substitute them at later uses.
        func ident(_ k: Int) -> String? { if k >= 0 && k < toks.count, case .ident(let s) = toks[k] { return s }; return nil }
        func punct(_ k: Int) -> String? { if k >= 0 && k < toks.count, case .punct(let s) = toks[k] { return s }; return nil }
        func string(_ k: Int) -> String? { if k >= 0 && k < toks.count, case .string(let s) = toks[k] { return s }; return nil }
        /// A dotted name starting at k: (text, next index).
        func dotted(_ k: Int) -> (String, Int)? {
            guard var name = ident(k) else { return nil }
            var j = k + 1
            while (punct(j) == "." || punct(j) == "::"), let n = ident(j + 1) { name += "." + n; j += 2 }
            return (name, j)
        }
        func resolve(_ name: String) -> String {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            if let a = aliases[parts[0]] { return parts.count > 1 ? a + "." + parts[1] : a }
            return name
        }

        fold()
        var out: [Token] = []
        var k = 0
        var learned = 0
        while k < toks.count {
            // Python: from M import a as b, c
            if lang == .python, ident(k) == "from", let (module, j) = dotted(k + 1), ident(j) == "import" {
                var m = j + 1
                while m < toks.count, let n = ident(m) {
                    var local = n
                    if ident(m + 1) == "as", let a = ident(m + 2) { local = a; m += 2 }
                    aliases[local] = resolve(module) + "." + n
                    m += 1
                    if punct(m) == "," { m += 1 } else { break }
                }
                out += toks[k..<m]
                k = m
                continue
            }
            // Python: import M as b
            if lang == .python, ident(k) == "import", let (module, j) = dotted(k + 1), ident(j) == "as", let a = ident(j + 1) {
                aliases[a] = module
                out += toks[k...(j + 1)]
                k = j + 2
                continue
            }
            // Importers with a literal: __import__('os'), importlib.import_module('os'), require('child_process').
            if let (name, j) = dotted(k), importers.contains(name), punct(j) == "(" {
                if let m = string(j + 1), punct(j + 2) == ")" {
                    out.append(.ident(m))
                    k = j + 3
                    continue
                }
                if name != "require" { result.obfuscated = true }
            }
            // getattr(X, 'name') → X.name; getattr with a computed name is obfuscation.
            if ident(k) == "getattr", punct(k + 1) == "(", let (obj, j) = dotted(k + 2), punct(j) == "," {
                if let attr = string(j + 1), punct(j + 2) == ")" {
                    out.append(.ident(resolve(obj) + "." + attr))
                    k = j + 3
                    continue
                }
                result.obfuscated = true
            }
            // X['name'] → X.name (JS/Python/Ruby/PHP); Ruby `send(:system, …)`.
            if let (obj, j) = dotted(k), punct(j) == "[", let attr = string(j + 1), punct(j + 2) == "]", attr.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
               !["os.environ", "process.env", "ENV", "$ENV", "$_SERVER", "$_ENV"].contains(resolve(obj)) {
                out.append(.ident(resolve(obj) + "." + attr))
                k = j + 3
                continue
            }
            // JS destructuring: const { a: b, c } = require('m') / = M
            if lang == .node, ["const", "let", "var"].contains(ident(k) ?? ""), punct(k + 1) == "{" {
                var m = k + 2
                var pairs: [(String, String)] = []
                while m < toks.count, let n = ident(m) {
                    var local = n
                    if punct(m + 1) == ":", let a = ident(m + 2) { local = a; m += 2 }
                    pairs.append((n, local))
                    m += 1
                    if punct(m) == "," { m += 1 } else { break }
                }
                if punct(m) == "}", punct(m + 1) == "=" {
                    var src: String? = nil
                    if ident(m + 2) == "require", punct(m + 3) == "(", let mod = string(m + 4) { src = mod }
                    else if let (name, _) = dotted(m + 2) { src = resolve(name) }
                    if let src { for (n, local) in pairs where learned < 256 { aliases[local] = src + "." + n; learned += 1 } }
                }
            }
            // Assignments: NAME = <literal> ; NAME = <dotted name or import>.
            let declStart = ["const", "let", "var", "my", "our", "local"].contains(ident(k) ?? "") ? k + 1 : k
            if let v = ident(declStart), punct(declStart + 1) == "=", punct(declStart + 2) != "=", learned < 256,
               k == 0 || ["", ";", "\n", "{", "}", "(", ","].contains(punct(k - 1) ?? "") || ident(k - 1) == nil && string(k - 1) == nil {
                let valueAt = declStart + 2
                let next = punct(valueAt + 1)
                let endsHere = next == nil || next == ";" || next == ")" || next == "," || next == "}" || ident(valueAt + 1) != nil
                if let s = string(valueAt), endsHere {
                    strings[v] = s
                    aliases[v] = nil
                    learned += 1
                } else if ident(valueAt) == "require", punct(valueAt + 1) == "(", let mod = string(valueAt + 2) {
                    aliases[v] = mod
                    strings[v] = nil
                    learned += 1
                } else if let (name, j) = dotted(valueAt), punct(j) != "(" || importers.contains(name) {
                    if importers.contains(name), punct(j) == "(", let mod = string(j + 1) { aliases[v] = mod } else if name != v { aliases[v] = resolve(name) }
                    strings[v] = nil
                    learned += 1
                } else {
                    strings[v] = nil
                    aliases[v] = nil
                }
                out += toks[k...(declStart + 1)]
                k = declStart + 2
                continue
            }
            // Uses: a variable holding a literal; called, it names a function (`$f(…)`).
            if let v = ident(k), punct(k - 1) != ".", punct(k - 1) != "->", punct(k - 1) != "::" {
                if let s = strings[v] {
                    if punct(k + 1) == "(" && s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) {
                        out.append(.ident(s))
                    } else {
                        out.append(.string(s))
                    }
                    k += 1
                    continue
                }
                if let (name, j) = dotted(k), aliases[String(name.split(separator: ".")[0])] != nil {
                    out.append(.ident(resolve(name)))
                    k = j
                    continue
                }
            }
            out.append(toks[k])
            k += 1
        }
        toks = out
        fold()
        result.text = render(toks)
        result.dynamicSpawn = dynamicSpawn(toks, lang)
        // Backticks and qx around a variable (`$c`, `#{cmd}`): a command built at run time.
        if lang == .perl || lang == .php || lang == .ruby {
            for marker in ["`$", "qx($", "qx{$", "qx/$", "`#{", "%x(#{", "%x{#{", "%x(", "`\\$"] where code.contains(marker) {
                if marker == "%x(" && !code.contains("%x(#") && !code.contains("%x($") { continue }
                result.dynamicSpawn = true
            }
        }
        let mentionsHome = toks.contains { if case .string(let s) = $0 { return s == "~" || s.hasPrefix("~/") || s == "/" || s == "/*" }; return false }
        result.dynamicDeleteNearHome = mentionsHome && nonLiteralCall(toks, deleters(lang), lang)
        return result
    }

    static func render(_ toks: [Token]) -> String {
        var s = ""
        var prevIdent = false
        for t in toks {
            let isWord: Bool
            switch t {
            case .ident, .string: isWord = true
            default: isWord = false
            }
            if prevIdent && isWord { s += " " }
            s += t.text
            prevIdent = isWord
        }
        return s
    }

    /// Functions that start a process from a command string, by language (canonical, resolved names).
    static func spawners(_ lang: ShLang) -> Set<String> {
        switch lang {
        case .python: ["exec", "eval", "os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_output", "subprocess.check_call",
                       "subprocess.getoutput", "subprocess.getstatusoutput", "os.execv", "os.execvp", "os.execl", "os.execlp", "os.spawnl", "os.spawnv",
                       "pty.spawn", "commands.getoutput"]
        case .node: ["eval", "child_process.exec", "child_process.execSync", "child_process.spawn", "child_process.spawnSync", "child_process.execFile",
                     "child_process.execFileSync", "execSync", "spawnSync", "execFileSync", "Bun.spawn", "Bun.spawnSync", "Deno.run"]
        case .ruby: ["system", "exec", "spawn", "IO.popen", "Kernel.system", "Kernel.exec", "Open3.capture2", "Open3.capture3", "Open3.popen3", "Process.spawn"]
        case .perl: ["system", "exec"]
        case .php: ["system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec"]
        case .lua: ["os.execute", "io.popen"]
        case .awk: ["system"]
        default: []
        }
    }

    /// Functions that delete files, by language.
    static func deleters(_ lang: ShLang) -> Set<String> {
        switch lang {
        case .python: ["os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree"]
        case .node: ["fs.rmSync", "fs.unlinkSync", "fs.rmdirSync", "fs.rm", "fs.unlink", "fs.rmdir", "fs.promises.rm", "rimraf", "rmSync", "unlinkSync", "Deno.removeSync", "Deno.remove"]
        case .ruby: ["File.delete", "File.unlink", "FileUtils.rm_rf", "FileUtils.rm_r", "FileUtils.rm", "FileUtils.remove_dir", "FileUtils.remove_entry", "Dir.rmdir"]
        case .perl: ["unlink", "rmtree", "remove_tree", "rmdir"]
        case .php: ["unlink", "rmdir"]
        case .lua: ["os.remove"]
        default: []
        }
    }

    static func dynamicSpawn(_ toks: [Token], _ lang: ShLang) -> Bool { nonLiteralCall(toks, spawners(lang), lang) }

    /// One of `names` called with an argument that is not a literal, a list of literals or `~`.
    static func nonLiteralCall(_ toks: [Token], _ names: Set<String>, _ lang: ShLang) -> Bool {
        guard !names.isEmpty else { return false }
        for k in toks.indices {
            guard case .ident(var n) = toks[k] else { continue }
            if k > 0, case .punct(let p) = toks[k - 1], p == "." || p == "->" || p == "::" { continue }
            var j = k + 1
            while j + 1 < toks.count, case .punct(let p) = toks[j], p == "." || p == "::", case .ident(let m) = toks[j + 1] { n += "." + m; j += 2 }
            guard names.contains(n) || names.contains(String(n.split(separator: ".").last ?? "")) && lang != .python && lang != .node && !n.contains(".") else { continue }
            if j < toks.count, case .punct("(") = toks[j] { j += 1 } else if lang != .ruby && lang != .perl && lang != .awk { continue }
            guard j < toks.count else { continue }
            // `exec(open('version.py').read())`: a project file, not code from outside.
            if n == "exec" || n == "eval", case .ident("open") = toks[j], j + 2 < toks.count, case .string(let path) = toks[j + 2],
               !path.hasPrefix("/") && !path.hasPrefix("~") && !path.contains("..") { continue }
            switch toks[j] {
            case .string: continue
            case .punct("["):
                // A list: every element must be a literal.
                var m = j + 1
                var literal = true
                while m < toks.count {
                    if case .punct("]") = toks[m] { break }
                    if case .string = toks[m] {} else if case .punct(",") = toks[m] {} else { literal = false; break }
                    m += 1
                }
                if !literal { return true }
            case .punct(")"): continue
            default:
                return true
            }
        }
        return false
    }
}
