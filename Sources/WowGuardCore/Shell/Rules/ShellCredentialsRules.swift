/// Reading, copying, archiving or encoding credential files (SSH private keys, cloud and cluster
/// credentials, token files, /etc/shadow, process environments), keychain dumps and CLIs that
/// print stored secrets. Public keys, /etc/passwd, /etc/hosts are fine.
enum CredentialRules {
    static let sshKey = ShellRule("cred.ssh-key", .deny, "reads or copies an SSH private key",
        examples: ["cat ~/.ssh/id_rsa", "cat ~/.ssh/id_ed25519"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let cloud = ShellRule("cred.cloud", .deny, "reads or copies cloud, cluster or registry credentials (AWS, GCP, Azure, kube, docker)",
        examples: ["cat ~/.aws/credentials", "cat ~/.kube/config"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let cloudConfig = ShellRule("cred.cloud-config", .ask, "reads cloud CLI configuration (~/.aws/config)",
        examples: ["cat ~/.aws/config"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let tokenFile = ShellRule("cred.token-file", .deny,
        "reads or copies a file holding tokens or passwords (.netrc, .git-credentials, .npmrc, .pypirc, .pgpass, gh hosts …)",
        examples: ["cat ~/.netrc", "cat ~/.git-credentials"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let gpg = ShellRule("cred.gpg", .deny, "reads or copies GnuPG private keys",
        examples: ["gpg --export-secret-keys -a"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let system = ShellRule("cred.system", .deny, "reads password hashes or machine private keys (/etc/shadow, SSH host keys, TLS keys)",
        examples: ["sudo cat /etc/shadow", "cat /etc/gshadow"], counterExamples: ["sudo systemctl restart nginx", "sudo apt-get install -y build-essential"])
    static let processEnv = ShellRule("cred.process-env", .deny, "reads a process's environment (/proc/*/environ), where secrets live",
        examples: ["cat /proc/self/environ", "cat /proc/1/environ | tr '\\0' '\\n'"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let keychain = ShellRule("cred.keychain", .deny, "reads secrets from the OS keychain or a password store",
        examples: ["security find-generic-password -s github -w", "security dump-keychain -d login.keychain"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let cliToken = ShellRule("cred.cli-token", .ask, "prints an access token or secret from a CLI")
    static let cliSecret = ShellRule("cred.cli-secret", .deny, "prints stored cloud or cluster credentials from a CLI",
        examples: ["aws configure export-credentials", "kubectl config view --raw"], counterExamples: ["aws s3 ls", "aws s3 cp s3://my-bucket/data.csv ./data/"])
    static let inline = ShellRule("cred.inline-code", .deny, "inline code reads a credential file",
        examples: ["python3 -c \"print(open('/home/dev/.ssh/id_rsa').read())\"", "python3 -c \"import pathlib; print(pathlib.Path.home().joinpath('.ssh/id_rsa').read_text())\""], counterExamples: ["python3 -c \"import shutil; shutil.rmtree('build')\"", "python3 -c 'import socket; print(socket.gethostname())'"])
    static let maybe = ShellRule("cred.maybe", .ask, "reads a path built from an unknown value that may be a credential file")

    static let all = [sshKey, cloud, cloudConfig, tokenFile, gpg, system, processEnv, keychain, cliToken, cliSecret, inline, maybe]

    static let readers: Set<String> = [
        "cat", "tac", "less", "more", "most", "head", "tail", "nl", "od", "xxd", "hexdump", "hd", "base64", "base32", "basenc",
        "uuencode", "strings", "grep", "egrep", "fgrep", "rg", "ag", "ack", "awk", "sed", "cut", "sort", "uniq", "paste", "cp",
        "scp", "rsync", "sftp", "tar", "bsdtar", "zip", "7z", "7za", "gzip", "bzip2", "xz", "zstd", "gpg", "openssl", "vim",
        "vi", "nvim", "view", "nano", "emacs", "code", "bat", "batcat", "jq", "yq", "diff", "cmp", "pr", "fold", "fmt",
        "column", "iconv", "dd", "install", "mv", "ln", "mail", "mutt", "split", "look", "rev", "docker", "kubectl", "sops",
        "age", "xclip", "pbcopy", "gh", "aws", "gcloud", "gsutil", "az", "rclone",
    ]

    static func checkRead(_ f: ShField, _ env: ShEnv, how: String, _ a: inout ShellAnalysis) {
        let p = a.paths.resolve(f, cwd: env.cwd)
        if let r = CredentialPaths.match(p, a.paths) { a.report(r, how + ": " + f.text) }
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        let lower = args.map { $0.lowercased() }
        if readers.contains(inv.name) {
            // `tar -C ~ -czf - .ssh`: operands relative to -C.
            var base = env
            if inv.name == "tar" || inv.name == "bsdtar" || inv.name == "zip" || inv.name == "rsync",
               let k = inv.args.firstIndex(where: { $0.text == "-C" || $0.text == "--directory" }), k + 1 < inv.args.count {
                let p = a.paths.resolve(inv.args[k + 1], cwd: env.cwd)
                base.cwd = p.unknownBase || p.wild ? nil : p.text
            }
            for f in inv.args {
                var g = f
                if let eq = f.text.firstIndex(of: "="), f.text.hasPrefix("if=") || f.text.hasPrefix("--") {
                    g.text = String(f.text[f.text.index(after: eq)...])
                }
                if g.text.hasPrefix("-") || g.text.isEmpty { continue }
                checkRead(g, base, how: inv.name, &a)
            }
        }
        // Modules and subcommands that print the files they are given.
        if inv.name == "python", let m = args.firstIndex(of: "-m"), m + 1 < args.count,
           ["base64", "json.tool", "zipfile", "tarfile", "gzip", "uu", "quopri", "binascii", "pickletools", "tokenize"].contains(args[m + 1]) {
            for f in inv.args.dropFirst(m + 2) where !f.text.hasPrefix("-") { checkRead(f, env, how: "python -m " + args[m + 1], &a) }
        }
        if inv.name == "git", let sub = ShGit(inv).sub, ["diff", "show", "grep"].contains(sub), args.contains("--no-index") || sub == "diff" {
            for f in inv.args where !f.text.hasPrefix("-") && (f.text.hasPrefix("/") || f.text.hasPrefix("~") || f.text.contains("/.")) {
                checkRead(f, env, how: "git " + sub, &a)
            }
        }
        switch inv.name {
        case "socat", "nc":
            for f in inv.args {
                for prefix in ["FILE:", "OPEN:", "GOPEN:", "CREATE:"] where f.text.uppercased().hasPrefix(prefix) {
                    let path = String(f.text.dropFirst(prefix.count).prefix { $0 != "," })
                    checkRead(ShField(text: path.hasPrefix("~") ? a.expandTilde(path, env) : path), env, how: inv.name, &a)
                }
            }
        case "gpg", "gpg2":
            if args.contains(where: { $0.hasPrefix("--export-secret") }) { a.report(gpg, inv.subject) }
        case "security":
            guard let sub = lower.first else { return }
            if (sub == "find-generic-password" || sub == "find-internet-password") && args.contains(where: { $0 == "-w" || $0 == "-g" || ($0.hasPrefix("-") && ($0.contains("w") || $0.contains("g"))) }) {
                a.report(keychain, inv.subject)
            }
            if sub == "dump-keychain" || sub == "export" { a.report(keychain, inv.subject) }
        case "secret-tool", "keyring":
            if lower.contains("lookup") || lower.contains("get") { a.report(cliToken, inv.subject) }
        case "pass", "gopass":
            if lower.first == "show" || (lower.first.map { !$0.hasPrefix("-") && !["ls", "list", "find", "init", "insert", "generate", "edit", "git"].contains($0) } ?? false) {
                a.report(cliToken, inv.subject)
            }
        case "aws":
            let ops = lower.filter { !$0.hasPrefix("-") }
            if ops.starts(with: ["configure", "export-credentials"]) { a.report(cliSecret, inv.subject) }
            if ops.starts(with: ["configure", "get"]), ops.contains(where: { $0.contains("secret") || $0.contains("session_token") }) { a.report(cliSecret, inv.subject) }
            if ops.starts(with: ["sts", "get-session-token"]) || ops.starts(with: ["ecr", "get-login-password"]) || ops.starts(with: ["secretsmanager", "get-secret-value"]) || ops.starts(with: ["ssm", "get-parameter"]) && lower.contains("--with-decryption") {
                a.report(cliToken, inv.subject)
            }
        case "gcloud":
            if lower.contains("print-access-token") || lower.contains("print-identity-token") || (lower.contains("secrets") && lower.contains("access")) { a.report(cliToken, inv.subject) }
        case "az":
            if lower.contains("get-access-token") || (lower.contains("keyvault") && lower.contains("secret") && lower.contains("show")) { a.report(cliToken, inv.subject) }
        case "gh":
            if (lower.contains("auth") && lower.contains("token")) || lower.contains("--show-token") || (lower.contains("auth") && lower.contains("status") && lower.contains("-t")) { a.report(cliToken, inv.subject) }
        case "kubectl":
            if lower.contains("config") && lower.contains("view") && (lower.contains("--raw") || lower.contains("--flatten")) { a.report(cliSecret, inv.subject) }
            if lower.contains("get") && (lower.contains("secret") || lower.contains("secrets")) && lower.contains(where: { $0.hasPrefix("-o") || $0.hasPrefix("--output") }) { a.report(cliToken, inv.subject) }
        case "git":
            if lower.contains("credential") && (lower.contains("fill") || lower.contains("get")) { a.report(cliToken, inv.subject) }
        case "op":
            if lower.contains("read") || (lower.contains("item") && lower.contains("get") && lower.contains("--reveal")) { a.report(cliToken, inv.subject) }
        case "vault":
            if lower.contains("read") || (lower.contains("kv") && lower.contains("get")) || lower.contains("print") && lower.contains("token") { a.report(cliToken, inv.subject) }
        default:
            if inv.name.hasPrefix("docker-credential-") && lower.contains("get") { a.report(cliToken, inv.subject) }
        }
    }
}

/// Credential path patterns, on resolved absolute paths (or suffixes, when the base is unknown).
enum CredentialPaths {
    static let sshPublic: Set<String> = ["config", "known_hosts", "known_hosts.old", "authorized_keys", "authorized_keys2", "environment", "rc", "agent"]
    static let tokenFiles: Set<String> = [
        ".netrc", "_netrc", ".git-credentials", ".npmrc", ".pypirc", ".pgpass", ".my.cnf", ".vault-token", ".boto", ".s3cfg",
        ".dockercfg", ".terraformrc", ".yarnrc.yml", ".gem-credentials", ".composer-auth.json", ".cargo-credentials",
    ]

    static func match(_ p: ShPath, _ paths: ShPaths) -> ShellRule? {
        if p.empty { return nil }
        if p.all.first == "proc" && p.all.last == "environ" && !p.unknownBase { return CredentialRules.processEnv }
        if !p.wild { return concrete(p.all, paths) }
        let pattern = p.unknownBase ? ["**"] + p.all : p.all
        let realGlob = p.all.contains { c in c.utf8.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B || $0 == ShMark.foundByte } }
        // `"$dir"/*` with an unknown `$dir` matches every sample: without a literal component
        // (`.ssh`, `id_*`, `credentials`) there is no evidence of a credential, only uncertainty.
        let onlyWildcards = p.unknownBase && !p.all.contains { c in !c.isEmpty && !c.allSatisfy { "*?".contains($0) } }
        for sample in samples(paths) where ShGlob.matchPath(pattern, sample) {
            if let r = concrete(sample, paths) { return realGlob && !onlyWildcards ? r : CredentialRules.maybe }
        }
        return nil
    }

    static func samples(_ paths: ShPaths) -> [[String]] {
        let h = paths.homeComps
        let rel: [[String]] = [
            [".ssh", "id_rsa"], [".ssh", "id_ed25519"], [".ssh", "id_ecdsa"], [".ssh", "id_dsa"], [".ssh"], [".aws", "credentials"],
            [".aws"], [".kube", "config"], [".docker", "config.json"], [".config", "gcloud", "application_default_credentials.json"],
            [".config", "gcloud", "credentials.db"], [".netrc"], [".git-credentials"], [".npmrc"], [".pypirc"], [".gnupg"],
            [".azure", "accessTokens.json"], [".config", "gh", "hosts.yml"], [".pgpass"], [".vault-token"],
        ]
        var out = rel.map { h + $0 }
        out += [["root", ".ssh", "id_rsa"], ["home", "user", ".ssh", "id_rsa"], ["Users", "user", ".ssh", "id_rsa"],
                ["etc", "shadow"], ["etc", "gshadow"], ["proc", "self", "environ"], ["proc", "1", "environ"]]
        return out
    }

    /// Credential locations directly in a home directory: real even when the home directory sits
    /// inside the project (dev containers, test sandboxes).
    static let homeTops: Set<String> = [
        ".ssh", ".aws", ".kube", ".docker", ".config", ".gnupg", ".azure", ".netrc", "_netrc", ".git-credentials", ".npmrc",
        ".pypirc", ".pgpass", ".my.cnf", ".vault-token", ".boto", ".s3cfg", ".terraform.d", ".cargo", ".gem", ".password-store",
        "Library", ".local",
    ]

    static func concrete(_ c: [String], _ paths: ShPaths) -> ShellRule? {
        let n = c.count
        guard n > 0 else { return nil }
        let h = paths.homeComps
        let inHomeCredentials = ShPaths.isPrefix(h, of: c) && n > h.count && homeTops.contains(c[h.count])
        // Credential-looking files in the project are fixtures and examples (the secret scanner looks at their content).
        if paths.isInsideProject(c) && !inHomeCredentials { return nil }
        if c[0] == "etc" {
            if n == 2 && ["shadow", "gshadow", "shadow-", "gshadow-", "master.passwd", "sudoers.bak"].contains(c[1]) { return CredentialRules.system }
            if n >= 3 && c[1] == "ssl" && c[2] == "private" { return CredentialRules.system }
            if n == 3 && c[1] == "ssh" && c[2].hasPrefix("ssh_host_") && c[2].hasSuffix("_key") { return CredentialRules.system }
            if n == 3 && c[1] == "security" && c[2] == "opasswd" { return CredentialRules.system }
        }
        if c[0] == "proc" && (c[n - 1] == "environ") { return CredentialRules.processEnv }
        // Container and orchestrator secrets (Kubernetes service-account tokens, Docker/Compose secrets).
        if (c[0] == "run" || (c[0] == "var" && n >= 2 && c[1] == "run")) && c.contains("secrets") { return CredentialRules.system }
        // Coding agents' own login tokens.
        if let k = c.lastIndex(of: ".claude"), k == n - 2, c[n - 1] == ".credentials.json" { return CredentialRules.tokenFile }
        if let k = c.lastIndex(of: ".codex"), k == n - 2, c[n - 1] == "auth.json" { return CredentialRules.tokenFile }
        if c[0] == "private" && n >= 3 && c[1] == "etc" && c[2] == "master.passwd" { return CredentialRules.system }
        if let k = c.lastIndex(of: ".ssh") {
            if k == n - 1 { return CredentialRules.sshKey }
            if k == n - 2 {
                let f = c[n - 1]
                if !(f.hasSuffix(".pub") || sshPublic.contains(f) || f.hasPrefix("known_hosts") || f.hasPrefix("authorized_keys") || f.hasSuffix(".sock") || f == "config.d") {
                    return CredentialRules.sshKey
                }
            }
        }
        if let k = c.lastIndex(of: ".aws") {
            let rest = c[(k + 1)...]
            if rest.isEmpty || rest.first == "credentials" || rest.first == "sso" || rest.first == "cli" { return CredentialRules.cloud }
            if rest.first == "config" { return CredentialRules.cloudConfig }
        }
        if let k = c.lastIndex(of: ".kube"), n - k <= 2, k == n - 1 || c[n - 1] == "config" { return CredentialRules.cloud }
        if let k = c.lastIndex(of: ".docker"), k == n - 2, c[n - 1] == "config.json" { return CredentialRules.cloud }
        if let k = c.lastIndex(of: "gcloud"), k > 0, c[k - 1] == ".config" {
            if k == n - 1 || c[(k + 1)...].contains(where: { $0.contains("credential") || $0.contains("access_token") || $0 == "legacy_credentials" }) { return CredentialRules.cloud }
        }
        if c[n - 1] == "application_default_credentials.json" { return CredentialRules.cloud }
        if let k = c.lastIndex(of: ".azure") {
            let rest = c[(k + 1)...]
            if rest.isEmpty || rest.contains(where: { $0.hasPrefix("accessTokens") || $0.hasPrefix("msal_token_cache") || $0 == "service_principal_entries.json" }) { return CredentialRules.cloud }
        }
        if let k = c.lastIndex(of: ".gnupg") {
            let rest = c[(k + 1)...]
            if rest.isEmpty || rest.first == "private-keys-v1.d" || rest.first == "secring.gpg" { return CredentialRules.gpg }
        }
        if tokenFiles.contains(c[n - 1]) { return CredentialRules.tokenFile }
        let pairs: [([String], ShellRule)] = [
            ([".terraform.d", "credentials.tfrc.json"], CredentialRules.tokenFile), ([".cargo", "credentials"], CredentialRules.tokenFile),
            ([".cargo", "credentials.toml"], CredentialRules.tokenFile), ([".gem", "credentials"], CredentialRules.tokenFile),
            ([".config", "gh", "hosts.yml"], CredentialRules.tokenFile), ([".config", "hub"], CredentialRules.tokenFile),
            ([".docker", "config.json"], CredentialRules.cloud), ([".config", "op"], CredentialRules.keychain),
        ]
        for (suffix, r) in pairs where n >= suffix.count && Array(c[(n - suffix.count)...]) == suffix { return r }
        if let k = c.lastIndex(of: ".password-store"), k >= 0 { return CredentialRules.keychain }
        if let k = c.lastIndex(of: "Keychains"), k > 0, c[k - 1] == "Library" { return CredentialRules.keychain }
        if let k = c.lastIndex(of: "keyrings"), k >= 2, c[k - 1] == "share", c[k - 2] == ".local" { return CredentialRules.keychain }
        return nil
    }
}
