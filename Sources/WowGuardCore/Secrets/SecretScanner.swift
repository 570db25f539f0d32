/// The secret-detection engine: keyword prefilter (Aho-Corasick) → PCRE2 on the lines where a
/// rule's keyword occurs → entropy, checksum, placeholder and allowlist filters.
///
/// Pure: takes bytes, returns findings. Thread-safe; use one `SecretScanner.Scratch` per thread.
public final class SecretScanner: Sendable {
    /// How far past the keyword's line a multi-line rule may match (private keys and the like).
    static let multilineSpan = 24 * 1024

    struct Compiled: Sendable {
        let rule: SecretRule
        let pattern: LazyPattern
        let allow: [LazyPattern]
    }

    let rules: [Compiled]
    let matcher: KeywordMatcher
    /// keyword id → rule indices
    let keywordRules: [[Int]]
    let keywordLengths: [Int]
    /// Rules without keywords run over the whole input.
    let unconditional: [Int]
    /// Generic key/value rules (judged on extracted pairs, not by their pattern).
    let kvRules: [Int]
    /// keyword id → the keyword anchors key/value extraction
    let keywordIsKV: [Bool]
    public let allowlist: Allowlist
    /// Findings below this confidence are not reported (hooks: the configured blocking level).
    public let minimumConfidence: Confidence

    public var ruleIDs: [String] { rules.map(\.rule.id) }

    /// - Parameter jit: JIT-compile patterns (on for scans; off for the short inputs of the agent hook).
    public init(rules: [SecretRule], allowlist: Allowlist = Allowlist(), jit: Bool = true, minimumConfidence: Confidence = .low) {
        self.rules = rules.map { r in
            Compiled(rule: r, pattern: LazyPattern(r.pattern, jit: jit),
                     allow: r.allowPatterns.map { LazyPattern($0, caseless: true, jit: false) })
        }
        var words: [String] = []
        var index: [String: Int] = [:]
        var map: [[Int]] = []
        var uncond: [Int] = []
        var kv: [Int] = []
        var isKV: [Bool] = []
        for (ri, r) in rules.enumerated() {
            if r.keyValue != nil { kv.append(ri) }
            if r.keywords.isEmpty && r.keyValue == nil { uncond.append(ri); continue }
            // Keywords are lower case (checked for built-in rules, lowered for custom ones).
            for k in r.keywords {
                let id: Int
                if let existing = index[k] { id = existing } else {
                    id = words.count
                    index[k] = id
                    words.append(k)
                    map.append([])
                    isKV.append(false)
                }
                if r.keyValue != nil { isKV[id] = true } else if map[id].last != ri { map[id].append(ri) }
            }
        }
        kvRules = kv
        keywordIsKV = isKV
        self.minimumConfidence = minimumConfidence
        matcher = KeywordMatcher(keywords: words)
        keywordRules = map
        keywordLengths = words.map { $0.utf8.count }
        unconditional = uncond
        self.allowlist = allowlist
    }

    /// Per-thread state.
    public final class Scratch {
        let pcre = PCREScratch(maxGroups: 64)
        var windows: [[Range<Int>]] = []
        var touched: [Int] = []
        var kvHits: [Range<Int>] = []
        var pairs: [KeyValuePair] = []
        public init() {}
    }

    struct RawHit {
        var rule: Int
        var match: Range<Int>
        var secret: Range<Int>
        var confidence: Confidence = .high
    }

    public func scan(_ text: String, path: String) -> [Finding] {
        var t = text
        let scratch = Scratch()
        return t.withUTF8 { scan(UnsafeRawBufferPointer($0), path: path, scratch: scratch) }
    }

