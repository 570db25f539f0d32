/// Exposing home or secret folders: containers that mount them, web servers that serve them, and
/// `.env` files printed through the shell (the Read tool asks for them too). Destructive commands
/// run inside a container are analysed on the host paths their mounts point at.
enum ExposureRules {
    static let containerMount = ShellRule("system.container-mount-home", .ask,
        "gives a container the home directory, a credential folder or a system directory",
        examples: ["docker run -v \"$HOME\":/h alpine sh", "docker run -v ~/.ssh:/k:ro alpine", "docker run --mount type=bind,source=$HOME/.aws,target=/a img",
                   "podman run --volume=${HOME}/.gnupg:/gpg img"],
        counterExamples: ["docker run -v \"$PWD\":/app node:20 npm test", "docker run -v pgdata:/var/lib/postgresql/data postgres",
                          "docker run -v ~/.cache/pip:/root/.cache/pip python:3.12 pip install -r r.txt"])
    static let serveDirectory = ShellRule("exfil.serve-directory", .ask,
        "serves the home directory, the root or a system directory over HTTP",
        examples: ["python3 -m http.server --directory ~ 8000", "cd ~ && python3 -m http.server", "php -S 0.0.0.0:8000 -t ~", "npx http-server ~",
                   "ruby -run -e httpd / -p 8000"],
        counterExamples: ["python3 -m http.server 8000", "npx serve dist", "php -S localhost:8000 -t public"])
    static let dotenvRead = ShellRule("cred.dotenv-shell", .ask,
        "prints a .env file, which usually holds the project's secrets (the Read tool asks for it too)",
        examples: ["cat .env", "head -n 5 .env.production", "grep KEY .env.local", "source .env && echo \"$DB_PASSWORD\"", "set -a; . ./.env; set +a; env"],
        counterExamples: ["cat .env.example", "cp .env.example .env", "source .env && npm start", "docker compose --env-file .env up"])

    static let all = [containerMount, serveDirectory, dotenvRead]

    /// Home folders that hold credentials or tool configuration with tokens.
    static let credentialDirectories: [[String]] = [
        [".ssh"], [".aws"], [".kube"], [".docker"], [".gnupg"], [".azure"], [".password-store"], [".config", "gcloud"], [".config", "gh"],
        [".config", "op"], [".vault-token"], [".netrc"], [".git-credentials"], [".npmrc"], [".pypirc"], [".config", "hub"], [".terraform.d"],
        [".claude"], [".codex"], [".oci"], [".config", "doctl"], [".fly"], [".cargo", "credentials.toml"],
    ]

    static let displayReaders: Set<String> = [
        "cat", "tac", "less", "more", "most", "head", "tail", "nl", "od", "xxd", "hexdump", "hd", "base64", "base32", "strings", "grep",
        "egrep", "fgrep", "rg", "ag", "ack", "awk", "sed", "cut", "sort", "uniq", "paste", "bat", "batcat", "jq", "yq", "diff", "cmp", "pr",
        "fold", "column", "iconv", "rev", "view", "xclip", "pbcopy", "dotenv-linter", "tr", "wc",
    ]

    static func isDotEnv(_ f: ShField) -> Bool {
        let name = ShText.baseName(f.text).lowercased()
        return !name.contains(ShMark.unknown) && PathPolicy.isDotEnv(name)
    }

    /// A file operand of a reader, or `source .env` followed by printing.
    static func checkDotEnv(_ inv: ShInvocation, _ a: inout ShellAnalysis) {
        if displayReaders.contains(inv.name) {
            if inv.name == "wc" { return }
            let quiet = inv.argTexts.contains { $0 == "-q" || $0 == "--quiet" || $0 == "--silent" || ($0.hasPrefix("-i") && (inv.name == "sed" || inv.name == "perl")) || $0 == "--in-place" }
            if quiet { return }
            if inv.args.contains(where: { !$0.text.hasPrefix("-") && isDotEnv($0) }) { a.report(dotenvRead, inv.subject) }
            if inv.redirects.contains(where: { $0.op == .input && isDotEnv($0.target) }) { a.report(dotenvRead, inv.subject) }
        }
        if (inv.name == "source" || inv.name == "."), let f = inv.args.first, isDotEnv(f) { a.sourcedDotEnv = true }
        if a.sourcedDotEnv {
            let prints = ["echo", "printf", "printenv", "env", "set", "export", "declare", "typeset"]
            if prints.contains(inv.name) {
                let unknown = inv.args.contains { $0.hasUnknown } || inv.args.isEmpty || inv.argTexts == ["-p"]
                if unknown { a.report(dotenvRead, inv.subject) }
            }
        }
    }

