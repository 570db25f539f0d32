/// What a command writes to stdout, for the next pipeline stage or a `$(…)`: downloads,
/// decoders, literal text (echo, printf, heredocs), the environment, credentials.
extension ShellAnalysis {
    static let curlShortWithArg: Set<Character> = Set("dDeEFHKorTuUwxXyYzbcACmPQt")
    static let curlLongWithArg: Set<String> = [
        "--output", "--data", "--data-binary", "--data-raw", "--data-ascii", "--data-urlencode", "--form", "--form-string",
        "--header", "--user", "--user-agent", "--referer", "--request", "--upload-file", "--url", "--config", "--proxy",
        "--resolve", "--connect-to", "--max-time", "--connect-timeout", "--retry", "--cookie", "--cookie-jar", "--cacert",
        "--cert", "--key", "--json", "--write-out", "--range", "--interface", "--dns-servers", "--preproxy", "--proxy-user",
        "--output-dir", "--limit-rate", "--max-filesize", "--retry-delay", "--retry-max-time", "--oauth2-bearer",
        "--aws-sigv4", "--variable", "--trace", "--trace-ascii", "--stderr", "--dump-header", "--proxy-header", "--capath",
        "--ciphers", "--expect100-timeout", "--happy-eyeballs-timeout-ms", "--local-port", "--max-redirs", "--noproxy",
    ]
    static let wgetShortWithArg: Set<Character> = Set("OoaePUTtwQlARDIXiB")
    static let wgetLongWithArg: Set<String> = [
        "--output-document", "--post-file", "--post-data", "--body-file", "--body-data", "--header", "--user", "--password",
        "--directory-prefix", "--user-agent", "--method", "--tries", "--timeout", "--execute", "--input-file", "--output-file",
        "--append-output", "--load-cookies", "--save-cookies", "--referer", "--http-user", "--http-password",
    ]
    static let passThrough: Set<String> = [
        "head", "tail", "grep", "egrep", "fgrep", "sed", "sort", "uniq", "cut", "tee", "fold", "fmt", "pv", "buffer",
        "strings", "col", "expand", "unexpand", "nl", "tac", "cat", "more", "less", "dd", "iconv", "dos2unix", "unix2dos",
        "sponge", "paste", "column", "jq", "yq", "stdbuf", "ts",
    ]

