/// What reading or writing a path means: credential stores, private keys, system directories,
/// persistence points (shell start-up files, `authorized_keys`, crontabs, services).
public enum PathPolicy {
    /// Home-relative credential stores: reading them hands secrets to the agent.
    static let homeCredentialPaths: [String] = [
        ".aws/credentials", ".aws/sso/cache", ".aws/cli/cache", ".kube/config", ".docker/config.json",
        ".config/gcloud/credentials.db", ".config/gcloud/access_tokens.db", ".config/gcloud/legacy_credentials",
        ".config/gcloud/application_default_credentials.json", ".azure/accessTokens.json", ".azure/msal_token_cache.json",
        ".azure/msal_token_cache.bin", ".netrc", "_netrc", ".git-credentials", ".npmrc", ".pypirc", ".gem/credentials",
        ".config/gh/hosts.yml", ".terraform.d/credentials.tfrc.json", ".vault-token", ".password-store", ".gnupg",
        ".config/hub", ".cargo/credentials", ".cargo/credentials.toml", ".m2/settings-security.xml", ".pgpass",
        ".my.cnf", ".config/op", ".op", "Library/Keychains", ".local/share/keyrings", ".config/rclone/rclone.conf",
        ".s3cfg", ".boto", ".oci/config", ".config/doctl/config.yaml", ".fly/config.yml", ".config/heroku", ".netlify/config.json",
        ".config/netlify/config.json", ".vercel/auth.json", ".config/configstore/firebase-tools.json", ".wrangler/config",
        ".claude/.credentials.json", ".codex/auth.json", ".config/github-copilot/hosts.json", ".config/github-copilot/apps.json",
    ]

    static let systemSecretFiles: [String] = ["/etc/shadow", "/etc/gshadow", "/etc/master.passwd", "/etc/sudoers", "/private/etc/master.passwd"]

