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
            return [SelfProtectionRules.guardConfig.verdict(path, reason: "changes \(s), which configures wow-guard or the agent's hooks; a person must edit it")]
        }
        if path.contains("/.github/hooks/") && path.hasSuffix(".json") {
            return [SelfProtectionRules.guardConfig.verdict(path, reason: "changes the Copilot hook configuration")]
        }
        if path.contains("/.git/hooks/") || path.hasSuffix("/.git/hooks") {
            return [SelfProtectionRules.gitHooks.verdict(path, reason: "changes git hooks (\(Paths.baseName(path))), which run the pre-commit guard")]
        }
        if path.hasSuffix("/.git/config") || path.contains("/.git/worktrees/") && path.hasSuffix("/config") {
            return [SelfProtectionRules.gitConfig.verdict(path, reason: "edits .git/config (core.hooksPath could switch the hooks off)")]
        }
        return []
    }
}
