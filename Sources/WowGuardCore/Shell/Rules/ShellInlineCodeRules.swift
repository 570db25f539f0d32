/// Lightweight checks on inline interpreter code (`python3 -c`, `node -e`, `ruby -e`, `perl -e`,
/// `php -r`, awk programs, AppleScript): shell strings passed to system/exec/subprocess calls are
/// extracted for the shell analyzer; deletions, credential paths, metadata URLs, reverse shells,
/// fork bombs, edits of the guard's files and download-then-exec are pattern-checked. Not a parser.
enum ShInline {
    struct Findings {
        var hits: [(ShellRule, String)] = []
        var shell: [String] = []
        var deletes: [(path: String, recursive: Bool)] = []
        var writes: [String] = []
        var code: [(String, ShLang)] = []
        /// A secret is sent, but no literal host was found (the URL is built at run time).
        var secretToUnknownHost = false
        /// A secret goes to a raw IP address or a known collector (request bins, tunnels, paste sites).
        var secretToSuspiciousHost = false
    }

    /// Environment lookups of secret-named variables in code: `os.environ["X"]`, `os.getenv('X')`,
    /// `process.env.X`, `ENV['X']`, `$ENV{X}`, `getenv("X")`.
    static func secretVariableNames(_ code: String) -> [String] {
        var out: [String] = []
        let b = Array(code.utf8)
        let openers = ["environ[", "environ.get(", "getenv(", "process.env.", "process.env[", "ENV[", "ENV.fetch(", "$ENV{", "Deno.env.get("]
        for o in openers {
            var start = 0
            let ob = Array(o.utf8)
            while start + ob.count < b.count && out.count < 16 {
                guard let r = (start...(b.count - ob.count)).first(where: { b[$0..<($0 + ob.count)].elementsEqual(ob) }) else { break }
                var j = r + ob.count
                while j < b.count && (b[j] == UInt8(ascii: "'") || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: " ")) { j += 1 }
                var name: [UInt8] = []
                while j < b.count && (isIdent(b[j])) { name.append(b[j]); j += 1 }
                let n = String(decoding: name, as: UTF8.self)
                if SecretNames.isSecret(n) && !out.contains(n) { out.append(n) }
                start = r + ob.count
            }
        }
        return out
    }

    static func shellCalls(_ lang: ShLang) -> [String] {
        switch lang {
        case .python:
            ["system", "popen", "Popen", "run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "spawn",
             "execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe", "spawnl", "spawnlp", "spawnv", "spawnvp"]
        case .node: ["exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "execa", "execaSync", "$"]
        case .ruby: ["system", "exec", "spawn", "popen", "capture2", "capture2e", "capture3", "popen3", "%x"]
        case .perl: ["system", "exec", "qx"]
        case .php: ["system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec"]
        case .lua: ["execute", "popen"]
        case .r: ["system", "system2", "shell"]
        case .awk: ["system"]
        case .applescript: ["do shell script"]
        case .powershell, .shell: []
        }
    }

    static func codeCalls(_ lang: ShLang) -> [(String, ShLang)] {
        switch lang {
        case .python: [("exec", .python), ("eval", .python), ("compile", .python)]
        case .node: [("eval", .node), ("Function", .node), ("runInThisContext", .node), ("runInNewContext", .node)]
        case .ruby: [("eval", .ruby), ("instance_eval", .ruby), ("class_eval", .ruby)]
        case .perl: [("eval", .perl)]
        case .php: [("eval", .php), ("assert", .php)]
        case .lua: [("loadstring", .lua), ("load", .lua)]
        default: []
        }
    }

    static let deleteCalls: [(String, Bool)] = [
        ("rmtree", true), ("rm_rf", true), ("rm_r", true), ("remove_dir", true), ("remove_entry_secure", true),
        ("remove_entry", true), ("remove_tree", true), ("rimraf", true), ("rmSync", false), ("rmdirSync", false), ("removeSync", false), ("Deno.remove", false),
        ("os.remove", false), ("os.unlink", false), ("os.rmdir", false), ("os.removedirs", true), ("unlinkSync", false),
        ("File.delete", false), ("FileUtils.rm", false), ("unlink", false), ("rmdir", false), ("fs.rm", false),
    ]

    static let credentialMarkers = [
        ".ssh/id_", ".aws/credentials", ".kube/config", ".docker/config.json", "application_default_credentials",
        ".git-credentials", ".netrc", ".pypirc", "/etc/shadow", "/etc/gshadow", "/proc/self/environ", "gcloud/credentials",
        "gcloud/access_tokens", ".config/gh/hosts.yml", "library/keychains", "login.keychain", ".gnupg/private-keys",
        ".vault-token", ".pgpass", ".azure/accesstokens", ".azure/msal_token_cache",
    ]
    static let metadataMarkers = [
        "169.254.169.254", "metadata.google.internal", "100.100.100.200", "169.254.170.2", "fd00:ec2::254",
        "2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "instance-data.ec2.internal",
    ]
    static let netMarkers = [
        "socket", "fsockopen", "tcpsocket", "net.connect", "createconnection", "/dev/tcp/", "tcpclient", "io::socket",
        "socket_create", "stream_socket_client", "/inet/tcp/", "/inet/udp/",
    ]
    static let spawnMarkers = [
        "subprocess", "pty.spawn", "dup2", "/bin/sh", "/bin/bash", "/bin/zsh", "cmd.exe", "child_process", "spawn(",
        "exec(", "exec ", "exec{", "proc_open", "popen", "system(", "shell_exec", "passthru", "os.execute", "invoke-expression",
        "iex ", "iex(", "open(stdin", "sh -i", "bash -i", "`", "pcntl_exec", "getoutput", "%x",
    ]
    static let fetchMarkers = [
        "urlopen", "urllib.request", "urllib2", "requests.get", "requests.post", "httpx.", "http.get(", "https.get(", "fetch(",
        "net::http", "lwp::", "open-uri", "uri.open", "file_get_contents('http", "file_get_contents(\"http", "curl_exec",
        "invoke-webrequest", "iwr ", "invoke-restmethod", "irm ", "downloadstring", "webclient", "http.request",
        "socket.http", "urlretrieve", "urllib.urlopen", "httplib", "http.client",
    ]
    static let decodeMarkers = [
        "b64decode", "a85decode", "atob(", "'base64'", "\"base64\"", "decode64", "unpack('m", "unpack(\"m", "base64_decode",
        "frombase64string", "zlib.decompress", "codecs.decode", "marshal.loads", "bytes.fromhex", "fromcharcode", "rot13",
        "gzinflate", "str_rot13", "decompress(",
    ]
    static let protectedMarkers = [
        ".wow-guard.toml", ".claude/settings", ".git/hooks", "core.hookspath", ".codex/hooks.json", ".codex/config.toml",
        ".gemini/settings.json", ".cursor/hooks.json", ".windsurf/hooks.json", ".github/hooks", ".config/wow-guard",
        ".git/config", "wow_guard_disable",
    ]
    static let writeMarkers = [
        "'w'", "\"w\"", "'w+'", "\"w+\"", "'wb'", "\"wb\"", "'a'", "\"a\"", "'a+'", "\"a+\"", "'r+'", "\"r+\"", "write",
        "unlink", "remove", "rename", "rmtree", "truncate", "chmod", "move(", "copy", "replace(", "'>", "\">", "open(>",
        "file_put_contents", "appendfile", "rm_", "delete", "symlink", "environ[",
    ]
    static let homeExpressions = [
        "expanduser(", "path.home()", "os.homedir()", "process.env.home", "os.environ['home']", "os.environ[\"home\"]",
        "os.environ.get('home'", "os.environ.get(\"home\"", "os.getenv('home')", "os.getenv(\"home\")", "env['home']",
        "env[\"home\"]", "dir.home", "$env{home}", "$env{'home'}", "getenv('home')", "getenv(\"home\")", "$_server['home']",
        "homedir()", "home_dir()", "expand_path('~", "expand_path(\"~",
    ]

    static func scan(_ code: String, lang: ShLang, extra: String, home: String) -> Findings {
        var f = Findings()
        let b = Array(code.utf8)
        let lower = (code + " " + extra).lowercased()
        let snippet = ShText.display(code, limit: 120)

        // Shell strings handed to system / exec / subprocess.
        for name in shellCalls(lang) {
            for pos in occurrences(of: name, in: b, lang: lang) {
                if let cmd = argumentCommand(b, after: pos + name.utf8.count, lang: lang, requireParen: ["run", "call", "exec", "spawn", "$", "load"].contains(name) && lang != .perl && lang != .ruby) {
                    f.shell.append(cmd)
                }
            }
        }
        if lang == .ruby || lang == .perl || lang == .php {
            f.shell += backtickStrings(b)
            for opener in ["%x(", "%x{", "%x[", "qx(", "qx{", "qx/", "qx'"] {
                for pos in occurrences(of: opener, in: b, lang: lang) {
                    let close: UInt8 = switch opener.utf8.last! { case 0x28: 0x29; case 0x7B: 0x7D; case 0x5B: 0x5D; default: opener.utf8.last! }
                    var j = pos + opener.utf8.count
                    var s: [UInt8] = []
                    while j < b.count && b[j] != close { s.append(b[j]); j += 1 }
                    f.shell.append(String(decoding: s, as: UTF8.self))
                }
            }
        }
        if lang == .awk { f.shell += awkCommands(b) }
        if lang == .node {
            for pos in occurrences(of: "$`", in: b, lang: lang) {
                if let (lit, _) = readLiteral(b, pos + 1) { f.shell.append(lit) }
            }
        }

        // Code evaluated from a string literal.
        for (name, l) in codeCalls(lang) {
            for pos in occurrences(of: name, in: b, lang: lang) {
                if let (lit, _) = firstLiteralArgument(b, after: pos + name.utf8.count) { f.code.append((lit, l)) }
            }
        }

        // Deletions.
        if lang != .awk && lang != .applescript {
            for (name, recursive0) in deleteCalls {
                for pos in occurrences(of: name, in: b, lang: lang) {
                    guard let target = deleteTarget(b, after: pos + name.utf8.count, home: home) else { continue }
                    let recursive = recursive0 || ((name == "rmSync" || name == "fs.rm" || name == "rmdirSync" || name == "removeSync" || name == "Deno.remove") && lower.contains("recursive"))
                    f.deletes.append((target, recursive))
                }
            }
        }

        // Credentials.
        for m in credentialMarkers {
            var search = lower[...]
            while let r = search.shRange(ofLiteral: m) {
                var end = r.upperBound
                while end < search.endIndex, let ch = search[end].unicodeScalars.first, ch.properties.isAlphabetic || ch.properties.numericType != nil || "._-".unicodeScalars.contains(ch) {
                    end = search.index(after: end)
                }
                if !(m == ".ssh/id_" && search[r.lowerBound..<end].hasSuffix(".pub")) {
                    f.hits.append((CredentialRules.inline, snippet))
                    break
                }
                search = search[end...]
            }
        }
        if lower.contains("/proc/") && lower.contains("/environ") { f.hits.append((CredentialRules.inline, snippet)) }

        // Cloud metadata.
        if metadataMarkers.contains(where: { lower.contains($0) }) || urlHosts(code).contains(where: { HostClassifier.classify($0) == .metadata }) {
            f.hits.append((MetadataRules.metadata, snippet))
        }

        // Reverse shells.
        let net = netMarkers.contains { lower.contains($0) }
        if (lang == .awk && (lower.contains("/inet/tcp/") || lower.contains("/inet/udp/")))
            || (net && spawnMarkers.contains { lower.contains($0) }) {
            f.hits.append((ReverseShellRules.inline, snippet))
        }

        // The whole environment sent somewhere.
        let wholeEnv = ["dict(os.environ", "os.environ)", "os.environ.items", "os.environ.copy", "json.dumps(os.environ", "str(os.environ",
                        "process.env)", "stringify(process.env", "env.to_h", "env.to_a", "%env", "$_env", "$_server)", "getenv()", "get-childitem env:", "ls env:", "dir env:"]
        if wholeEnv.contains(where: { lower.contains($0) }) && (fetchMarkers.contains(where: { lower.contains($0) }) || net || lower.contains("requests.") || lower.contains("smtplib")) {
            f.hits.append((ExfiltrationRules.environment, snippet))
        }

        // A secret-named environment variable sent over the network (`os.environ['AWS_SECRET_ACCESS_KEY']` + urlopen).
        if net || fetchMarkers.contains(where: { lower.contains($0) }) || lower.contains("requests.") {
            let names = secretVariableNames(code)
            if !names.isEmpty {
                let hosts = urlHosts(code)
                if names.contains(where: { !SecretNames.allowed($0, toHosts: hosts) }) {
                    f.hits.append((ExfiltrationRules.secretVariable, snippet))
                    if hosts.isEmpty { f.secretToUnknownHost = true }
                    if hosts.contains(where: { h in HostClassifier.parseIPv4(h) != nil || SecretNames.collectorSuffixes.contains { h == $0 || h.hasSuffix("." + $0) } }) {
                        f.secretToSuspiciousHost = true
                    }
                }
            }
        }

        // Fork bombs.
        let squeezed = lower.filter { $0 != " " }
        if squeezed.contains("forkwhilefork") || squeezed.contains("while(1){fork") || squeezed.contains("forkwhile1")
            || squeezed.contains("loop{fork") || squeezed.contains("whiletrue:os.fork()") || squeezed.contains("while1:os.fork()")
            || (squeezed.contains("os.fork()") && squeezed.contains("whiletrue")) || squeezed.contains("forkuntil0") {
            f.hits.append((SystemRules.forkBomb, snippet))
        }

        // The guard's own files.
        if protectedMarkers.contains(where: { lower.contains($0) }) && writeMarkers.contains(where: { lower.contains($0) }) {
            f.hits.append((lower.contains(".git/hooks") || lower.contains("core.hookspath") ? SelfProtectionRules.gitHooks : SelfProtectionRules.guardConfig, snippet))
        }

        // Downloaded or decoded code executed in-process.
        let evals: [String] = switch lang {
        case .python: ["exec(", "eval(", "compile("]
        case .node: ["eval(", "function(", "new function", "runinthiscontext", "runinnewcontext", "(eval)", ".then(eval"]
        case .ruby: ["eval(", "eval ", "instance_eval"]
        case .perl: ["eval(", "eval ", "eval{"]
        case .php: ["eval(", "assert("]
        case .lua: ["loadstring(", "load("]
        case .powershell: ["iex", "invoke-expression", "scriptblock]::create", "invoke-command"]
        default: []
        }
        let evalsCode = evals.contains { lower.contains($0) }
        if evalsCode && fetchMarkers.contains(where: { lower.contains($0) }) {
            f.hits.append((RemoteCodeRules.inlineDownloadExec, snippet))
        } else if evalsCode && decodeMarkers.contains(where: { lower.contains($0) }) {
            f.hits.append((RemoteCodeRules.decodeExec, snippet))
        }
        if lang == .powershell && (lower.contains("-enc") || lower.contains("frombase64string")) && (lower.contains("powershell") || lower.contains("pwsh")) {
            f.hits.append((RemoteCodeRules.decodeExec, snippet))
        }
        return f
    }

    // MARK: - Scanning helpers

    static func isIdent(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// Positions of `name` as a whole identifier (a `.` or `::` before it is fine).
    static func occurrences(of name: String, in b: [UInt8], lang: ShLang) -> [Int] {
        let n = Array(name.utf8)
        guard !n.isEmpty, b.count >= n.count else { return [] }
        var out: [Int] = []
        var i = 0
        while i + n.count <= b.count && out.count < 32 {
            if b[i] == n[0] && b[i..<(i + n.count)].elementsEqual(n) {
                let before = i > 0 ? b[i - 1] : 0x20
                let after = i + n.count < b.count ? b[i + n.count] : 0x20
                let identName = isIdent(n[n.count - 1])
                if !isIdent(before) && (!identName || !isIdent(after)) { out.append(i) }
                i += n.count
            } else {
                i += 1
            }
        }
        return out
    }

    static func skipSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D) { j += 1 }
        return j
    }

    /// A string literal at `i` (after spaces): Python prefixes, triple quotes, JS templates.
    static func readLiteral(_ b: [UInt8], _ start: Int) -> (String, Int)? {
        var i = skipSpaces(b, start)
        var raw = false, format = false
        var p = i
        while p < b.count && p - i < 3, "rRbBuUfF".utf8.contains(b[p]) {
            if b[p] == 0x72 || b[p] == 0x52 { raw = true }
            if b[p] == 0x66 || b[p] == 0x46 { format = true }
            p += 1
        }
        if p < b.count && (b[p] == 0x27 || b[p] == 0x22) { i = p } else { raw = false; format = false }
        guard i < b.count, b[i] == 0x27 || b[i] == 0x22 || b[i] == 0x60 else { return nil }
        let q = b[i]
        let template = q == 0x60
        var triple = false
        if i + 2 < b.count && b[i + 1] == q && b[i + 2] == q {
            triple = true
            i += 3
        } else {
            i += 1
        }
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == q && (!triple || (i + 2 < b.count && b[i + 1] == q && b[i + 2] == q)) {
                return (String(decoding: out, as: UTF8.self), i + (triple ? 3 : 1))
            }
            if c == 0x5C && !raw && i + 1 < b.count {
                let d = b[i + 1]
                out.append(d == 0x6E ? 0x0A : d == 0x74 ? 0x09 : d)
                i += 2
                continue
            }
            if format && c == 0x7B {
                if i + 1 < b.count && b[i + 1] == 0x7B { out.append(0x7B); i += 2; continue }
                while i < b.count && b[i] != 0x7D { i += 1 }
                out.append(ShMark.unknownByte)
                i += 1
                continue
            }
            if (template && c == 0x24 && i + 1 < b.count && b[i + 1] == 0x7B) || (q == 0x22 && c == 0x23 && i + 1 < b.count && b[i + 1] == 0x7B) {
                while i < b.count && b[i] != 0x7D { i += 1 }
                out.append(ShMark.unknownByte)
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }

    static func firstLiteralArgument(_ b: [UInt8], after pos: Int) -> (String, Int)? {
        var i = skipSpaces(b, pos)
        if i < b.count && b[i] == 0x28 { i += 1 }
        return readLiteral(b, i)
    }

    /// The command a system/exec/subprocess call runs, when its arguments are literals.
    static func argumentCommand(_ b: [UInt8], after pos: Int, lang: ShLang, requireParen: Bool) -> String? {
        var i = skipSpaces(b, pos)
        if i < b.count && b[i] == 0x28 {
            i += 1
        } else if requireParen {
            return nil
        }
        var items: [String] = []
        var single: String? = nil
        var count = 0
        while count < 16 {
            i = skipSpaces(b, i)
            guard i < b.count else { break }
            if b[i] == 0x5B || (lang == .r && i + 1 < b.count && b[i] == 0x63 && b[i + 1] == 0x28) {
                i += b[i] == 0x5B ? 1 : 2
                while true {
                    guard let (lit, end) = readLiteral(b, i) else { break }
                    items.append(lit)
                    i = skipSpaces(b, end)
                    if i < b.count && b[i] == 0x2C { i += 1 } else { break }
                }
                i = skipSpaces(b, i)
                if i < b.count && (b[i] == 0x5D || b[i] == 0x29) { i += 1 }
            } else if let (lit, end) = readLiteral(b, i) {
                if count == 0 { single = lit }
                items.append(lit)
                i = end
            } else {
                break
            }
            count += 1
            i = skipSpaces(b, i)
            if i < b.count && b[i] == 0x2C { i += 1 } else { break }
        }
        if items.isEmpty { return nil }
        if items.count == 1, let single { return single }
        return items.map { $0 == "~" || $0.hasPrefix("~/") && !$0.contains(" ") ? $0 : ShText.quote($0) }.joined(separator: " ")
    }

    static func backtickStrings(_ b: [UInt8]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < b.count && out.count < 16 {
            if b[i] == 0x60 {
                var j = i + 1
                while j < b.count && b[j] != 0x60 { j += 1 }
                if j < b.count { out.append(String(decoding: b[(i + 1)..<j], as: UTF8.self)) }
                i = j + 1
            } else if b[i] == 0x27 || b[i] == 0x22 {
                let q = b[i]
                i += 1
                while i < b.count && b[i] != q { i += b[i] == 0x5C ? 2 : 1 }
                i += 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// awk: `system("…")`, `print … | "cmd"`, `"cmd" | getline`.
    static func awkCommands(_ b: [UInt8]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < b.count && out.count < 16 {
            guard b[i] == 0x22, let (lit, end) = readLiteral(b, i) else {
                i += 1
                continue
            }
            var before = i - 1
            while before >= 0 && (b[before] == 0x20 || b[before] == 0x09) { before -= 1 }
            let after = skipSpaces(b, end)
            if (before >= 0 && b[before] == 0x7C) || (after < b.count && b[after] == 0x7C) { out.append(lit) }
            i = end
        }
        return out
    }

    static func urlHosts(_ code: String) -> [String] {
        var out: [String] = []
        var rest = Substring(code)
        while let r = rest.shRange(ofLiteral: "://"), out.count < 16 {
            var start = r.lowerBound
            while start > rest.startIndex, rest[rest.index(before: start)].isLetter { start = rest.index(before: start) }
            let end = rest[r.upperBound...].firstIndex { " \t\n'\"`)<>,;".contains($0) } ?? rest.endIndex
            out += ShURL.hosts(in: String(rest[start..<end]))
            rest = rest[end...]
        }
        return out
    }

    /// The path a delete call removes: a literal, the home directory, or a path under it.
    static func deleteTarget(_ b: [UInt8], after pos: Int, home: String) -> String? {
        var i = skipSpaces(b, pos)
        guard i < b.count, b[i] == 0x28 || b[i] == 0x20 || b[i] == 0x22 || b[i] == 0x27 else { return nil }
        if b[i] == 0x28 { i += 1 }
        var depth = 0
        var j = i
        while j < b.count {
            if b[j] == 0x28 || b[j] == 0x5B { depth += 1 }
            if b[j] == 0x29 || b[j] == 0x5D {
                if depth == 0 { break }
                depth -= 1
            }
            if b[j] == 0x2C && depth == 0 { break }
            if b[j] == 0x27 || b[j] == 0x22 {
                let q = b[j]
                j += 1
                while j < b.count && b[j] != q { j += b[j] == 0x5C ? 2 : 1 }
            }
            j += 1
        }
        let expr = Array(b[i..<min(j, b.count)])
        let lowerExpr = String(decoding: expr, as: UTF8.self).lowercased()
        // The canonical form (`ShCodeFlow`) spells home expressions as the literal "~".
        if let (lit, end) = readLiteral(expr, 0), lit == "~" || lit.hasPrefix("~/"), skipSpaces(expr, end) == expr.count { return lit }
        let literals = allLiterals(expr).filter { !["home", "~", "userprofile", "utf-8", "utf8"].contains($0.lowercased()) }
        if homeExpressions.contains(where: { lowerExpr.contains($0) }) {
            guard let lit = literals.first else { return "~" }
            return lit.hasPrefix("~") ? lit : "~/" + lit.drop { $0 == "/" }
        }
        guard let lit = literals.first else { return nil }
        if expr.first == 0x22 || expr.first == 0x27 || expr.first == 0x60 || (expr.count > 1 && "rRbBuU".utf8.contains(expr[0]) && (expr[1] == 0x22 || expr[1] == 0x27)) {
            return lit
        }
        if lowerExpr.contains("join") || lowerExpr.contains("path(") || lowerExpr.contains("resolve(") || lowerExpr.contains("expanduser(") { return lit }
        return nil
    }

    static func allLiterals(_ b: [UInt8]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < b.count && out.count < 8 {
            if b[i] == 0x27 || b[i] == 0x22 || b[i] == 0x60, let (lit, end) = readLiteral(b, i) {
                out.append(lit)
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

}
