/// Shells (`sh -c`, `bash script`, stdin) and interpreters (`python3 -c`, `node -e`, `ruby -e`, `perl -e`,
/// `php -r`, `lua -e`, awk, PowerShell, AppleScript, R): where their code comes from.
extension ShellAnalysis {
    mutating func handleShell(_ s: inout ShSite) -> ShSource {
        let inv = s.inv, depth = s.depth
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
            // `sh -c "$CMD"`, `xargs … sh -c {}`: code nobody can read before it runs.
            if !code.text.isEmpty && code.text.allSatisfy({ $0 == Character(ShMark.unknown) || $0 == " " }) {
                ShellPacks.unknownCodeFromStdin(inv.stdin, subject: inv.subject, silentIfTainted: false, &self)
            }
            return runCode(code, .shell, &s, positional: positional.isEmpty ? [inv.word] : Array(positional))
        }
        if let script = rest.first, !readsStdin {
            return runScriptFile(script, .shell, positional: rest.map(\.text), stdin: inv.stdin, subject: inv.subject, &s.env, depth)
        }
        _ = runCodeSource(inv.stdin, .shell, subject: inv.subject, &s.env, depth)
        return .shellOutput
    }

    mutating func handleInterpreter(_ lang: ShLang, _ s: inout ShSite) -> ShSource {
        let inv = s.inv, depth = s.depth
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
                            ShellPacks.codeOrigin(decoded: inv.subject, &self)
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
        for c in codes { out = runCode(c, lang, &s, extra: extra) }
        // `python3 -c 'exec(sys.stdin.read())'`, `awk '{ system($0) }'`: code that runs what it reads.
        let stdinCode = codes.contains { c in
            let l = c.text.lowercased().filter { $0 != " " }
            if lang == .awk { return l.contains("system($") || l.contains("|\"sh") || l.contains("|\"bash") || l.contains("|\"/bin/") }
            let reads = ["sys.stdin", "stdin.read", "process.stdin", "readfilesync(0", "readfilesync('/dev/stdin", "readfilesync(\"/dev/stdin",
                         "<stdin>", "$stdin", "stdin.gets", "php://stdin", "io.read", "[console]::in", "$input"].contains { l.contains($0) }
            // Whole names only: `json.load(sys.stdin)` reads data, Lua's `load(io.read())` runs it.
            let evals = ["exec", "eval", "system", "popen", "spawn", "iex", "invoke-expression", "load"].contains { Self.callsBare(l, $0) }
                || ["os.system", "os.popen", "io.popen", "subprocess.", "child_process", "execsync(", ".spawn(", "kernel.exec"].contains { l.contains($0) }
            return reads && evals
        }
        if stdinCode { _ = runCodeSource(inv.stdin, lang == .awk ? .shell : lang, subject: inv.subject, &s.env, depth) }
        if let script { out = runScriptFile(script, lang, positional: nil, stdin: inv.stdin, subject: inv.subject, &s.env, depth) }
        if stdinMode && lang != .awk { _ = runCodeSource(inv.stdin, lang, subject: inv.subject, &s.env, depth) }
        return out
    }
}

extension ShellAnalysis {
    /// `name` occurs in `code` as a name of its own, not as a method of something (`json.load`) or
    /// part of a longer name (`evaluate`, `retrieval`).
    static func callsBare(_ code: String, _ name: String) -> Bool {
        let u = Array(code.utf8), n = Array(name.utf8)
        guard n.count <= u.count else { return false }
        func ident(_ c: UInt8) -> Bool { c == 0x5F || c == 0x2E || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
        var i = 0
        while i + n.count <= u.count {
            if u[i] == n[0] && u[i..<(i + n.count)].elementsEqual(n)
                && (i == 0 || !ident(u[i - 1])) && (i + n.count == u.count || !ident(u[i + n.count])) { return true }
            i += 1
        }
        return false
    }
}

