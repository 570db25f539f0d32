/// Word expansion as the shell does it, as far as values are known: brace expansion, tilde,
/// parameters (with the common `${…}` operators), command substitution (analysed, and
/// evaluated when its output is literal), field splitting on `$IFS`. Unknown values become
/// `ShMark.unknown`.
extension ShellAnalysis {
    static let maxBraceFields = 64

    mutating func expandWord(_ word: ShWord, _ env: inout ShEnv, _ depth: Int) -> [ShField] {
        var out: [ShField] = []
        for w in ShBrace.expand(word, limit: Self.maxBraceFields) {
            out += expandParts(w.parts, &env, depth, split: true, assignment: false)
        }
        return out
    }

    /// Without field splitting (assignments, redirection targets, heredoc bodies).
    mutating func expandJoined(_ word: ShWord, _ env: inout ShEnv, _ depth: Int, assignment: Bool = false) -> ShField {
        let fs = expandParts(word.parts, &env, depth, split: false, assignment: assignment)
        guard var first = fs.first else { return ShField() }
        for f in fs.dropFirst() {
            first.text += " " + f.text
            first.glob = first.glob || f.glob
            first.sources += f.sources
            first.outputProcs += f.outputProcs
        }
        return first
    }

    private mutating func expandParts(_ parts: [ShPart], _ env: inout ShEnv, _ depth: Int, split: Bool, assignment: Bool) -> [ShField] {
        var b = ShFieldBuilder(ifs: split ? ifs(env) : [])
        for (k, part) in parts.enumerated() {
            switch part {
            case .literal(var s):
                if k == 0 && s.hasPrefix("~") { s = expandTilde(s, env) }
                if assignment && s.contains(":~") { s = s.replacingTildesAfterColons(home: paths.home) }
                b.appendLiteral(s, glob: true)
            case .extglob(let s):
                b.appendLiteral(s, glob: true)
                b.cur.glob = true
            case .quoted(let s):
                b.appendLiteral(s, glob: false)
                b.cur.quoted = true
            case .parameter(let p, let quoted):
                if let t = env.taint[p.name] { b.cur.sources.append(t) }
                if env.vars[p.name] == nil, SecretNames.isSecret(p.name) { b.cur.sources.append(.secret(p.name)) }
                let v = evalParam(p, &env, depth)
                switch v {
                case .list(let items) where quoted && (p.name == "@" || p.index == "@"):
                    b.cur.quoted = true
                    for (n, item) in items.enumerated() {
                        if n > 0 { b.breakField(force: true) }
                        b.appendLiteral(item, glob: false)
                        b.cur.quoted = true
                    }
                case .list(let items):
                    let joined = items.joined(separator: " ")
                    if quoted {
                        b.appendLiteral(joined, glob: false)
                        b.cur.quoted = true
                    } else {
                        b.appendSplit(joined)
                    }
                case .text(let t):
                    if quoted {
                        b.appendLiteral(t, glob: false)
                        b.cur.quoted = true
                    } else {
                        b.appendSplit(t)
                    }
                }
            case .command(let node, let quoted):
                let (value, source) = substitute(node, &env, depth)
                b.cur.sources.append(source)
                if quoted {
                    b.appendLiteral(value, glob: false)
                    b.cur.quoted = true
                } else {
                    b.appendSplit(value)
                }
            case .process(let node, let output):
                b.appendLiteral("/dev/fd/63", glob: false)
                if output {
                    // Walked once the command's output is known (runSimple).
                    b.cur.outputProcs.append(node)
                } else {
                    var e = env
                    e.stdin = .none
                    let source = walk(node, &e, depth)
                    b.cur.procsub = true
                    b.cur.sources.append(source)
                }
            case .arithmetic(let raw, _):
                expandArithmeticText(raw, &env, depth)
                let trimmed = raw.filter { $0 != " " }
                b.appendLiteral(ShText.isNumber(trimmed) ? trimmed : ShMark.unknown, glob: false)
            }
        }
        return b.finish()
    }

    /// `$((…))` and `((…))` can hold command substitutions: analyse them.
    mutating func expandArithmeticText(_ raw: String, _ env: inout ShEnv, _ depth: Int) {
        guard raw.contains("$") || raw.contains("`") else { return }
        if let w = ShParser.expansionWord(raw) { _ = expandJoined(w, &env, depth) }
    }