    /// Scans one file's bytes. `path` is used for reporting and path allowlists.
    public func scan(_ buf: UnsafeRawBufferPointer, path: String, scratch: Scratch) -> [Finding] {
        if allowlist.allowsPath(path) { return [] }
        let n = buf.count
        if scratch.windows.count < rules.count {
            scratch.windows = Array(repeating: [], count: rules.count)
        }
        scratch.touched.removeAll(keepingCapacity: true)
        scratch.kvHits.removeAll(keepingCapacity: true)

        // 1. Prefilter: collect, per rule, the line windows where one of its keywords occurs.
        matcher.scan(buf) { kw, end in
            let start = end - keywordLengths[kw]
            if keywordIsKV[kw] { scratch.kvHits.append(start..<end) }
            for ri in keywordRules[kw] {
                let last = scratch.windows[ri].last
                if let last, start < last.upperBound { continue }
                let floor = last?.upperBound ?? 0
                var ls = start
                while ls > floor && buf[ls - 1] != 0x0A { ls -= 1 }
                var le = end
                while le < n && buf[le] != 0x0A { le += 1 }
                if rules[ri].rule.multiline { le = min(n, le + SecretScanner.multilineSpan) }
                if let last, ls <= last.upperBound {
                    scratch.windows[ri][scratch.windows[ri].count - 1] = last.lowerBound..<le
                } else {
                    if last == nil { scratch.touched.append(ri) }
                    scratch.windows[ri].append(ls..<le)
                }
            }
        }
        for ri in unconditional {
            scratch.touched.append(ri)
            scratch.windows[ri] = [0..<n]
        }

        // 2. Confirm with each rule's pattern inside its windows.
        var hits: [RawHit] = []
        for ri in scratch.touched {
            let compiled = rules[ri]
            let windows = scratch.windows[ri]
            scratch.windows[ri].removeAll(keepingCapacity: true)
            let pattern = compiled.pattern.get()
            for w in windows {
                var pos = w.lowerBound
                while pos < w.upperBound {
                    guard let groups = pattern.firstMatch(in: buf, from: pos, to: w.upperBound, scratch: scratch.pcre) else { break }
                    let whole = groups[0]
                    pos = whole.upperBound > pos ? whole.upperBound : pos + 1
                    let g = compiled.rule.secretGroup < groups.count ? groups[compiled.rule.secretGroup] : whole
                    guard g.lowerBound >= 0, !g.isEmpty else { continue }
                    var hit = RawHit(rule: ri, match: whole, secret: g)
                    hit.confidence = compiled.rule.confidence
                    hits.append(hit)
                }
            }
        }
        if !scratch.kvHits.isEmpty && !kvRules.isEmpty { keyValueHits(buf, path: path, scratch: scratch, into: &hits) }
        if hits.isEmpty { return [] }

        // 3. Filter, de-duplicate, locate.
        // Rule-level checks first, then de-duplication (a specific rule hides a generic one on the same
        // text), then the project's allowlists: allowlisting the specific finding must not let the
        // generic rule report the same secret.
        var valid: [RawHit] = []
        var rejectedSpecific: [Range<Int>] = []
        for var h in hits {
            switch check(h, buf: buf, scratch: scratch) {
            case .valid:
                if let assess = rules[h.rule].rule.assess { h.confidence = assess(secretText(h, buf)) }
                valid.append(h)
            case .notThisFormat: if !rules[h.rule].rule.generic { rejectedSpecific.append(h.secret) }
            case .tooWeak: break
            }
        }
        // The examples of a custom rule in wow-guard's own configuration trigger that rule by design
        // (the loader checks that they do): they are not findings there.
        if SecretScanner.ownConfigFiles.contains(path.split(separator: "/").last.map(String.init) ?? path) {
            let arrays = SecretScanner.exampleArrays(buf)
            if !arrays.isEmpty { valid.removeAll { h in arrays.contains { $0.overlaps(h.secret) } } }
        }
        // A known format that its own rule rejected (wrong checksum, documented sample, placeholder)
        // is not re-reported by a generic rule.
        if !rejectedSpecific.isEmpty {
            valid.removeAll { h in rules[h.rule].rule.generic && rejectedSpecific.contains { $0.overlaps(h.secret) } }
        }
        // The inline marker is looked for around each finding only if the text holds it at all
        // (files with thousands of findings on one long line would otherwise rescan it per finding).
        let hasMarker = InlineAllow.contains(buf, 0..<n)
        let kept = SecretScanner.dedupe(valid, rules: rules).filter {
            $0.confidence >= minimumConfidence && !isAllowlisted($0, buf: buf, scratch: scratch, inline: hasMarker)
        }
        return locate(kept, buf: buf, path: path)
    }

