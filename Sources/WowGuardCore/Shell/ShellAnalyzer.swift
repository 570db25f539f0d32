/// The shell-command analyzer: parses a command line (POSIX sh / bash subset), follows wrappers,
/// nested shells, interpreters and pipelines, and applies the rule packs under `Shell/Rules`.
///
/// Pure and thread-safe: no I/O, no global mutable state.
public enum ShellAnalyzer {
    /// Longer inputs are not parsed: `shell.too-large` (ask).
    public static let maxInputBytes = 64 * 1024

    /// Analyse one shell command line (may contain `;`, `&&`, pipes, newlines, heredocs…).
    /// No verdicts means allow; `[Verdict].decision` gives the overall decision.
    public static func analyze(_ command: String, context: ShellContext) -> [Verdict] {
        if command.utf8.count > maxInputBytes {
            return [ShellRules.tooLarge.verdict(String(command.prefix(80)),
                                                reason: "the command is longer than \(maxInputBytes / 1024) KiB and was not analysed")]
        }
        var analysis = ShellAnalysis(context: context)
        var env = analysis.initialEnv()
        _ = analysis.analyzeScript(TextSafety.boundingCombiningRuns(command), &env, 0)
        analysis.finish(&env)
        return analysis.verdicts
    }
}

extension ShellAnalyzer {
    /// Code in a file an agent writes (`src/x.py`, a notebook cell): what running it would do,
    /// judged by the interpreter analysis. Code that merely *mentions* a credential path (tests,
    /// path checks) or starts processes from variables is normal in source files: only code that
    /// also talks to the network counts for credentials, and run-time commands are not asked about.
    public static func analyzeWrittenCode(_ code: String, language: String, context: ShellContext) -> [Verdict] {
        guard code.utf8.count <= maxInputBytes * 4, let lang = ShLang(rawValue: language) else { return [] }
        var analysis = ShellAnalysis(context: context)
        analysis.writtenCode = true
        var env = analysis.initialEnv()
        if lang == .shell {
            _ = analysis.analyzeScript(TextSafety.boundingCombiningRuns(code), &env, 0)
        } else {
            analysis.analyzeInline(TextSafety.boundingCombiningRuns(code), lang, extra: "", subject: ShText.display(code, limit: 80), &env, 0)
        }
        let lower = code.lowercased()
        let talks = ShInline.fetchMarkers.contains { lower.contains($0) } || ShInline.netMarkers.contains { lower.contains($0) }
            || lower.contains("smtplib") || lower.contains("requests.") || lower.contains("net::http")
        return analysis.verdicts.filter { v in
            if v.ruleID == CredentialRules.inline.id { return talks }
            // Source files read their API keys from the environment and call URLs from configuration.
            if v.ruleID == ExfiltrationRules.secretVariable.id { return analysis.secretToSuspiciousHost }
            return v.ruleID != ShellRules.dynamicCode.id && v.ruleID != ShellRules.dynamicCommand.id && v.ruleID != ShellRules.unparseable.id
                && v.ruleID != CredentialRules.maybe.id
        }
    }

    /// The interpreter language of a source file, by name (nil: not code this analysis reads).
    public static func language(ofPath path: String) -> String? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if name == "rakefile" || name == "gemfile" { return ShLang.ruby.rawValue }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "py", "pyw", "pyi": return ShLang.python.rawValue
        case "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "tsx": return ShLang.node.rawValue
        case "rb", "rake", "gemspec": return ShLang.ruby.rawValue
        case "pl", "pm", "t": return ShLang.perl.rawValue
        case "php": return ShLang.php.rawValue
        case "lua": return ShLang.lua.rawValue
        case "awk": return ShLang.awk.rawValue
        default: return nil
        }
    }
}