    mutating func outputSource(_ inv: ShInvocation, _ env: ShEnv) -> ShSource {
        let a = inv.argTexts
        switch inv.name {
        case "curl", "curlie":
            let p = ShArgs(a, shortWithArg: Self.curlShortWithArg, longWithArg: Self.curlLongWithArg).parse()
            let outputs = p.allValues("-o", "--output")
            let urls = p.operands + p.allValues("--url")
            let remoteName = p.has("O") || p.hasLong("--remote-name") || p.hasLong("--remote-name-all")
            if remoteName { for u in urls { downloaded.insert(ShURL.fileName(u)) } }
            let toFile = outputs.filter { $0 != "-" && $0 != "/dev/stdout" }
            for o in toFile { downloaded.insert(ShText.baseName(o)) }
            if (!outputs.isEmpty && toFile.count == outputs.count) || (remoteName && outputs.isEmpty) { return .none }
            return .download(urls.first ?? "")
        case "wget", "wget2":
            let p = ShArgs(a, shortWithArg: Self.wgetShortWithArg, longWithArg: Self.wgetLongWithArg).parse()
            if let o = p.value("-O", "--output-document") {
                if o == "-" || o == "/dev/stdout" { return .download(p.operands.first ?? "") }
                downloaded.insert(ShText.baseName(o))
                return .none
            }
            for u in p.operands { downloaded.insert(ShURL.fileName(u)) }
            return .none
        case "fetch":
            let p = ShArgs(a, shortWithArg: ["o", "B", "N", "S", "T"]).parse()
            if let o = p.value("-o"), o != "-" {
                downloaded.insert(ShText.baseName(o))
                return .none
            }
            return .download(p.operands.first ?? "")
        case "http", "https", "xh", "xhs", "httpie":
            if a.contains("--download") || a.contains("-d") {
                for u in a where u.contains("://") || u.contains("/") { downloaded.insert(ShURL.fileName(u)) }
                return .none
            }
            return .download(a.first { !$0.hasPrefix("-") } ?? "")
        case "aria2c", "axel":
            for u in a where u.contains("://") { downloaded.insert(ShURL.fileName(u)) }
            if let o = ShArgs(a, shortWithArg: ["o", "d"], longWithArg: ["--out", "--dir"]).parse().value("-o", "--out") { downloaded.insert(o) }
            return .none
        case "lynx", "w3m", "links", "elinks", "links2":
            return .download(a.first { $0.contains("://") } ?? "")
        case "iwr", "invoke-webrequest", "irm", "invoke-restmethod", "wget.exe", "curl.exe":
            if let k = a.firstIndex(where: { $0.lowercased() == "-outfile" }), k + 1 < a.count {
                downloaded.insert(ShText.baseName(a[k + 1]))
                return .none
            }
            return .download(a.first { $0.contains("://") } ?? "")
        case "nc", "telnet", "socat", "websocat", "ssh", "sshpass":
            if inv.name == "ssh" { return .unknown }
            return .network(a.last ?? "")
        case "openssl":
            if a.first == "s_client" { return .network(a.joined(separator: " ")) }
            if (a.first == "base64" || a.first == "enc") && (a.contains("-d") || a.contains("-base64") && a.contains("-d")) {
                return decoded(inv, kind: "base64")
            }
            return .unknown
        case "echo":
            return ShellAnalysis.strongest(inv.args.flatMap(\.sources)) ?? .literal(ShEval.echo(a))
        case "printf":
            if let k = a.firstIndex(of: "-v"), k + 1 < a.count { return .none }
            return ShellAnalysis.strongest(inv.args.flatMap(\.sources)) ?? .literal(ShEval.printf(a))
        case "pwd":
            return env.cwd.map { .literal($0 + "\n") } ?? .unknown
        case "true", ":", "false":
            return .none
        case "base64", "base32", "basenc", "gbase64":
            let p = ShArgs(a, shortWithArg: ["w"], longWithArg: ["--wrap"]).parse()
            if p.has("d") || p.has("D") || p.hasLong("--decode", minPrefix: 4) { return decoded(inv, kind: inv.name == "base32" ? "base32" : "base64") }
            return fileOrStdin(inv, p.operands, env)
        case "xxd":
            let p = ShArgs(a, shortWithArg: ["c", "g", "l", "s", "o"]).parse()
            if p.has("r") { return decoded(inv, kind: p.has("p") || p.hasLong("--plain") || p.hasLong("-ps") ? "hex" : "xxd") }
            return fileOrStdin(inv, p.operands, env)
        case "rev":
            return decoded(inv, kind: "rev")
        case "tr":
            if case .literal(let t) = inv.stdin, let out = ShEval.tr(a, t) { return .literal(out) }
            return inv.stdin
        case "gunzip", "zcat", "gzcat", "bunzip2", "bzcat", "xzcat", "unxz", "unzstd", "zstdcat", "lz4cat", "uudecode",
             "uncompress", "unlzma", "lzcat", "brotli", "unzip":
            if inv.name == "unzip" && !a.contains("-p") { return .none }
            return .decoded(fileOrStdin(inv, ShArgs(a).parse().operands, env), text: nil)
        case "gzip", "bzip2", "xz", "zstd", "lz4", "lzma":
            let p = ShArgs(a).parse()
            if p.has("d") || p.hasLong("--decompress") || p.hasLong("--uncompress") { return .decoded(fileOrStdin(inv, p.operands, env), text: nil) }
            return fileOrStdin(inv, p.operands, env)
        case "env", "printenv":
            let names = a.filter { !$0.hasPrefix("-") }
            if inv.name == "printenv", let secret = names.first(where: SecretNames.isSecret) { return .secret(secret) }
            return names.isEmpty || inv.name == "env" ? .environment : .unknown
        case "compgen":
            return a.contains("-v") || a.contains("-e") ? .environment : .unknown
        case "pgrep", "pidof":
            return .pids(a.joined(separator: " "))
        case "git":
            guard a.contains("rev-parse") else { return .unknown }
            let root = "/" + paths.project.joined(separator: "/")
            if a.contains("--show-toplevel") { return .literal(root + "\n") }
            if a.contains("--git-dir") || a.contains("--absolute-git-dir") || a.contains("--git-common-dir") { return .literal(root + "/.git\n") }
            if let k = a.firstIndex(of: "--git-path"), k + 1 < a.count { return .literal(root + "/.git/" + a[k + 1] + "\n") }
            return .unknown
        case "mktemp":
            let base = context.tempDirs.first ?? "/tmp"
            return .literal(base + "/tmp." + ShMark.unknown + "\n")
        case "basename":
            let ops = a.filter { !$0.hasPrefix("-") }
            guard let f = ops.first else { return .unknown }
            var b = ShText.baseName(f)
            if ops.count > 1, b.hasSuffix(ops[1]) { b = String(b.dropLast(ops[1].count)) }
            return .literal(b + "\n")
        case "dirname":
            guard let f = a.first(where: { !$0.hasPrefix("-") }) else { return .unknown }
            guard let slash = f.lastIndex(of: "/") else { return .literal(".\n") }
            let d = String(f[..<slash])
            return .literal((d.isEmpty ? "/" : d) + "\n")
        case "realpath", "readlink":
            guard let f = inv.args.last(where: { !$0.text.hasPrefix("-") }) else { return .unknown }
            if inv.name == "readlink" && !a.contains(where: { $0.hasPrefix("-") && ($0.contains("f") || $0.contains("e") || $0.contains("m")) }) { return .unknown }
            let p = paths.resolve(f, cwd: env.cwd)
            if p.unknownBase || p.wild { return .unknown }
            return .literal(p.text + "\n")
        case "which", "type":
            guard let f = a.last(where: { !$0.hasPrefix("-") }) else { return .unknown }
            return .literal("/usr/bin/" + f + "\n")
        default:
            if Self.passThrough.contains(inv.name) {
                let p = ShArgs(a, shortWithArg: ["n", "c", "e", "f", "m", "A", "B", "C", "k", "t", "d", "s", "o", "w", "b", "i"]).parse()
                if inv.name == "cat" || inv.name == "tac" || inv.name == "more" || inv.name == "less" || inv.name == "nl" { return fileOrStdin(inv, p.operands, env) }
                if case .none = inv.stdin { return .unknown }
                return inv.stdin
            }
            return .unknown
        }
    }