    /// Child keys of a YAML map that name something other than the parent's secret.
    static let identityKeys: Set<String> = ["user", "username", "login", "name", "email", "mail", "url", "uri", "host",
                                            "hostname", "port", "type", "id", "region", "scope", "scopes", "endpoint", "database",
                                            "db", "path", "file", "enabled", "provider", "description", "desc", "kind", "format",
                                            "algorithm", "alg", "expires", "expiry", "ttl", "issuer", "audience", "subject", "sub",
                                            "clientid", "appid", "tenant", "tenantid", "project", "projectid", "account", "accountid",
                                            "owner", "group", "role", "version", "env", "environment", "label", "server", "domain"]

    static let ownConfigFiles: Set<String> = [".wow-guard.toml", ".wow-guard-baseline.toml"]

    /// Byte ranges of the `examples = [ … ]` and `counter_examples = [ … ]` arrays of a TOML file
    /// (a key at the start of a line; brackets inside basic and literal strings are skipped).
    static func exampleArrays(_ buf: UnsafeRawBufferPointer) -> [Range<Int>] {
        let n = buf.count
        var out: [Range<Int>] = []
        var i = 0
        func skipBlanks(_ j: inout Int) { while j < n && (buf[j] == 0x20 || buf[j] == 0x09) { j += 1 } }
        func matches(_ word: StaticString, at j: Int) -> Bool {
            let len = word.utf8CodeUnitCount
            guard j + len <= n else { return false }
            for k in 0..<len where buf[j + k] != word.utf8Start[k] { return false }
            return true
        }
        while i < n {
            var j = i
            skipBlanks(&j)
            var keyEnd = -1
            if matches("examples", at: j) { keyEnd = j + 8 } else if matches("counter_examples", at: j) { keyEnd = j + 16 }
            if keyEnd >= 0 {
                j = keyEnd
                skipBlanks(&j)
                if j < n && buf[j] == UInt8(ascii: "=") {
                    j += 1
                    skipBlanks(&j)
                    if j < n && buf[j] == UInt8(ascii: "[") {
                        let start = j
                        var depth = 0
                        var quote: UInt8 = 0
                        while j < n {
                            let c = buf[j]
                            if quote != 0 {
                                if c == 0x5C && quote == 0x22 { j += 1 } else if c == quote || c == 0x0A { quote = 0 }
                            } else if c == 0x22 || c == 0x27 { quote = c
                            } else if c == UInt8(ascii: "#") { while j + 1 < n && buf[j + 1] != 0x0A { j += 1 }
                            } else if c == UInt8(ascii: "[") { depth += 1
                            } else if c == UInt8(ascii: "]") { depth -= 1; if depth == 0 { j += 1; break } }
                            j += 1
                        }
                        out.append(start..<j)
                        i = j
                    }
                }
            }
            while i < n && buf[i] != 0x0A { i += 1 }
            i += 1
        }
        return out
    }

