/// Package-source redirection: registries and indexes set to plain HTTP or an unknown host (by
/// config commands, install options and environment variables), and packages run straight from
/// git repositories or URLs by `npx`, `pnpm dlx`, `bunx`, `uvx`, `pipx run`, `cargo install --git`.
enum SupplyChainRules {
    static let registry = ShellRule("supply.registry", .ask,
        "points a package manager at a registry or index over plain HTTP or on an unknown host",
        examples: ["npm config set registry http://npm.mirror.example/", "pip install --index-url http://10.0.0.5/simple requests",
                   "pip install --extra-index-url https://pkgs.unknown.example/simple lib", "export PIP_INDEX_URL=http://pypi.mirror.example/simple",
                   "gem sources --add http://gems.mirror.example/", "yarn config set npmRegistryServer http://npm.mirror.example"],
        counterExamples: ["npm config set save-exact true", "pip install -i https://test.pypi.org/simple/ pkg", "npm config get registry",
                          "yarn config set npmRegistryServer https://registry.yarnpkg.com", "pip install -r requirements.txt"])
    static let gitPackage = ShellRule("supply.package-from-git", .ask,
        "runs or installs a package straight from a git repository or URL (no registry, no version pin)",
        examples: ["npx github:someone/tool", "npx git+https://github.com/someone/tool.git", "pnpm dlx github:someone/tool", "bunx github:someone/tool",
                   "uvx --from git+https://github.com/someone/tool tool", "cargo install --git https://github.com/someone/tool", "npx https://x.example/t.tgz"],
        counterExamples: ["npx prettier --write .", "npx create-react-app app", "uvx ruff check .", "cargo install ripgrep", "npx @scope/tool@1.2.3"])

    static let installScript = ShellRule("supply.install-script", .ask, "adds an install hook to package.json: it runs on every npm install of the package",
        examples: ["npm pkg set scripts.postinstall='node x.js'"], counterExamples: ["npm pkg set scripts.test=jest", "npm pkg get scripts"])

    static let all = [registry, gitPackage, installScript]

    /// Public registries and indexes; any https URL on these (or loopback) is fine.
    static let knownHosts = [
        "registry.npmjs.org", "registry.yarnpkg.com", "npm.pkg.github.com", "pypi.org", "test.pypi.org", "files.pythonhosted.org",
        "pypi.python.org", "download.pytorch.org", "crates.io", "index.crates.io", "static.crates.io", "rubygems.org", "gems.rubygems.org",
        "repo.maven.apache.org", "repo1.maven.org", "plugins.gradle.org", "proxy.golang.org", "registry.bower.io", "jsr.io", "npmjs.com",
        "conda.anaconda.org", "repo.anaconda.com", "pkgs.dev.azure.com", "gitlab.com", "nuget.org", "api.nuget.org",
        "registry.npmmirror.com", "mirrors.aliyun.com", "pypi.tuna.tsinghua.edu.cn", "mirrors.cloud.tencent.com", "mirrors.ustc.edu.cn",
        "pypi.doubanio.com", "registry.npm.taobao.org", "repo.huaweicloud.com", "mirror.gcr.io", "pypi.ngc.nvidia.com", "pypi.nvidia.com",
    ]
    static let knownSuffixes = [".jfrog.io", ".pkg.dev", ".pkgs.visualstudio.com", ".codeartifact.amazonaws.com", ".gitlab.com", ".cloudsmith.io", ".fury.io"]

    /// A registry URL to ask about: plain HTTP (not loopback) or HTTPS on an unknown host.
    static func suspicious(_ url: String) -> Bool {
        if PackageSources.isInsecureSource(url) { return true }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") else { return false }
        for h in ShURL.hosts(in: url) {
            let host = h.lowercased()
            if HostClassifier.classify(host) == .loopback { continue }
            if knownHosts.contains(host) || knownSuffixes.contains(where: { host.hasSuffix($0) }) { continue }
            return true
        }
        return false
    }