    /// Output of a command that reads the named files, or stdin when none are given.
    func fileOrStdin(_ inv: ShInvocation, _ operands: [String], _ env: ShEnv) -> ShSource {
        let files = operands.filter { $0 != "-" }
        if files.isEmpty { return inv.stdin }
        var out: ShSource = .none
        for f in files {
            let field = inv.args.first { $0.text == f } ?? ShField(text: f)
            out = out.combined(with: inputSource(field, env))
        }
        return out
    }

    func decoded(_ inv: ShInvocation, kind: String) -> ShSource {
        let files = ShArgs(inv.argTexts, shortWithArg: ["w"]).parse().operands.filter { $0 != "-" && !$0.hasPrefix("base64") && $0 != "enc" }
        let input: ShSource = files.isEmpty || inv.name == "openssl" ? inv.stdin : .file(files[0])
        var text: String? = nil
        if case .literal(let t) = input {
            switch kind {
            case "base64": text = ShDecode.base64(t).map { String(decoding: $0, as: UTF8.self) }
            case "base32": text = nil
            case "hex": text = ShDecode.hex(t).map { String(decoding: $0, as: UTF8.self) }
            case "rev": text = t.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed()) }.joined(separator: "\n")
            default: text = nil
            }
        }
        return .decoded(input, text: text)
    }
}

/// Literal evaluation of the text commands agents use to build payloads.
enum ShEval {
    static func echo(_ args: [String]) -> String {
        var k = 0
        var newline = true, escapes = false
        while k < args.count, args[k].count > 1, args[k].hasPrefix("-"), args[k].dropFirst().allSatisfy({ "neE".contains($0) }) {
            for c in args[k].dropFirst() {
                if c == "n" { newline = false }
                if c == "e" { escapes = true }
                if c == "E" { escapes = false }
            }
            k += 1
        }
        var s = args[k...].joined(separator: " ")
        if escapes { s = unescape(s, stopAtC: true) }
        return newline ? s + "\n" : s
    }

    static func printf(_ args: [String]) -> String {
        guard let format = args.first else { return "" }
        var rest = Array(args.dropFirst())
        var out = ""
        var rounds = 0
        repeat {
            let f = Array(format)
            var i = 0
            var consumed = false
            while i < f.count {
                let c = f[i]
                if c == "\\" {
                    var j = i + 1
                    var esc = "\\"
                    while j < f.count && j < i + 4 && (j == i + 1 || f[j].isHexDigit || f[j].isNumber) {
                        esc.append(f[j])
                        j += 1
                        if esc.count == 2 && !"x01234567".contains(f[i + 1]) { break }
                    }
                    out += unescape(esc, stopAtC: false)
                    i = j
                    continue
                }
                if c == "%" && i + 1 < f.count {
                    var j = i + 1
                    while j < f.count && "-+ #0123456789.".contains(f[j]) { j += 1 }
                    guard j < f.count else { break }
                    let conv = f[j]
                    if conv == "%" {
                        out += "%"
                    } else {
                        let arg = rest.isEmpty ? "" : rest.removeFirst()
                        consumed = true
                        switch conv {
                        case "b": out += unescape(arg, stopAtC: true)
                        case "c": out += arg.prefix(1)
                        default: out += arg
                        }
                    }
                    i = j + 1
                    continue
                }
                out.append(c)
                i += 1
            }
            rounds += 1
            if !consumed { break }
        } while !rest.isEmpty && rounds < 64
        return out
    }

