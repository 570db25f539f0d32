/// Where package managers fetch from: registry and index URLs in config files and options.
/// Plain HTTP (other than loopback) can be tampered with on the way; an extra index on another
/// host invites dependency confusion. HTTPS registries (company mirrors included) are normal.
public enum PackageSources {
    /// Config files that name registries or indexes (base names, or path suffixes with a `/`).
    static let configFiles: Set<String> = [
        ".npmrc", ".yarnrc", ".yarnrc.yml", "pip.conf", "pip.ini", ".pydistutils.cfg", "uv.toml", ".gemrc", "bunfig.toml",
        ".bunfig.toml", ".condarc", "settings.xml", "nuget.config", "NuGet.Config", ".pnpmrc",
    ]
    static let configSuffixes = ["/.cargo/config.toml", "/.cargo/config", "/.bundle/config"]
    /// Keys that set a registry or index (lower-case, matched as substrings of the key).
    static let registryKeys = ["registry", "index-url", "index_url", "extra-index-url", "find-links", "npmregistryserver",
                               "source", "url", "mirror", "channel", "replace-with", "trusted-host"]

    static func isConfigFile(_ path: String) -> Bool {
        configFiles.contains(Paths.baseName(path)) || configSuffixes.contains { path.hasSuffix($0) }
    }

    /// A URL that should not be a package source: plain http to a non-loopback host.
    public static func isInsecureSource(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("git://") || lower.hasPrefix("ftp://") else { return false }
        let hosts = ShURL.hosts(in: url)
        return !hosts.isEmpty && hosts.contains { HostClassifier.classify($0) != .loopback }
    }

    /// Insecure registry URLs (and `trusted-host`, which switches TLS checks off) in a config file's text.
    public static func insecureSettings(in text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).prefix(2000) {
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("#") || line.hasPrefix(";") || line.hasPrefix("//") { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("trusted-host") || lower.hasPrefix("strict-ssl") && lower.contains("false") {
                out.append(line)
                continue
            }
            for token in line.split(whereSeparator: { " \t=\"'<>,[]".contains($0) }) where isInsecureSource(String(token)) {
                out.append(line)
                break
            }
        }
        return out
    }
}