    static let serverModules: Set<String> = ["http.server", "SimpleHTTPServer", "uploadserver", "RangeHTTPServer"]
    static let staticServers: Set<String> = ["http-server", "serve", "live-server", "static-server", "servor", "sirv", "lite-server", "httpd", "miniserve", "darkhttpd", "webfsd"]

    static func checkServe(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        var dir: String? = nil
        var serves = false
        switch inv.name {
        case "python":
            guard let m = args.firstIndex(of: "-m"), m + 1 < args.count, serverModules.contains(args[m + 1]) else { return }
            serves = true
            for (k, t) in args.enumerated() where (t == "-d" || t == "--directory") && k + 1 < args.count { dir = args[k + 1] }
            for t in args where t.hasPrefix("--directory=") { dir = String(t.dropFirst(12)) }
        case "php":
            guard args.contains("-S") else { return }
            serves = true
            if let k = args.firstIndex(of: "-t"), k + 1 < args.count { dir = args[k + 1] }
        case "ruby":
            guard args.contains("-run"), args.contains(where: { $0.contains("httpd") }) else { return }
            serves = true
            dir = args.last { !$0.hasPrefix("-") && !$0.contains("httpd") && Int($0) == nil }
        case "busybox":
            guard args.first == "httpd" else { return }
            serves = true
            if let k = args.firstIndex(of: "-h"), k + 1 < args.count { dir = args[k + 1] }
        default:
            guard staticServers.contains(inv.name) else { return }
            serves = true
            if inv.name == "httpd" { if let k = args.firstIndex(of: "-h"), k + 1 < args.count { dir = args[k + 1] } }
            else { dir = inv.args.first { !$0.text.hasPrefix("-") && Int($0.text) == nil }?.text }
        }
        guard serves else { return }
        let p = a.paths.resolve(ShField(text: dir.map { $0.hasPrefix("~") ? a.expandTilde($0, env) : $0 } ?? "."), cwd: env.cwd)
        if p.unknownBase { return }
        switch a.paths.classifyExact(p.comps) {
        case .root, .home, .homeSensitive, .system, .ancestor: a.report(serveDirectory, inv.subject)
        default: if CredentialPaths.match(p, a.paths) != nil { a.report(serveDirectory, inv.subject) }
        }
    }

    /// `docker run` options that take a value (to find the image and its command).
    static let runWithArg: Set<String> = [
        "-v", "--volume", "--mount", "-e", "--env", "--env-file", "-p", "--publish", "-w", "--workdir", "-u", "--user", "--name", "--network",
        "--net", "--entrypoint", "-l", "--label", "--platform", "--cpus", "-m", "--memory", "--restart", "-h", "--hostname", "--add-host",
        "--device", "--cap-add", "--cap-drop", "--security-opt", "--ulimit", "--log-driver", "--log-opt", "--tmpfs", "--dns", "--shm-size",
        "--pull", "--gpus", "--ipc", "--pid", "--userns", "--runtime", "--stop-signal", "--health-cmd", "--expose", "--link", "--volumes-from",
        "--cidfile", "--group-add", "--mac-address", "--ip", "--cpuset-cpus", "--memory-swap", "--stop-timeout", "--init-path", "-a", "--attach",
    ]

    /// Mounts of a `docker run`: (host source, container target).
    /// Dotfiles that are configuration, not credentials: mounted read-only into a dev container they are normal.
    static let plainDotfiles: Set<String> = [".gitconfig", ".bashrc", ".zshrc", ".profile", ".bash_profile", ".inputrc", ".vimrc", ".tmux.conf", ".editorconfig"]

