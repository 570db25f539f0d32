/// How a value was written.
public enum ValueQuoting: UInt8, Sendable {
    /// Bare (`.env`, YAML, INI, properties, shell, command-line flags).
    case none
    /// `'…'`, `"…"` or `` `…` `` (code, JSON, quoted YAML/TOML).
    case quoted
    /// `\"…\"`: a string inside a string that holds escaped JSON.
    case escaped
}

/// The syntactic form a key/value pair was found in.
public enum PairForm: UInt8, Sendable {
    /// `key = v`, `key: v`, `key := v`, `key => v`, `"key": v`, `key: Type = v`, `("key", v)`.
    case assignment
    /// `--key v`, `--key=v`, `-key v` (shell, Dockerfile, CI).
    case flag
    /// `<key>v</key>`.
    case element
    /// `key v` (netrc, nginx, SQL `PASSWORD 'v'`): a key at the start of its statement, then whitespace.
    case spaced
    /// `f("key", "v")`: a string key and a string value as the first two arguments of a call.
    case argument
    /// `?key=v&…`: a URL query or form body (a literal even inside code).
    case query
    /// An item of a list or map under the key (`key: [a, b]`, `key:\n  - a`, `key:\n  name: a`).
    case nested
}

/// What kind of file a pair is in: decides whether a bare value is a literal (configuration) or an
/// expression (code), and whether the text is documentation.
public enum FileKind: UInt8, Sendable {
    case code, config, shell, docs, unknown

    /// From the path's extension or base name.
    public static func of(path: String) -> FileKind {
        var base = Substring(path)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        let lower = base.lowercased()
        if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower == "makefile" || lower == "jenkinsfile"
            || lower == "procfile" { return .shell }
        if lower.hasPrefix(".env") || lower.hasSuffix(".env") || lower == ".netrc" || lower == ".npmrc" || lower == ".pypirc" {
            return .config
        }
        guard let dot = lower.lastIndex(of: ".") else { return .unknown }
        return extensions[String(lower[lower.index(after: dot)...])] ?? .unknown
    }

    static let extensions: [String: FileKind] = {
        var m: [String: FileKind] = [:]
        for e in ["swift", "py", "js", "jsx", "ts", "tsx", "mjs", "cjs", "go", "java", "kt", "kts", "scala", "rb", "rs",
                  "c", "h", "cc", "cpp", "hpp", "cxx", "m", "mm", "cs", "php", "dart", "lua", "pl", "groovy", "gradle",
                  "ex", "exs", "erl", "clj", "r", "jl", "vue", "svelte", "fs", "vb"] { m[e] = .code }
        for e in ["env", "ini", "cfg", "conf", "properties", "toml", "yaml", "yml", "json", "xml", "plist", "config",
                  "tf", "tfvars", "hcl", "cnf", "neon", "json5", "jsonc", "tpl", "j2", "erb", "pbxproj", "sample", "dist",
                  "example", "local", "secret", "secrets", "credentials"] { m[e] = .config }
        for e in ["sh", "bash", "zsh", "ksh", "fish", "ps1", "psm1", "bat", "cmd", "mk", "dockerfile"] { m[e] = .shell }
        for e in ["md", "markdown", "rst", "adoc", "asciidoc", "html", "htm", "ipynb", "tex", "org"] { m[e] = .docs }
        return m
    }()
}

/// One key/value pair: byte ranges into the scanned buffer.
public struct KeyValuePair: Sendable, Equatable {
    /// The key name as written, without quotes or leading dashes (`DB_PASSWORD`, `spring.datasource.password`).
    public var key: Range<Int>
    /// For `.nested` pairs: the child key (`github` in `tokens:\n  github: …`), if any.
    public var childKey: Range<Int>?
    public var value: Range<Int>
    public var quoting: ValueQuoting
    public var form: PairForm
    /// The statement is a declaration in code (`let`, `var`, `const`, `val`, …): a bare value is an expression.
    public var declaration: Bool = false
}