    /// Runs `$(…)` in a copy of the environment; returns its value when literal.
    mutating func substitute(_ node: ShNode, _ env: inout ShEnv, _ depth: Int) -> (String, ShSource) {
        var e = env
        e.stdin = .none
        let source = walk(node, &e, depth)
        switch source {
        case .literal(let t): return (ShText.trimTrailingNewlines(t), source)
        case .decoded(_, let t?): return (ShText.trimTrailingNewlines(t), source)
        default: return (ShMark.unknown, source)
        }
    }

    func ifs(_ env: ShEnv) -> Set<Character> {
        if case .string(let s)? = env.vars["IFS"] { return Set(s) }
        return [" ", "\t", "\n"]
    }

    func expandTilde(_ s: String, _ env: ShEnv) -> String {
        let body = s.dropFirst()
        let end = body.firstIndex(of: "/") ?? body.endIndex
        let user = body[..<end]
        let rest = body[end...]
        let home: String
        switch user {
        case "": home = homeValue(env)
        case "+": home = env.cwd ?? ShMark.unknown
        case "-": home = ShMark.unknown
        case "root": home = "/root"
        default:
            guard user.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return s }
            home = (paths.home.hasPrefix("/Users/") ? "/Users/" : "/home/") + user
        }
        return home + rest
    }

    func homeValue(_ env: ShEnv) -> String {
        if case .string(let h)? = env.vars["HOME"], !h.isEmpty { return h }
        return paths.home
    }

    // MARK: - Parameters

    enum ParamValue {
        case text(String)
        case list([String])

        var joined: String {
            switch self {
            case .text(let t): t
            case .list(let l): l.joined(separator: " ")
            }
        }
    }

    /// nil: not known statically.
    func lookup(_ name: String, index: String?, _ env: ShEnv) -> ShValue? {
        if let v = env.vars[name] {
            guard let index, index != "@", index != "*" else { return v }
            guard case .array(let arr) = v else { return index == "0" ? .string(v.scalar) : .string("") }
            if let k = Int(index.filter { $0 != " " }) { return .string(k >= 0 && k < arr.count ? arr[k] : "") }
            return nil
        }
        if let k = Int(name), name.first?.isNumber == true {
            guard let pos = env.positional else { return k == 0 ? .string("bash") : nil }
            return .string(k < pos.count ? pos[k] : "")
        }
        switch name {
        case "@", "*":
            guard let pos = env.positional else { return nil }
            return .array(Array(pos.dropFirst()))
        case "#":
            guard let pos = env.positional else { return nil }
            return .string(String(max(0, pos.count - 1)))
        case "HOME": return .string(paths.home)
        case "SHELL", "BASH": return .string("/bin/bash")
        case "PWD": return env.cwd.map { .string($0) }
        case "IFS": return .string(" \t\n")
        case "CLAUDE_PROJECT_DIR", "PROJECT_DIR": return context.projectDir.map { .string($0) }
        default: return nil
        }
    }

    mutating func evalParam(_ p: ShParam, _ env: inout ShEnv, _ depth: Int) -> ParamValue {
        if let index = p.index, index.contains("$(") || index.contains("`") { expandArithmeticText(index, &env, depth) }
        var value = lookup(p.name, index: p.index, env)
        if p.indirect, let v = value {
            value = lookup(v.scalar, index: nil, env)
        }
        if p.length {
            guard let v = value else { return .text(ShMark.unknown) }
            if case .array(let a) = v, p.index == "@" || p.index == "*" { return .text(String(a.count)) }
            return .text(String(v.scalar.count))
        }
        func whole(_ v: ShValue) -> ParamValue {
            if case .array(let a) = v, p.name == "@" || p.name == "*" || p.index == "@" || p.index == "*" { return .list(a) }
            return .text(v.scalar)
        }
        func arg(_ w: ShWord?, _ env: inout ShEnv) -> String {
            guard let w else { return "" }
            return expandJoined(w, &env, depth).text
        }
        switch p.op {
        case .none:
            return value.map(whole) ?? .text(ShMark.unknown)
        case .useDefault(let colon), .assignDefault(let colon):
            // The default's substitutions run when the value is unset, which may be the case.
            let d = arg(p.arg, &env)
            guard let v = value else { return .text(ShMark.unknown) }
            if colon ? v.scalar.isEmpty : false {
                if case .assignDefault = p.op { env.vars[p.name] = .string(d) }
                return .text(d)
            }
            return whole(v)
        case .useAlternative(let colon):
            let alt = arg(p.arg, &env)
            guard let v = value else { return .text(ShMark.unknown) }
            return .text((colon ? !v.scalar.isEmpty : true) ? alt : "")
        case .errorIfUnset:
            _ = arg(p.arg, &env)
            return value.map(whole) ?? .text(ShMark.unknown)
        case .substring:
            let offText = arg(p.arg, &env).filter { $0 != " " }
            let lenText = p.arg2.map { arg($0, &env).filter { $0 != " " } }
            guard let v = value, let off = Int(offText) else { return .text(ShMark.unknown) }
            let chars = Array(v.scalar)
            var start = off < 0 ? chars.count + off : off
            start = max(0, min(start, chars.count))
            var end = chars.count
            if let lenText {
                guard let len = Int(lenText) else { return .text(ShMark.unknown) }
                end = len < 0 ? chars.count + len : start + len
            }
            end = max(start, min(end, chars.count))
            return .text(String(chars[start..<end]))
        case .removePrefix(let longest), .removeSuffix(let longest):
            let pat = arg(p.arg, &env)
            guard let v = value, !pat.contains(ShMark.unknown) else { return .text(ShMark.unknown) }
            let s = Array(v.scalar.utf8)
            let pb = Array(pat.utf8)
            var isPrefix = false
            if case .removePrefix = p.op { isPrefix = true }
            let range: [Int] = longest ? Array((0...s.count).reversed()) : Array(0...s.count)
            for k in range {
                let piece = isPrefix ? s[0..<k] : s[(s.count - k)..<s.count]
                if ShGlob.match(pb[...], piece) {
                    let rest = isPrefix ? s[k...] : s[..<(s.count - k)]
                    return .text(String(decoding: rest, as: UTF8.self))
                }
            }
            return .text(v.scalar)
        case .replace(let mode):
            let pat = arg(p.arg, &env)
            let rep = arg(p.arg2, &env)
            guard let v = value, !pat.contains(ShMark.unknown), !pat.isEmpty,
                  !pat.contains(where: { "*?[".contains($0) }) else { return .text(ShMark.unknown) }
            let s = v.scalar
            switch mode {
            case 1: return .text(s.replacingAll(pat, with: rep))
            case 2: return .text(s.hasPrefix(pat) ? rep + s.dropFirst(pat.count) : s)
            case 3: return .text(s.hasSuffix(pat) ? s.dropLast(pat.count) + rep : s)
            default:
                guard let r = s.shRange(ofLiteral: pat) else { return .text(s) }
                return .text(String(s[..<r.lowerBound]) + rep + String(s[r.upperBound...]))
            }
        case .upper(let all):
            guard let v = value else { return .text(ShMark.unknown) }
            let s = v.scalar
            return .text(all ? s.uppercased() : s.prefix(1).uppercased() + s.dropFirst())
        case .lower(let all):
            guard let v = value else { return .text(ShMark.unknown) }
            let s = v.scalar
            return .text(all ? s.lowercased() : s.prefix(1).lowercased() + s.dropFirst())
        case .transform:
            return value.map(whole) ?? .text(ShMark.unknown)
        }
    }
}