    static let privateKeyNames: Set<String> = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity"]
    static let keyFileExtensions: [String] = [".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".p8", ".kdbx", ".asc", ".gpg", ".age"]

    /// Reading `path` (absolute, normalised).
    public static func readVerdicts(_ path: String, context: GuardContext) -> [Verdict] {
        let name = Paths.baseName(path)
        if systemSecretFiles.contains(path) {
            return [PolicyRules.systemSecrets.verdict(path, reason: "reads \(path), which holds password hashes")]
        }
        if path.hasPrefix("/proc/"), name == "environ" || path.hasSuffix("/environ") {
            return [PolicyRules.processEnvironment.verdict(path, reason: "reads a process environment (\(path)), which holds tokens and keys")]
        }
        if path.hasPrefix("/run/secrets/") || path.hasPrefix("/var/run/secrets/") || path.hasPrefix("/etc/ssl/private/")
            || path.hasPrefix("/etc/ssh/ssh_host_") && path.hasSuffix("_key") {
            return [PolicyRules.systemSecrets.verdict(path, reason: "reads a host or container secret (\(path))")]
        }
        if isSSHPrivateKey(path) {
            return [PolicyRules.sshPrivateKey.verdict(path, reason: "reads an SSH private key (\(path))")]
        }
        if let store = homeCredentialStore(path, context: context) {
            return [PolicyRules.credentialStore.verdict(path, reason: "reads the credential store ~/\(store)")]
        }
        let lower = name.lowercased()
        if privateKeyNames.contains(lower) || keyFileExtensions.contains(where: { lower.hasSuffix($0) }) && !lower.hasSuffix(".pub.asc") {
            return [PolicyRules.keyFile.verdict(path, reason: "reads what looks like a private key or keystore (\(name))")]
        }
        if isDotEnv(lower) {
            return [PolicyRules.dotenv.verdict(path, reason: "reads \(name), which usually holds the project's secrets")]
        }
        return []
    }

    static func isDotEnv(_ lowerName: String) -> Bool {
        guard lowerName == ".env" || lowerName.hasPrefix(".env.") || lowerName.hasSuffix(".env") else { return false }
        for harmless in ["example", "sample", "template", "dist", "defaults", "schema"] where lowerName.contains(harmless) { return false }
        return true
    }

    static func isSSHPrivateKey(_ path: String) -> Bool {
        guard path.contains("/.ssh/") else { return false }
        let name = Paths.baseName(path)
        if name.hasSuffix(".pub") || name == "known_hosts" || name == "known_hosts.old" || name == "config" || name == "authorized_keys" { return false }
        return privateKeyNames.contains(name) || name.hasPrefix("id_") || name.hasSuffix(".pem") || name.hasSuffix(".key")
    }

    /// The credential store `path` is (or is inside), relative to the home directory.
    static func homeCredentialStore(_ path: String, context: GuardContext) -> String? {
        var homes: [String] = []
        if let h = context.homeDir { homes.append(h) }
        // Any user's home: /home/x, /Users/x, /root.
        let parts = path.split(separator: "/")
        if parts.count >= 2, parts[0] == "home" || parts[0] == "Users" { homes.append("/" + parts[0] + "/" + parts[1]) }
        if parts.first == "root" { homes.append("/root") }
        for home in homes where Paths.isWithin(path, home) && path != home {
            let rel = String(path.dropFirst(home == "/" ? 1 : home.count + 1))
            for store in homeCredentialPaths where rel == store || rel.hasPrefix(store + "/") { return store }
        }
        return nil
    }

    /// Start-up files, authorised keys, scheduled jobs and services: writing them persists code.
    static let persistenceHomePaths: [String] = [
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile", ".zlogin", ".kshrc",
        ".config/fish/config.fish", ".config/fish/conf.d", ".ssh/authorized_keys", ".ssh/authorized_keys2", ".ssh/config",
        ".ssh/rc", ".config/systemd/user", ".config/autostart", "Library/LaunchAgents", ".local/share/systemd/user",
        ".xinitrc", ".xprofile", ".inputrc", ".gitconfig", ".config/git/config", ".pam_environment", ".curlrc", ".wgetrc",
    ]

    static let systemDirectories: [String] = [
        "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/opt", "/var", "/sys", "/proc",
        "/dev", "/root", "/srv", "/System", "/Library", "/Applications", "/private/etc", "/private/var", "/snap",
    ]

    /// Writing `path` (absolute, normalised).
    public static func writeVerdicts(_ path: String, context: GuardContext) -> [Verdict] {
        if let home = context.homeDir, Paths.isWithin(path, home) {
            let rel = String(path.dropFirst(home.count + 1))
            for p in persistenceHomePaths where rel == p || rel.hasPrefix(p + "/") {
                return [PolicyRules.startupFile.verdict(path, reason: "writes ~/\(p): code there runs at every login or connection")]
            }
            if let store = homeCredentialStore(path, context: context) {
                return [PolicyRules.credentialStoreWrite.verdict(path, reason: "writes the credential store ~/\(store)")]
            }
        }
        if path.hasPrefix("/etc/cron") || path.hasPrefix("/var/spool/cron") || path.hasPrefix("/etc/systemd") || path.hasPrefix("/etc/init.d")
            || path.hasPrefix("/Library/LaunchDaemons") || path.hasPrefix("/Library/LaunchAgents") || path == "/etc/rc.local" {
            return [PolicyRules.systemService.verdict(path, reason: "writes a system service or scheduled job (\(path))")]
        }
        if isTemp(path, context) { return [] }
        if let project = context.projectDir, Paths.isWithin(path, project) { return [] }
        for dir in systemDirectories where Paths.isWithin(path, dir) {
            return [PolicyRules.writeSystemDirectory.verdict(path, reason: "writes the system directory \(dir)")]
        }
        if context.projectDir != nil {
            return [PolicyRules.writeOutsideProject.verdict(path, reason: "writes outside the project (\(path))")]
        }
        return []
    }

    /// Files whose content runs by itself when a person opens or enters the project, or when a tool
    /// starts: direnv's `.envrc` (on `cd`), editor tasks that run on folder open, Python's `*.pth`
    /// import lines and `sitecustomize.py` (every interpreter start), package-manager configs that
    /// move the package source.
    public static func autorunVerdicts(_ path: String, texts: [String]) -> [Verdict] {
        let name = Paths.baseName(path)
        if name == ".envrc" {
            return [PolicyRules.autorun.verdict(path, reason: "writes .envrc, which direnv runs on entering the directory")]
        }
        if path.hasSuffix("/.vscode/tasks.json") && texts.contains(where: { $0.contains("folderOpen") }) {
            return [PolicyRules.editorTask.verdict(path)]
        }
        if name.hasSuffix(".pth") && texts.contains(where: { t in
            t.split(separator: "\n").contains { $0.trimmingWhitespace().hasPrefix("import") || $0.trimmingWhitespace().hasPrefix("exec") }
        }) {
            return [PolicyRules.autorun.verdict(path, reason: "writes a .pth file with code: Python runs its import lines at every start")]
        }
        if name == "sitecustomize.py" || name == "usercustomize.py" {
            return [PolicyRules.autorun.verdict(path, reason: "writes \(name), which Python runs at every start")]
        }
        if PackageSources.isConfigFile(path) {
            for t in texts {
                if let bad = PackageSources.insecureSettings(in: t).first {
                    return [PolicyRules.packageSourceFile.verdict(path, reason: "points a package manager at an insecure source (\(bad.prefix(80)))")]
                }
            }
        }
        return []
    }

    /// Inside a temp directory but not inside the home directory (HOME under /tmp keeps its protection).
    static func isTemp(_ path: String, _ context: GuardContext) -> Bool {
        context.tempDirs.contains { Paths.isWithin(path, $0) } && !(context.homeDir.map { Paths.isWithin(path, $0) } ?? false)
    }
}