    /// The generic rules: key/value pairs around the keyword hits, judged by key semantics and the
    /// value classifier. Each hit costs O(1) (the extractor is bounded), so this is linear in the input.
    private func keyValueHits(_ buf: UnsafeRawBufferPointer, path: String, scratch: Scratch, into hits: inout [RawHit]) {
        // wow-guard's own configuration and baseline hold fingerprints (rule id + hex digest) and
        // commented rule examples: generic pairs there are never credentials (vendor rules still run).
        if SecretScanner.ownConfigFiles.contains(path.split(separator: "/").last.map(String.init) ?? path) { return }
        // Computed on the first pair only: most files with a keyword have no pair to judge.
        var fileKind: FileKind?
        var lastKey = -1 ..< -1
        for hit in scratch.kvHits {
            let key = KeyValueExtractor.keyRange(buf, around: hit)
            if key == lastKey || key.isEmpty { continue }
            lastKey = key
            scratch.pairs.removeAll(keepingCapacity: true)
            KeyValueExtractor.pairs(buf, key: key, into: &scratch.pairs)
            if scratch.pairs.isEmpty { continue }
            guard let meaning = KeySemantics.meaning(of: UnsafeRawBufferPointer(rebasing: buf[key])) else { continue }
            for pair in scratch.pairs {
                var m = meaning
                if let ck = pair.childKey {
                    let child = UnsafeRawBufferPointer(rebasing: buf[ck])
                    if let own = KeySemantics.meaning(of: child) { m = own } else {
                        let ws = KeySemantics.words(child)
                        if ws.contains(where: { SecretScanner.identityKeys.contains($0) || KeySemantics.negativeAfter.contains($0) }) { continue }
                    }
                }
                var value = pair.value
                // `Authorization: Basic …` / `Bearer …` / `Token …`: the credential follows the scheme.
                if m.kind != .password, let skip = SecretScanner.schemePrefix(buf, value) { value = (value.lowerBound + skip)..<value.upperBound }
                if fileKind == nil { fileKind = FileKind.of(path: path) }
                var ctx = PairContext(meaning: m, quoting: pair.quoting, form: pair.form, file: fileKind ?? .unknown, sampleLocation: false)
                ctx.declaration = pair.declaration
                guard !value.isEmpty, let confidence = ValueClassifier.classify(Array(UnsafeRawBufferPointer(rebasing: buf[value])), ctx) else { continue }
                let quoted = pair.quoting != .none
                for ri in kvRules {
                    guard let kvr = rules[ri].rule.keyValue, kvr.kinds.contains(m.kind), kvr.quoted == quoted else { continue }
                    hits.append(RawHit(rule: ri, match: key.lowerBound..<value.upperBound, secret: value, confidence: confidence))
                    break
                }
            }
        }
    }

    /// Length of an HTTP auth scheme (`basic `, `bearer `, `token `, `digest `) at the start of `r`, if any.
    static func schemePrefix(_ buf: UnsafeRawBufferPointer, _ r: Range<Int>) -> Int? {
        for scheme in ["basic ", "bearer ", "token ", "digest "] {
            let s = Array(scheme.utf8)
            guard r.count > s.count + 4 else { continue }
            var ok = true
            for (i, c) in s.enumerated() where (buf[r.lowerBound + i] | 0x20) != c { ok = false; break }
            if ok { var k = s.count; while k < r.count && buf[r.lowerBound + k] == 0x20 { k += 1 }; return k }
        }
        return nil
    }