/// The key/value extractor under the generic secret rules.
///
/// Anchored at a keyword occurrence (the prefilter's hits: `pass`, `secret`, `token`, `key"`, …), it
/// widens the keyword to the whole key name, recognises the syntax around it — env/INI/properties/TOML
/// assignments, YAML maps, lists, block scalars and flow style, JSON (also escaped JSON inside a
/// string), XML elements and attributes, source-code assignments, dictionary literals, named
/// arguments and struct fields, `("key", value)` calls, command-line flags, `Header: value` — and
/// returns the pairs whose key holds the keyword. Rules then judge pairs (key semantics, value
/// classifier), not lines.
///
/// Bounded: a key is at most `maxKey` bytes either side of the keyword, a value at most `maxValue`
/// bytes, a flow list at most `maxListItems` items, and nested YAML is read for at most `maxNested`
/// lines of at most `maxValue` bytes each; every hit therefore costs O(1) and a scan is linear in its
/// input whatever the input is. No backtracking, no recursion.
public enum KeyValueExtractor {
    static let maxKey = 64
    static let maxValue = 1024
    static let maxListItems = 16
    static let maxNested = 12

    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E
    }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isQuote(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x60 }

    /// The key name around a keyword occurrence at `hit`: identifier-ish bytes (letters, digits, `_`,
    /// `-`, `.`) either side, at most `maxKey` each way. Leading dashes and dots are trimmed.
    public static func keyRange(_ buf: UnsafeRawBufferPointer, around hit: Range<Int>) -> Range<Int> {
        var s = hit.lowerBound, e = hit.lowerBound
        let lo = max(0, s - maxKey), hi = min(buf.count, hit.upperBound + maxKey)
        while s > lo && isKeyByte(buf[s - 1]) { s -= 1 }
        while e < hi && isKeyByte(buf[e]) { e += 1 }
        while s < e && (buf[s] == 0x2D || buf[s] == 0x2E) { s += 1 }
        while e > s && (buf[e - 1] == 0x2E || buf[e - 1] == 0x2D) { e -= 1 }
        return s..<e
    }

    /// Appends the pairs whose key is `key` (from `keyRange`) to `out`.
    public static func pairs(_ buf: UnsafeRawBufferPointer, key: Range<Int>, into out: inout [KeyValuePair]) {
        let n = buf.count
        guard !key.isEmpty else { return }
        // What precedes the key on its line.
        var b = key.lowerBound
        var dashes = 0
        while b > 0 && buf[b - 1] == 0x2D && dashes < 2 { b -= 1; dashes += 1 }
        let before: UInt8 = b > 0 ? buf[b - 1] : 0x0A
        var keyQuote: UInt8 = 0
        var escapedKey = false
        if isQuote(before) {
            keyQuote = before
            if b >= 2 && buf[b - 2] == 0x5C { escapedKey = true }
        }
        var ls = b
        while ls > 0 && buf[ls - 1] != 0x0A && b - ls < 256 { ls -= 1 }
        var atStatementStart = true
        let stmt = skipCommandWord(buf, ls..<b)
        for i in stmt..<b where !isSpace(buf[i]) && buf[i] != 0x2D && !isQuote(buf[i]) { atStatementStart = false; break }
        let declaration = !atStatementStart && startsWithDeclaration(buf, ls..<b)
        let first = out.count
        defer { if declaration { for i in first..<out.count { out[i].declaration = true } } }
        // name="password" value="…", key: DB_PASSWORD / value: … (XML config, Kubernetes env lists).
        if keyQuote != 0 || atStatementStart == false, let named = namedValue(buf, key: key, keyStart: b, lineStart: ls) {
            out.append(named)
            return
        }

        var p = key.upperBound
        // <key>value</key>
        if before == 0x3C, p < n, buf[p] == 0x3E {
            let vs = p + 1
            var ve = vs
            while ve < n && ve - vs < maxValue && buf[ve] != 0x3C && buf[ve] != 0x0A { ve += 1 }
            guard ve + 1 < n, buf[ve + 1] == 0x2F else { return }  // a closing tag must follow
            let t = trim(buf, vs..<ve)
            if !t.isEmpty { out.append(KeyValuePair(key: key, value: t, quoting: .none, form: .element)) }
            return
        }
        // Closing quote of a quoted key (`"key"`, `\"key\"`, `['key']`).
        if keyQuote != 0 {
            if escapedKey, p + 1 < n, buf[p] == 0x5C, buf[p + 1] == keyQuote { p += 2 }
            else if p < n, buf[p] == keyQuote { p += 1 }
            else { keyQuote = 0 }  // `'access_token=…&…'`: a quote opened a string the key starts
            if keyQuote != 0 && p < n && buf[p] == 0x5D { p += 1 }
        } else if p < n && buf[p] == 0x5D {
            p += 1  // ENV[KEY] = …
        }
        let afterKey = p
        while p < n && isSpace(buf[p]) { p += 1 }
        guard p < n else { return }
        var form = PairForm.assignment
        let c = buf[p]
        let next: UInt8 = p + 1 < n ? buf[p + 1] : 0
        switch c {
        case 0x3D:  // =, =>, but not ==, =~
            if next == 0x3D || next == 0x7E { return }
            p += next == 0x3E ? 2 : 1
        case 0x3A:  // :, := but not ::
            if next == 0x3A { return }
            // `… in the password: x` — a key after a word and a space is prose, not a map or an argument.
            if keyQuote == 0 && b >= 2 && isSpace(buf[b - 1]) && isKeyByte(buf[b - 2]) && buf[b - 2] != 0x2D && !startsWithDeclaration(buf, ls..<b) {
                var w = b - 1
                while w > ls && isSpace(buf[w - 1]) { w -= 1 }
                if w > ls && ((buf[w - 1] | 0x20) >= 0x61 && (buf[w - 1] | 0x20) <= 0x7A) { return }
            }
            // An unquoted `key:value` with no space is prose or a URL (`poly1305 key:1048…`), not YAML —
            // unless it starts the line (an HTTP header: `x-amz-security-token:…`).
            if keyQuote == 0 && !atStatementStart && next != 0x20 && next != 0x09 && next != 0x0A && next != 0x0D && next != 0x3D && next != 0x22 && next != 0x27 { return }
            p += next == 0x3D ? 2 : 1
            // `key: Type = value` (Swift, Kotlin, TypeScript, Python annotations).
            var q = p
            while q < n && isSpace(buf[q]) { q += 1 }
            var t = q
            while t < n && t - q < 40 && (isKeyByte(buf[t]) || buf[t] == 0x3F || buf[t] == 0x21 || buf[t] == 0x5B || buf[t] == 0x5D || buf[t] == 0x7C) { t += 1 }
            if t > q && q < n && ((buf[q] >= 0x41 && buf[q] <= 0x5A) || (buf[q] >= 0x61 && buf[q] <= 0x7A)) {
                var u = t
                while u < n && isSpace(buf[u]) { u += 1 }
                if u < n && buf[u] == 0x3D && (u + 1 >= n || buf[u + 1] != 0x3D) { p = u + 1 }
            }
        case 0x3F where next == 0x3D:  // ?= (Makefile)
            p += 2
        case 0x2C where keyQuote != 0:  // f("key", "value") — put/setenv/header calls; not lists of names
            var q = p + 1
            while q < n && isSpace(buf[q]) { q += 1 }
            guard q < n, isQuote(buf[q]) else { return }
            var o = b - 1
            while o > ls && isSpace(buf[o - 1]) { o -= 1 }
            // `f("key", "v")`, or a flag and its value in an argument list: `["--api-token", "v"]`.
            guard o > ls, buf[o - 1] == 0x28 || dashes > 0 else { return }
            form = .argument
            p += 1
        case 0x28 where keyQuote == 0:  // setPassword("value"), set_api_key("value"); other calls are not pairs
            guard isSetter(buf, key) else { return }
            p += 1
        default:
            // `--key value`, `key value` at a statement start (netrc, nginx, SQL `PASSWORD 'x'`).
            guard p > afterKey else { return }
            if dashes > 0 { form = .flag }
            else if atStatementStart || isQuote(c) { form = .spaced }
            else { return }
        }
        if dashes > 0 && form == .assignment { form = .flag }
        if form == .assignment && c == 0x3D && (before == 0x3F || before == 0x26) { form = .query }
        while p < n && isSpace(buf[p]) { p += 1 }
        guard p < n else { return }
        value(buf, at: p, key: key, form: form, lineStart: ls, into: &out)
    }

    /// Reads the value that starts at `p`.
    static func value(_ buf: UnsafeRawBufferPointer, at start: Int, key: Range<Int>, form: PairForm, lineStart: Int,
                      into out: inout [KeyValuePair]) {
        let n = buf.count
        var p = start
        // String prefixes: b"", r"", u"", @"", br"" (f"" and $"" are templates: kept, judged as such).
        var pre = 0
        while pre < 2 && p + pre < n && (buf[p + pre] == 0x62 || buf[p + pre] == 0x72 || buf[p + pre] == 0x75 || buf[p + pre] == 0x40 || buf[p + pre] == 0x42 || buf[p + pre] == 0x52) { pre += 1 }
        if pre > 0 && p + pre < n && isQuote(buf[p + pre]) { p += pre }
        let c = buf[p]
        if c == 0x5C, p + 1 < n, buf[p + 1] == 0x22 {  // \"value\"
            if let r = escapedString(buf, from: p + 2) { out.append(KeyValuePair(key: key, value: r, quoting: .escaped, form: form)) }
            return
        }
        if isQuote(c) {
            if let r = quotedString(buf, from: p + 1, quote: c) { out.append(KeyValuePair(key: key, value: r, quoting: .quoted, form: form)) }
            return
        }
        if c == 0x5B {  // [a, "b", …] — YAML flow list, array literal (not a type: `[Type]::new()`)
            var q = p + 1
            while q < n && q - p < 200 && buf[q] != 0x5D && buf[q] != 0x0A { q += 1 }
            if q + 1 < n && buf[q] == 0x5D && buf[q + 1] == 0x3A { return }
            list(buf, from: p + 1, key: key, into: &out)
            return
        }
        if c == 0x7C || c == 0x3E {  // YAML block scalar: the value is the next line
            var q = p + 1
            while q < n && buf[q] != 0x0A { q += 1 }
            if q < n {
                let lineEnd = endOfLine(buf, from: q + 1)
                let t = trim(buf, (q + 1)..<lineEnd)
                if !t.isEmpty { out.append(KeyValuePair(key: key, value: t, quoting: .none, form: .nested)) }
            }
            return
        }
        if c == 0x0A || c == 0x0D || c == 0x23 {  // nothing on the line: a YAML map or list below
            nested(buf, keyLineStart: lineStart, key: key, from: p, into: &out)
            return
        }
        if c == 0x7B || c == 0x28 || c == 0x3B || c == 0x2C || c == 0x29 || c == 0x7D { return }
        // Bare value: up to whitespace or a delimiter.
        var e = p
        while e < n && e - p < maxValue {
            let b = buf[e]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2C || b == 0x3B || b == 0x22 || b == 0x27
                || b == 0x60 || b == 0x29 || b == 0x7D || b == 0x5D || b == 0x3C || b == 0x3E || b == 0x26 { break }
            e += 1
        }
        if e > p {
            let f = form == .assignment && e < n && buf[e] == 0x26 && buf[p - 1] == 0x3D ? PairForm.query : form
            out.append(KeyValuePair(key: key, value: p..<e, quoting: .none, form: f))
        }
    }

    static let declarationWords: [[UInt8]] = ["let", "var", "const", "val", "final", "auto", "private", "public", "static",
                                              "internal", "fileprivate", "readonly", "my", "local", "dim", "def", "fun", "func",
                                              "protected", "lazy", "override"].map { Array($0.utf8) }

    static let commandWords: [[UInt8]] = ["ENV", "ARG", "export", "set", "SET", "setx", "setenv", "readonly", "declare"].map { Array($0.utf8) }

    /// After `ENV `, `ARG `, `export `, `set `: where the assignment's statement really starts.
    static func skipCommandWord(_ buf: UnsafeRawBufferPointer, _ r: Range<Int>) -> Int {
        var i = r.lowerBound
        while i < r.upperBound && isSpace(buf[i]) { i += 1 }
        var e = i
        while e < r.upperBound && ((buf[e] | 0x20) >= 0x61 && (buf[e] | 0x20) <= 0x7A) { e += 1 }
        guard e > i, e < r.upperBound, isSpace(buf[e]) else { return r.lowerBound }
        return commandWords.contains(Array(UnsafeRawBufferPointer(rebasing: buf[i..<e]))) ? e : r.lowerBound
    }

    /// The line before the key starts with a declaration keyword.
    static func startsWithDeclaration(_ buf: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound && isSpace(buf[i]) { i += 1 }
        var e = i
        while e < r.upperBound && buf[e] >= 0x61 && buf[e] <= 0x7A { e += 1 }
        guard e > i, e < r.upperBound, isSpace(buf[e]) else { return false }
        let w = Array(UnsafeRawBufferPointer(rebasing: buf[i..<e]))
        return declarationWords.contains(w)
    }

    /// `setPassword(`, `set_api_key(`, `withToken(`: the last dotted segment starts with `set`/`with`.
    static func isSetter(_ buf: UnsafeRawBufferPointer, _ key: Range<Int>) -> Bool {
        var s = key.upperBound
        while s > key.lowerBound && buf[s - 1] != 0x2E { s -= 1 }
        for prefix in [[UInt8]("set".utf8), [UInt8]("with".utf8)] {
            let e = s + prefix.count
            guard e < key.upperBound else { continue }
            if Array(UnsafeRawBufferPointer(rebasing: buf[s..<e])) == prefix, buf[e] == 0x5F || (buf[e] >= 0x41 && buf[e] <= 0x5A) { return true }
        }
        return false
    }

    /// The key is the *value* of a `name`/`key` attribute or field and a `value` follows:
    /// `<property name="password" value="…"/>`, `<add key="ApiKey" value="…"/>`,
    /// `- name: DB_PASSWORD` + `  value: …`, `{"name": "token", "value": "…"}`.
    static func namedValue(_ buf: UnsafeRawBufferPointer, key: Range<Int>, keyStart: Int, lineStart: Int) -> KeyValuePair? {
        let n = buf.count
        var i = keyStart
        if i > lineStart && isQuote(buf[i - 1]) { i -= 1 }
        while i > lineStart && isSpace(buf[i - 1]) { i -= 1 }
        guard i > lineStart, buf[i - 1] == 0x3D || buf[i - 1] == 0x3A else { return nil }
        i -= 1
        while i > lineStart && isSpace(buf[i - 1]) { i -= 1 }
        if i > lineStart && isQuote(buf[i - 1]) { i -= 1 }
        var w = i
        while w > lineStart && w > i - 8 && ((buf[w - 1] | 0x20) >= 0x61 && (buf[w - 1] | 0x20) <= 0x7A) { w -= 1 }
        let word = String(decoding: UnsafeRawBufferPointer(rebasing: buf[w..<i]), as: UTF8.self).lowercased()
        guard word == "name" || word == "key" || word == "id" else { return nil }
        // Look for `value` after the key: on the same line, or at the start of the next line.
        var p = key.upperBound
        var lines = 0
        while p + 5 < n && p - key.upperBound < 300 {
            if buf[p] == 0x0A { lines += 1; if lines > 1 { return nil } }
            if (buf[p] | 0x20) == 0x76, (buf[p + 1] | 0x20) == 0x61, (buf[p + 2] | 0x20) == 0x6C, (buf[p + 3] | 0x20) == 0x75,
               (buf[p + 4] | 0x20) == 0x65, p == 0 || !isKeyByte(buf[p - 1]), !isKeyByte(buf[p + 5]) {
                var q = p + 5
                if q < n && isQuote(buf[q]) { q += 1 }
                while q < n && isSpace(buf[q]) { q += 1 }
                guard q < n, buf[q] == 0x3D || buf[q] == 0x3A else { return nil }
                q += 1
                while q < n && isSpace(buf[q]) { q += 1 }
                guard q < n else { return nil }
                if isQuote(buf[q]) {
                    guard let r = quotedString(buf, from: q + 1, quote: buf[q]) else { return nil }
                    return KeyValuePair(key: key, value: r, quoting: .quoted, form: .assignment)
                }
                let e = endOfLine(buf, from: q)
                var t = trim(buf, q..<e)
                var j = t.lowerBound
                while j < t.upperBound && !isSpace(buf[j]) && buf[j] != 0x2C && buf[j] != 0x7D && buf[j] != 0x2F && buf[j] != 0x3E { j += 1 }
                t = t.lowerBound..<j
                return t.isEmpty ? nil : KeyValuePair(key: key, value: t, quoting: .none, form: .assignment)
            }
            p += 1
        }
        return nil
    }

    static func quotedString(_ buf: UnsafeRawBufferPointer, from s: Int, quote: UInt8) -> Range<Int>? {
        var e = s
        let n = buf.count
        while e < n && e - s < maxValue {
            let b = buf[e]
            if b == quote { return s..<e }
            if b == 0x0A { return nil }
            if b == 0x5C { e += 2; continue }
            e += 1
        }
        return nil
    }

    static func escapedString(_ buf: UnsafeRawBufferPointer, from s: Int) -> Range<Int>? {
        var e = s
        let n = buf.count
        while e + 1 < n && e - s < maxValue {
            if buf[e] == 0x5C {
                if buf[e + 1] == 0x22 { return s..<e }
                e += 2; continue
            }
            if buf[e] == 0x0A || buf[e] == 0x22 { return nil }
            e += 1
        }
        return nil
    }

    static func list(_ buf: UnsafeRawBufferPointer, from s: Int, key: Range<Int>, into out: inout [KeyValuePair]) {
        let n = buf.count
        var p = s
        var items = 0
        while p < n && p - s < maxValue && items < maxListItems {
            while p < n && (isSpace(buf[p]) || buf[p] == 0x2C) { p += 1 }
            guard p < n, buf[p] != 0x5D, buf[p] != 0x0A else { return }
            let c = buf[p]
            if isQuote(c) {
                guard let r = quotedString(buf, from: p + 1, quote: c) else { return }
                out.append(KeyValuePair(key: key, value: r, quoting: .quoted, form: .nested))
                p = r.upperBound + 1
            } else {
                var e = p
                while e < n && e - p < maxValue && buf[e] != 0x2C && buf[e] != 0x5D && buf[e] != 0x0A && !isSpace(buf[e]) { e += 1 }
                if buf[p] == 0x5B || buf[p] == 0x7B { return }
                out.append(KeyValuePair(key: key, value: p..<e, quoting: .none, form: .nested))
                p = e
            }
            items += 1
        }
    }

    /// `key:` ending its line, then more-indented `- item` or `child: value` lines.
    static func nested(_ buf: UnsafeRawBufferPointer, keyLineStart: Int, key: Range<Int>, from: Int, into out: inout [KeyValuePair]) {
        let n = buf.count
        var indent = 0
        while keyLineStart + indent < n && isSpace(buf[keyLineStart + indent]) { indent += 1 }
        var p = from
        while p < n && buf[p] != 0x0A { p += 1 }
        var lines = 0
        while p < n && lines < maxNested {
            let ls = p + 1
            let le = endOfLine(buf, from: ls)
            p = le
            lines += 1
            var i = ls
            while i < le && isSpace(buf[i]) { i += 1 }
            if i == le { continue }
            if i - ls <= indent && buf[i] != 0x2D { return }
            if i - ls < indent { return }
            if buf[i] == 0x23 { continue }
            if buf[i] == 0x2D {  // - item
                var v = i + 1
                while v < le && isSpace(buf[v]) { v += 1 }
                guard v < le else { continue }
                if isQuote(buf[v]) {
                    if let r = quotedString(buf, from: v + 1, quote: buf[v]) { out.append(KeyValuePair(key: key, value: r, quoting: .quoted, form: .nested)) }
                } else {
                    let t = trim(buf, v..<le)
                    // `- name: value` is a map in a list: its own keys speak for themselves.
                    if !t.isEmpty && !containsMapColon(buf, t) { out.append(KeyValuePair(key: key, value: t, quoting: .none, form: .nested)) }
                }
                continue
            }
            if i - ls <= indent { return }
            // child: value
            var k = i
            while k < le && k - i < maxKey && isKeyByte(buf[k]) { k += 1 }
            guard k > i, k < le, buf[k] == 0x3A else { continue }
            var v = k + 1
            while v < le && isSpace(buf[v]) { v += 1 }
            guard v < le else { continue }
            if isQuote(buf[v]) {
                if let r = quotedString(buf, from: v + 1, quote: buf[v]) { out.append(KeyValuePair(key: key, childKey: i..<k, value: r, quoting: .quoted, form: .nested)) }
            } else {
                let t = trim(buf, v..<le)
                if !t.isEmpty { out.append(KeyValuePair(key: key, childKey: i..<k, value: t, quoting: .none, form: .nested)) }
            }
        }
    }

    static func containsMapColon(_ buf: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        for i in r where buf[i] == 0x3A && (i + 1 == r.upperBound || isSpace(buf[i + 1])) { return true }
        return false
    }

    static func endOfLine(_ buf: UnsafeRawBufferPointer, from s: Int) -> Int {
        var e = s
        while e < buf.count && buf[e] != 0x0A && e - s < maxValue { e += 1 }
        return e
    }

    /// Trims whitespace, a trailing ` # comment` and a trailing `\r`.
    static func trim(_ buf: UnsafeRawBufferPointer, _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = r.upperBound
        while s < e && isSpace(buf[s]) { s += 1 }
        var i = s
        while i < e {
            if buf[i] == 0x23 && i > s && isSpace(buf[i - 1]) { e = i; break }
            i += 1
        }
        while e > s && (isSpace(buf[e - 1]) || buf[e - 1] == 0x0D) { e -= 1 }
        return s..<e
    }
}