    /// Options that set an index or registry for one command.
    static let indexOptions: Set<String> = ["--index-url", "-i", "--extra-index-url", "--registry", "--index", "--source", "--find-links", "-f",
                                            "--default-index", "--trusted-host", "--clear-sources"]
    static let registryKeys = ["registry", "index-url", "extra-index-url", "npmregistryserver", "index", "source", "find-links", "trusted-host"]
    /// Environment variables that set a registry or index.
    static let registryVariables: Set<String> = ["PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_TRUSTED_HOST", "NPM_CONFIG_REGISTRY",
                                                 "npm_config_registry", "YARN_NPM_REGISTRY_SERVER", "UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_INDEX",
                                                 "UV_DEFAULT_INDEX", "POETRY_REPOSITORIES", "BUNDLE_MIRROR__ALL", "GOPROXY", "CARGO_REGISTRIES_CRATES_IO_PROTOCOL",
                                                 "GEM_SOURCE", "PIP_NO_VERIFY", "NODE_TLS_REJECT_UNAUTHORIZED", "GOINSECURE", "GONOSUMDB", "GONOSUMCHECK", "GOSUMDB"]

    static func checkVariable(_ name: String, _ value: String, _ sink: inout ShellSink) {
        guard registryVariables.contains(name) else { return }
        if name == "GOINSECURE" || name == "GONOSUMDB" || name == "GONOSUMCHECK" || (name == "GOSUMDB" && value == "off") || name == "PIP_TRUSTED_HOST" || name == "PIP_NO_VERIFY" || (name == "NODE_TLS_REJECT_UNAUTHORIZED" && value == "0")
            || (name == "GOPROXY" && value.lowercased().contains("http://")) {
            sink.report(registry, name + "=" + value)
            return
        }
        if value.split(whereSeparator: { $0 == " " || $0 == "," }).contains(where: { suspicious(String($0)) }) { sink.report(registry, name + "=" + value) }
    }

    static let runners: Set<String> = ["npx", "pnpx", "bunx", "uvx", "pipx"]

    /// A package spec that is a git repository or URL rather than a registry name.
    static func isGitSpec(_ s: String) -> Bool {
        let l = s.lowercased()
        for p in ["github:", "gitlab:", "bitbucket:", "gist:", "git+", "git://", "git@", "http://", "https://", "file:"] where l.hasPrefix(p) { return true }
        // npm's `user/repo` shorthand (a scoped package starts with `@`).
        if !l.hasPrefix("@") && !l.hasPrefix(".") && !l.hasPrefix("/") && l.split(separator: "/").count == 2 && !l.contains("@") && !l.contains(":") { return true }
        return l.hasSuffix(".tgz") && l.contains("://")
    }

    /// Commands these rules are about (everything else returns at once).
    static let packageTools: Set<String> = ["pip", "pip3", "uv", "pipx", "poetry", "pdm", "npm", "pnpm", "yarn", "bun", "npx", "pnpx", "bunx", "uvx",
                                            "gem", "bundle", "cargo", "conda", "mamba", "micromamba", "composer", "nuget", "dotnet", "go", "pipenv", "hatch", "rye"]

    /// Forges whose URLs may be rewritten to one another (`url."git@github.com:".insteadOf https://github.com/`).
    static let forgeHosts = ["github.com", "gitlab.com", "bitbucket.org", "ssh.github.com", "codeberg.org"]