    private func secretText(_ h: RawHit, _ buf: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buf[h.secret]), as: UTF8.self)
    }

    enum Check { case valid, tooWeak, notThisFormat }

    /// The rule's own checks: entropy (too weak to matter), then checksum, placeholders and rule
    /// allow patterns (a known format that is not a real secret of it).
    private func check(_ h: RawHit, buf: UnsafeRawBufferPointer, scratch: Scratch) -> Check {
        let rule = rules[h.rule].rule
        if let min = rule.minEntropy, Entropy.shannon(UnsafeRawBufferPointer(rebasing: buf[h.secret])) < min { return .tooWeak }
        let secret = secretText(h, buf)
        if let v = rule.validator, !v.accepts(secret) { return rule.generic ? .tooWeak : .notThisFormat }
        if !rule.skipPlaceholderFilter && Placeholders.isPlaceholder(secret) { return .notThisFormat }
        for p in rules[h.rule].allow where p.get().matches(secret, scratch: scratch.pcre) { return .notThisFormat }
        return .valid
    }

    /// The project's and user's allowlists: stopwords, regexes, the inline marker, fingerprints.
    private func isAllowlisted(_ h: RawHit, buf: UnsafeRawBufferPointer, scratch: Scratch, inline: Bool) -> Bool {
        let rule = rules[h.rule].rule
        let secret = secretText(h, buf)
        if !allowlist.stopwords.isEmpty {
            let lower = secret.lowercased()
            if allowlist.stopwords.contains(where: { lower.contains($0) }) { return true }
        }
        for r in allowlist.regexes where r.matches(secret, scratch: scratch.pcre) { return true }
        // Inline marker on the first or last line of the match.
        if inline && InlineAllow.contains(buf, SecretScanner.lineRange(buf, around: h.match.lowerBound)) { return true }
        if inline && h.match.upperBound > h.match.lowerBound,
           InlineAllow.contains(buf, SecretScanner.lineRange(buf, around: h.match.upperBound - 1)) { return true }
        if !allowlist.fingerprints.isEmpty,
           allowlist.fingerprints.contains(Fingerprint.make(ruleID: rule.id, secret: secret)) { return true }
        return false
    }

    /// The line around offset `i`, at most `limit` bytes either side (minified files have
    /// multi-megabyte lines; a marker that far away is not about this secret).
    static func lineRange(_ buf: UnsafeRawBufferPointer, around i: Int, limit: Int = 4096) -> Range<Int> {
        var s = i, e = i
        let lo = max(0, i - limit), hi = min(buf.count, i + limit)
        while s > lo && buf[s - 1] != 0x0A { s -= 1 }
        while e < hi && buf[e] != 0x0A { e += 1 }
        return s..<e
    }

    /// Keeps one finding per secret: a specific rule wins over a generic one on overlapping text;
    /// between equals, the first-registered rule wins.
    static func dedupe(_ hits: [RawHit], rules: [Compiled]) -> [RawHit] {
        let sorted = hits.sorted { a, b in
            let ga = rules[a.rule].rule.generic, gb = rules[b.rule].rule.generic
            if ga != gb { return !ga }
            if a.secret.lowerBound != b.secret.lowerBound { return a.secret.lowerBound < b.secret.lowerBound }
            return a.rule < b.rule
        }
        // Kept secrets in start order, for O(log n) overlap checks (a file may have thousands of findings).
        var kept: [RawHit] = []
        var starts: [RawHit] = []
        for h in sorted {
            var lo = 0, hi = starts.count
            while lo < hi { let mid = (lo + hi) / 2; if starts[mid].secret.lowerBound < h.secret.lowerBound { lo = mid + 1 } else { hi = mid } }
            // Kept ranges do not overlap each other, so only the neighbours can overlap `h`.
            var clash = false
            for k in max(0, lo - 1)..<min(starts.count, lo + 1) where starts[k].secret.overlaps(h.secret) || starts[k].match == h.match { clash = true }
            if clash { continue }
            starts.insert(h, at: lo)
            kept.append(h)
        }
        return kept.sorted { $0.match.lowerBound < $1.match.lowerBound }
    }

    private func locate(_ hits: [RawHit], buf: UnsafeRawBufferPointer, path: String) -> [Finding] {
        var out: [Finding] = []
        out.reserveCapacity(hits.count)
        var line = 1, lineStart = 0, pos = 0
        // Column cursor within the current line, so many findings on one long line cost one pass.
        var colOffset = 0, col = 1
        func advance(to target: Int) {
            while pos < target {
                if buf[pos] == 0x0A { line += 1; lineStart = pos + 1 }
                pos += 1
            }
        }
        func column(_ offset: Int) -> Int {
            if colOffset < lineStart || colOffset > offset { colOffset = lineStart; col = 1 }
            while colOffset < offset { if buf[colOffset] & 0xC0 != 0x80 { col += 1 }; colOffset += 1 }
            return col
        }
        for h in hits {
            let rule = rules[h.rule].rule
            advance(to: h.secret.lowerBound)
            let (l, c) = (line, column(h.secret.lowerBound))
            // End position: scan ahead on a copy of the cursor.
            var endLine = line, endLineStart = lineStart, j = pos
            while j < h.secret.upperBound { if buf[j] == 0x0A { endLine += 1; endLineStart = j + 1 }; j += 1 }
            // Characters from the end line's start (or the secret's start, on a single line) to the end.
            var ec = endLine == line ? c : 1, k = endLine == line ? h.secret.lowerBound : endLineStart
            while k < h.secret.upperBound { if buf[k] & 0xC0 != 0x80 { ec += 1 }; k += 1 }
            let secret = String(decoding: UnsafeRawBufferPointer(rebasing: buf[h.secret]), as: UTF8.self)
            var f = Finding(ruleID: rule.id, description: rule.description, severity: rule.severity, path: path,
                            line: l, column: c, endLine: endLine, endColumn: max(ec - 1, 1), secret: secret)
            f.confidence = h.confidence
            out.append(f)
        }
        return out
    }
}