/// Accumulates fields: literal text joins the current field, unquoted expansions split on IFS.
struct ShFieldBuilder {
    var fields: [ShField] = []
    var cur = ShField()
    var active = false
    let ifs: Set<Character>

    init(ifs: Set<Character>) { self.ifs = ifs }

    mutating func appendLiteral(_ s: String, glob: Bool) {
        cur.text += s
        if glob && s.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) { cur.glob = true }
        active = true
    }

    mutating func appendSplit(_ s: String) {
        if ifs.isEmpty {
            appendLiteral(s, glob: true)
            return
        }
        for ch in s {
            if ifs.contains(ch) {
                breakField(force: false)
            } else {
                cur.text.append(ch)
                if ch == "*" || ch == "?" || ch == "[" { cur.glob = true }
                active = true
            }
        }
    }

    mutating func breakField(force: Bool) {
        if force || (active && (!cur.text.isEmpty || cur.quoted)) { fields.append(cur) }
        cur = ShField()
        active = false
    }

    mutating func finish() -> [ShField] {
        if active && (!cur.text.isEmpty || cur.quoted) {
            fields.append(cur)
        } else if !cur.sources.isEmpty && !fields.isEmpty {
            fields[fields.count - 1].sources += cur.sources
        }
        return fields
    }
}