    /// C escapes as echo -e / printf %b read them (`\c` ends the output when `stopAtC`).
    static func unescape(_ s: String, stopAtC: Bool) -> String {
        String(decoding: CEscapes.decode(Array(s.utf8), from: 0, terminator: nil, echoStyle: true, stopAtC: stopAtC).bytes, as: UTF8.self)
    }

    /// `tr SET1 SET2` and `tr -d SET1` on literal input (rot13 and friends).
    static func tr(_ args: [String], _ input: String) -> String? {
        let opts = args.filter { $0.hasPrefix("-") && $0.count > 1 }
        let sets = args.filter { !($0.hasPrefix("-") && $0.count > 1) }
        guard let s1 = sets.first.map(expandSet) else { return nil }
        if opts.contains(where: { $0.contains("d") }) {
            let del = Set(s1)
            return String(input.filter { !del.contains($0) })
        }
        guard sets.count >= 2, !opts.contains(where: { $0.contains("c") || $0.contains("s") }) else { return nil }
        var s2 = expandSet(sets[1])
        guard !s2.isEmpty else { return nil }
        while s2.count < s1.count { s2.append(s2[s2.count - 1]) }
        var map: [Character: Character] = [:]
        for (k, c) in s1.enumerated() { map[c] = s2[k] }
        return String(input.map { map[$0] ?? $0 })
    }

    static func expandSet(_ s: String) -> [Character] {
        var out: [Character] = []
        let c = Array(unescape(s.replacingEvery("[:upper:]", with: "A-Z").replacingEvery("[:lower:]", with: "a-z")
            .replacingEvery("[:digit:]", with: "0-9"), stopAtC: false))
        var i = 0
        while i < c.count {
            if i + 2 < c.count, c[i + 1] == "-", let lo = c[i].unicodeScalars.first?.value, let hi = c[i + 2].unicodeScalars.first?.value, lo <= hi, hi - lo < 256 {
                for v in lo...hi { if let u = Unicode.Scalar(v) { out.append(Character(u)) } }
                i += 3
            } else {
                out.append(c[i])
                i += 1
            }
        }
        return out
    }
}

enum ShDecode {
    /// Standard or URL-safe base64; whitespace ignored, padding optional.
    static func base64(_ s: String) -> [UInt8]? {
        var vals: [UInt8] = []
        for c in s.utf8 {
            switch c {
            case 0x41...0x5A: vals.append(c - 0x41)
            case 0x61...0x7A: vals.append(c - 0x61 + 26)
            case 0x30...0x39: vals.append(c - 0x30 + 52)
            case 0x2B, 0x2D: vals.append(62)
            case 0x2F, 0x5F: vals.append(63)
            case 0x3D, 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
        }
        guard !vals.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(vals.count * 3 / 4)
        var k = 0
        while k + 1 < vals.count {
            let a = vals[k], b = vals[k + 1]
            out.append(a << 2 | b >> 4)
            if k + 2 < vals.count {
                let c = vals[k + 2]
                out.append((b & 0x0F) << 4 | c >> 2)
                if k + 3 < vals.count { out.append((c & 0x03) << 6 | vals[k + 3]) }
            }
            k += 4
        }
        return out
    }

    static func hex(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var hi: UInt8? = nil
        for c in s.utf8 {
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
            guard let v = HostClassifier.hexValue(c) else { return nil }
            if let h = hi {
                out.append(h << 4 | v)
                hi = nil
            } else {
                hi = v
            }
        }
        return out
    }

    /// PowerShell -EncodedCommand is UTF-16LE.
    static func utf16le(_ b: [UInt8]) -> String? {
        guard b.count >= 2 else { return nil }
        var units: [UInt16] = []
        var k = 0
        while k + 1 < b.count {
            units.append(UInt16(b[k]) | UInt16(b[k + 1]) << 8)
            k += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