    static func mounts(_ args: [String]) -> [(String, String)] {
        var out: [(String, String)] = []
        var k = 0
        while k < args.count {
            let t = args[k]
            var spec: String? = nil, mountSpec: String? = nil
            if t == "-v" || t == "--volume" { spec = k + 1 < args.count ? args[k + 1] : nil; k += 1 }
            else if t.hasPrefix("--volume=") { spec = String(t.dropFirst(9)) }
            else if t.hasPrefix("-v") && t.count > 2 { spec = String(t.dropFirst(2)) }
            else if t == "--mount" { mountSpec = k + 1 < args.count ? args[k + 1] : nil; k += 1 }
            else if t.hasPrefix("--mount=") { mountSpec = String(t.dropFirst(8)) }
            if let spec {
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                let readOnly = parts.count >= 3 && parts[2].split(separator: ",").contains("ro")
                if parts.count >= 2 && !(readOnly && plainDotfiles.contains(ShText.baseName(parts[0]))) { out.append((parts[0], parts[1])) }
            }
            if let m = mountSpec {
                var src = "", dst = ""
                for kv in m.split(separator: ",") {
                    let (key, v) = ShText.splitOption(String(kv))
                    if ["source", "src"].contains(key) { src = v ?? "" }
                    if ["target", "dst", "destination"].contains(key) { dst = v ?? "" }
                }
                if !src.isEmpty { out.append((src, dst)) }
            }
            k += 1
        }
        return out
    }

    static func checkContainer(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: inout ShEnv, _ depth: Int) {
        guard ["docker", "podman", "nerdctl"].contains(inv.name) else { return }
        var args = inv.argTexts
        if args.first == "container" || args.first == "compose" { args.removeFirst() }
        guard let sub = args.first, sub == "run" || sub == "create" else { return }
        let rest = Array(args.dropFirst())
        var mapped: [(String, String)] = []
        for (src, dst) in mounts(rest) {
            // Named volumes have no slash; `.`/`$PWD` are the project.
            guard src.contains("/") || src.hasPrefix("~") || src.hasPrefix(".") || src.contains(ShMark.unknown) else { continue }
            let field = ShField(text: src.hasPrefix("~") ? a.expandTilde(src, env) : src)
            let p = a.paths.resolve(field, cwd: env.cwd)
            if p.unknownBase { continue }
            let c = a.paths.classifyExact(p.comps)
            let inHomeConfig = ShPaths.isPrefix(a.paths.homeComps, of: p.comps) && p.comps.count > a.paths.homeComps.count
                && credentialDirectories.contains { ShPaths.isPrefix($0, of: Array(p.comps[a.paths.homeComps.count...])) }
            if c == .root || c == .home || c == .homeSensitive || c == .ancestor || inHomeConfig || CredentialPaths.match(p, a.paths) != nil
                || (c == .system && ["etc", "root", "var", "usr", "boot"].contains(p.comps.first ?? "") && p.comps.count <= 2) {
                a.report(containerMount, inv.subject)
            }
            if !dst.isEmpty && dst.hasPrefix("/") { mapped.append((dst, p.text)) }
        }
        // The command run in the container, with mount targets replaced by their host paths.
        guard !mapped.isEmpty else { return }
        var k = 0
        while k < rest.count {
            let t = rest[k]
            if runWithArg.contains(t) { k += 2; continue }
            if t.hasPrefix("-") { k += 1; continue }
            break
        }
        guard k + 1 < rest.count else { return }
        let command = rest[(k + 1)...].map { arg -> String in
            var s = arg
            for (dst, host) in mapped.sorted(by: { $0.0.count > $1.0.count }) where s == dst || s.hasPrefix(dst + "/") {
                s = host + s.dropFirst(dst.count)
                break
            }
            return ShText.quote(s)
        }.joined(separator: " ")
        var e = env
        e.cwd = nil
        _ = a.analyzeScript(command, &e, depth + 1)
    }
}