/// Brace expansion (`{rm,-rf,/}`, `/{etc,usr}`), only on unquoted text.
enum ShBrace {
    private enum Atom {
        case ch(UInt8)
        case part(ShPart)
    }

    static func expand(_ w: ShWord, limit: Int) -> [ShWord] {
        let has = w.parts.contains { if case .literal(let s) = $0 { return s.utf8.contains(0x7B) } else { return false } }
        guard has else { return [w] }
        var atoms: [Atom] = []
        for p in w.parts {
            if case .literal(let s) = p { for c in s.utf8 { atoms.append(.ch(c)) } } else { atoms.append(.part(p)) }
        }
        var out: [[Atom]] = []
        expand(atoms, into: &out, limit: limit, depth: 0)
        return out.map(rebuild)
    }

    /// Depth-first; `depth` counts brace groups already expanded on this path (bounded: a word
    /// with thousands of groups must not recurse thousands deep).
    private static func expand(_ a: [Atom], into out: inout [[Atom]], limit: Int, depth: Int) {
        if out.count >= limit { return }
        if depth >= 12 {
            out.append(a)
            return
        }
        var k = 0
        while k < a.count {
            if case .ch(0x7B) = a[k] {
                var d = 0
                var commas: [Int] = []
                var close = -1
                var j = k + 1
                while j < a.count {
                    if case .ch(let c) = a[j] {
                        if c == 0x7B { d += 1 }
                        else if c == 0x7D { if d == 0 { close = j; break }; d -= 1 }
                        else if c == 0x2C && d == 0 { commas.append(j) }
                    }
                    j += 1
                }
                if close > 0 && !commas.isEmpty {
                    let pre = a[..<k], post = a[(close + 1)...]
                    let bounds = [k] + commas + [close]
                    for t in 0..<(bounds.count - 1) {
                        let alt = a[(bounds[t] + 1)..<bounds[t + 1]]
                        expand(Array(pre) + Array(alt) + Array(post), into: &out, limit: limit, depth: depth + 1)
                        if out.count >= limit { return }
                    }
                    return
                }
            }
            k += 1
        }
        out.append(a)
    }

    private static func rebuild(_ a: [Atom]) -> ShWord {
        var parts: [ShPart] = []
        var lit: [UInt8] = []
        for x in a {
            switch x {
            case .ch(let c): lit.append(c)
            case .part(let p):
                if !lit.isEmpty { parts.append(.literal(String(decoding: lit, as: UTF8.self))); lit.removeAll() }
                parts.append(p)
            }
        }
        if !lit.isEmpty { parts.append(.literal(String(decoding: lit, as: UTF8.self))) }
        if parts.isEmpty { parts.append(.literal("")) }
        return ShWord(parts: parts)
    }
}

extension ShParser {
    /// Text with only `$…` / backtick expansions (arithmetic, heredoc-like strings).
    static func expansionWord(_ text: String) -> ShWord? {
        var p = ShParser(text)
        return try? p.readExpansionText()
    }
}

extension String {
    fileprivate func replacingTildesAfterColons(home: String) -> String {
        split(separator: ":", omittingEmptySubsequences: false).map { $0 == "~" || $0.hasPrefix("~/") ? home + $0.dropFirst() : String($0) }.joined(separator: ":")
    }

    fileprivate func replacingAll(_ target: String, with rep: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.shRange(ofLiteral: target) {
            out += rest[..<r.lowerBound]
            out += rep
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension StringProtocol {
    /// First occurrence of a literal substring (stdlib-only).
    func shRange(ofLiteral target: String) -> Range<Index>? {
        guard !target.isEmpty else { return nil }
        let t = Array(target)
        var i = startIndex
        while i < endIndex {
            if self[i] == t[0] {
                var j = i
                var k = 0
                while k < t.count && j < endIndex && self[j] == t[k] {
                    j = index(after: j)
                    k += 1
                }
                if k == t.count { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}
