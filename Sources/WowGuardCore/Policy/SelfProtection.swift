/// The files that switch the guard (or an agent's hooks) off: an agent must not write them.
/// Reading them is fine.
public enum SelfProtection {
    /// Project-relative or home-relative paths (suffix match on whole path components).
    static let protectedSuffixes: [String] = [
        ".wow-guard.toml", ".claude/settings.json", ".claude/settings.local.json", ".codex/hooks.json", ".codex/config.toml",
        ".gemini/settings.json", ".cursor/hooks.json", ".windsurf/hooks.json", ".codeium/windsurf/hooks.json",
        ".config/wow-guard/config.toml",
    ]

    public static func writeVerdicts(_ rawPath: String) -> [Verdict] {
        // Case-insensitive: macOS and Windows file systems are, and `.Claude/Settings.json` is the same file there.
        let path = rawPath.lowercased()
        for s in protectedSuffixes where path == "/" + s || path.hasSuffix("/" + s) {
            return [Verdict(ruleID: "self.guard-config", decision: .deny,
                            reason: "changes \(s), which configures wow-guard or the agent's hooks; a person must edit it", subject: path)]
        }
        if path.contains("/.github/hooks/") && path.hasSuffix(".json") {
            return [Verdict(ruleID: "self.guard-config", decision: .deny, reason: "changes the Copilot hook configuration", subject: path)]
        }
        if path.contains("/.git/hooks/") || path.hasSuffix("/.git/hooks") {
            return [Verdict(ruleID: "self.git-hooks", decision: .deny, reason: "changes git hooks (\(Paths.baseName(path))), which run the pre-commit guard", subject: path)]
        }
        if path.hasSuffix("/.git/config") || path.contains("/.git/worktrees/") && path.hasSuffix("/config") {
            return [Verdict(ruleID: "self.git-config", decision: .deny, reason: "edits .git/config (core.hooksPath could switch the hooks off)", subject: path)]
        }
        return []
    }
}
