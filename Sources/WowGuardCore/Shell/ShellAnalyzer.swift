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