    static func check(_ inv: ShInvocation, _ sink: inout ShellSink) {
        let name = inv.name
        if name == "git" {
            // `url.<base>.insteadOf`: every fetch of the original URL goes to <base> instead.
            let g = ShGit(inv)
            var keys = g.configs.map(\.0)
            if g.sub == "config" { keys += g.args.filter { !$0.hasPrefix("-") }.prefix(1) }
            for key in keys {
                let k = key.lowercased()
                guard k.hasPrefix("url."), k.hasSuffix(".insteadof") || k.hasSuffix(".pushinsteadof") else { continue }
                let base = String(key.dropFirst(4).dropLast(k.hasSuffix(".pushinsteadof") ? 14 : 10))
                let hosts = ShURL.hosts(in: base.contains("://") ? base : "ssh://" + base.replacingEvery(":", with: "/", limit: 1))
                let known = !base.lowercased().hasPrefix("http://") && hosts.allSatisfy { h in forgeHosts.contains { h.lowercased() == $0 || h.lowercased().hasSuffix("." + $0) } }
                if !known { sink.report(registry, inv.subject) }
            }
            return
        }
        guard packageTools.contains(name) else { return }
        let args = inv.argTexts
        for (k, t) in args.enumerated() {
            let (opt, inlineValue) = ShText.splitOption(t)
            guard indexOptions.contains(opt) || (name == "gem" && opt == "--add") else { continue }
            if opt == "-i" && !["pip", "pip3", "uv", "pipx"].contains(name) { continue }
            if opt == "-f" && !["pip", "pip3", "uv"].contains(name) { continue }
            if opt == "--trusted-host" { sink.report(registry, inv.subject); return }
            if let v = inlineValue ?? (k + 1 < args.count ? args[k + 1] : nil), suspicious(v) { sink.report(registry, inv.subject); return }
        }
        let words = args.filter { !$0.hasPrefix("-") }
        // npm/pnpm/yarn/pip/poetry/uv config set KEY VALUE; pip config set global.index-url …
        if let ci = words.firstIndex(of: "config"), ci + 3 < words.count || (ci + 2 < words.count && words[ci + 1] == "set"),
           ["set", "add"].contains(words[ci + 1]) {
            let rest = Array(words[(ci + 2)...])
            let (key0, v0) = ShText.splitOption(rest[0])
            let key = key0.lowercased(), value = v0 ?? (rest.count > 1 ? rest[1] : "")
            if registryKeys.contains(where: { key.hasSuffix($0) || key.contains($0) }) && (suspicious(value) || key.contains("trusted-host")) {
                sink.report(registry, inv.subject)
                return
            }
        }
        // `poetry source add NAME URL`, `conda config --add channels URL`, `dotnet nuget add source URL`, `bundle config mirror.X URL`.
        let sourceVerbs: Set<String> = ["config", "source", "sources", "channel", "channels", "registry", "repo", "repository", "mirror", "index"]
        if words.contains(where: { sourceVerbs.contains($0.lowercased()) || $0.lowercased().hasPrefix("mirror.") }),
           args.contains(where: { a in a.split(separator: "=").contains { suspicious(String($0)) } }) {
            sink.report(registry, inv.subject)
            return
        }
        if name == "gem" && words.first == "sources" { return }
        if name == "go", words.starts(with: ["env"]), args.contains("-w") {
            for w in words.dropFirst() {
                let (key, value) = ShText.splitOption(w)
                guard let value else { continue }
                if ["GOINSECURE", "GONOSUMCHECK", "GONOSUMDB"].contains(key) && !value.isEmpty || key == "GOSUMDB" && value == "off"
                    || key == "GOFLAGS" && value.contains("insecure") { sink.report(registry, inv.subject); return }
                checkVariable(key, value, &sink)
            }
        }
        if ["npm", "pnpm", "yarn", "bun"].contains(name), let verb = words.first, ["install", "i", "add"].contains(verb),
           words.dropFirst().contains(where: isGitSpec) {
            sink.report(gitPackage, inv.subject)
            return
        }
        // Package runners: the package spec is the first operand (or the value of --package / --from / --spec).
        var specs: [String] = []
        if runners.contains(name) || (["pnpm", "yarn", "npm", "bun"].contains(name) && ["dlx", "exec", "x"].contains(words.first ?? "")) {
            var k = (runners.contains(name) ? 0 : args.firstIndex(of: words[0])! + 1)
            if name == "pipx", k < args.count, args[k] == "run" { k += 1 }
            while k < args.count {
                let t = args[k]
                let (opt, v) = ShText.splitOption(t)
                if ["--package", "-p", "--from", "--spec", "--with"].contains(opt) {
                    if let v { specs.append(v); k += 1 } else if k + 1 < args.count { specs.append(args[k + 1]); k += 2 } else { k += 1 }
                    continue
                }
                if t.hasPrefix("-") { k += 1; continue }
                specs.append(t)
                break
            }
        }
        if name == "cargo", args.first == "install", args.contains(where: { $0 == "--git" || $0.hasPrefix("--git=") }) { specs.append("git+cargo") }
        if specs.contains(where: isGitSpec) { sink.report(gitPackage, inv.subject) }
    }
}
