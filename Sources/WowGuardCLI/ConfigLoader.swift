import WowGuardCore

/// Finds and merges the user's and the repository's configuration.
enum ConfigLoader {
    static func userConfigPath() -> String? {
        if let xdg = Posix.env("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/wow-guard/config.toml" }
        if let home = Posix.env("HOME"), !home.isEmpty { return home + "/.config/wow-guard/config.toml" }
        return nil
    }

    /// Parses a config file's text; `rules.disable` accepts every rule id the guard can report.
    static func parse(_ text: String, file: String) throws(ConfigError) -> Config {
        try Config.parse(text, file: file, moreRuleIDs: { RuleCatalogView.knownIDs() })
    }

    static func load(file: String) throws -> Config? {
        guard let text = try Posix.readText(file) else { return nil }
        do { return try parse(text, file: file) } catch { throw CLIError(error.description) }
    }

    /// The user's config, then the repository's (or `explicit`) merged over it.
    static func load(root: String, explicit: String?) throws -> Config {
        var config = Config()
        if let user = userConfigPath(), let c = try load(file: user) { config = c }
        if let explicit {
            guard let c = try load(file: explicit) else { throw CLIError("config file not found: \(explicit)") }
            config = c.merged(over: config)
        } else if let c = try load(file: root + "/" + Config.fileName) {
            config = c.merged(over: config)
        }
        return config
    }

    /// The repository's baseline file, if there is one.
    static func baseline(root: String) throws -> Baseline? {
        let path = root + "/" + Baseline.fileName
        guard let text = try Posix.readText(path) else { return nil }
        do { return try Baseline.parse(text, file: path) } catch { throw CLIError(error.description) }
    }
}
