/// Environment variables that switch hooks off or make the next program load code: a table of
/// variable names (or prefixes) and what their value does. Variables whose value *is* a command
/// (`GIT_SSH_COMMAND`, `EDITOR`, `LESSOPEN` …) are analysed as code by the analysis itself
/// (`EnvironmentRules.codeValued`).
enum EnvironmentRules {
    static let skipHooks = ShellRule("self.skip-hooks-env", .deny,
        "sets a variable that makes a git hook manager skip the hooks (HUSKY=0, LEFTHOOK=0, OVERCOMMIT_DISABLE …)",
        examples: ["HUSKY=0 git commit -m wip", "export LEFTHOOK=0; git push", "env HUSKY_SKIP_HOOKS=1 git commit -am x", "OVERCOMMIT_DISABLE=1 git commit"],
        counterExamples: ["HUSKY=1 git commit -m x", "LEFTHOOK_VERBOSE=1 git commit -m x", "NODE_ENV=production npm run build"])
    static let injectCode = ShellRule("system.code-injection-env", .ask,
        "sets a variable that makes programs load extra code (BASH_ENV, NODE_OPTIONS --require, PYTHONSTARTUP, PERL5OPT, RUBYOPT -r, -javaagent …)",
        examples: ["BASH_ENV=/tmp/x.sh bash build.sh", "NODE_OPTIONS='--require /tmp/hook.js' npm test", "PYTHONSTARTUP=/tmp/x.py python3",
                   "export PERL5OPT=-MEvil", "RUBYOPT='-r/tmp/evil.rb' rake", "JAVA_TOOL_OPTIONS=-javaagent:/tmp/a.jar mvn test"],
        counterExamples: ["NODE_OPTIONS=--max-old-space-size=4096 npm run build", "PYTHONPATH=. pytest", "RUBYOPT=-W0 rspec", "PERL5LIB=lib prove"])

    static let all = [skipHooks, injectCode]

    enum Effect {
        /// Any value but the listed harmless ones switches hooks off.
        case skipsHooks(unless: Set<String>)
        /// The value loads code when it contains one of these option spellings (empty: any value).
        case loadsCode(when: [String])
    }

    /// Name (exact, upper case) → effect.
    static let table: [String: Effect] = [
        "HUSKY": .skipsHooks(unless: ["1", "true", ""]),
        "HUSKY_SKIP_HOOKS": .skipsHooks(unless: ["0", "false", ""]),
        "HUSKY_SKIP_INSTALL": .skipsHooks(unless: ["0", "false", ""]),
        "LEFTHOOK": .skipsHooks(unless: ["1", "true", ""]),
        "LEFTHOOK_EXCLUDE": .skipsHooks(unless: [""]),
        "LEFTHOOK_SKIP": .skipsHooks(unless: [""]),
        "OVERCOMMIT_DISABLE": .skipsHooks(unless: ["0", "false", ""]),
        "PRE_COMMIT_ALLOW_NO_CONFIG": .skipsHooks(unless: ["0", "false", ""]),
        "YORKIE_SKIP_HOOKS": .skipsHooks(unless: ["0", "false", ""]),
        "GIT_HOOKS_SKIP": .skipsHooks(unless: ["0", "false", ""]),
        "BASH_ENV": .loadsCode(when: []),
        "ENV": .loadsCode(when: []),
        "ZDOTDIR": .loadsCode(when: []),
        "PYTHONSTARTUP": .loadsCode(when: []),
        "PERL5OPT": .loadsCode(when: []),
        "PERL5DB": .loadsCode(when: []),
        "NODE_OPTIONS": .loadsCode(when: ["-r", "--require", "--import", "--loader", "--experimental-loader", "--experimental-policy", "-e", "--eval", "-p"]),
        "RUBYOPT": .loadsCode(when: ["-r", "-e", "-I"]),
        "JAVA_TOOL_OPTIONS": .loadsCode(when: ["-javaagent", "-agentpath", "-agentlib", "-XX:OnOutOfMemoryError", "-Xbootclasspath"]),
        "_JAVA_OPTIONS": .loadsCode(when: ["-javaagent", "-agentpath", "-agentlib", "-XX:OnOutOfMemoryError", "-Xbootclasspath"]),
        "JDK_JAVA_OPTIONS": .loadsCode(when: ["-javaagent", "-agentpath", "-agentlib", "-XX:OnOutOfMemoryError", "-Xbootclasspath"]),
        "GIT_EXEC_PATH": .loadsCode(when: []),
        "GIT_TEMPLATE_DIR": .loadsCode(when: []),
    ]

    /// Variables whose value is a command line some program runs (analysed as shell code);
    /// `PS*` prompts run their `$(…)` each time they are shown.
    static let codeValued: Set<String> = [
        "GIT_SSH_COMMAND", "GIT_PAGER", "PAGER", "GIT_EDITOR", "EDITOR", "VISUAL", "GIT_SEQUENCE_EDITOR", "PROMPT_COMMAND",
        "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "SUDO_ASKPASS", "GIT_PROXY_COMMAND", "MANPAGER", "BROWSER",
        "LESSOPEN", "LESSCLOSE", "GIT_SSH", "FCEDIT", "SYSTEMD_PAGER", "BAT_PAGER", "DELTA_PAGER", "PS1", "PS2", "PS4", "PROMPT",
        "RPROMPT", "PYTHONBREAKPOINT", "RUSTC_WRAPPER",
    ]

    /// Code-valued variables that run without a person looking: an unknown value there is code built at run time.
    static let runsUnattended: Set<String> = ["PROMPT_COMMAND", "GIT_SSH_COMMAND", "LESSOPEN", "LESSCLOSE", "GIT_EXTERNAL_DIFF", "GIT_PROXY_COMMAND", "BASH_ENV"]

    static func check(_ name: String, _ value: String, _ sink: inout ShellSink) {
        guard let effect = table[name] else { return }
        switch effect {
        case .skipsHooks(let harmless):
            if !harmless.contains(value.lowercased()) { sink.report(skipHooks, name + "=" + value) }
        case .loadsCode(let options):
            guard !value.isEmpty else { return }
            // `ENV=production` is a setting; `ENV=/tmp/x.sh` is a file sh runs.
            if name == "ENV" && !(value.contains("/") || value.contains("~") || value.hasSuffix(".sh") || value.contains(ShMark.unknown)) { return }
            if options.isEmpty { sink.report(injectCode, name + "=" + value); return }
            let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // `--inspect=0.0.0.0:9229`: a debugger anyone on the network can attach to runs any code.
            if name == "NODE_OPTIONS", words.contains(where: { $0.hasPrefix("--inspect") && ($0.contains("0.0.0.0") || $0.contains("[::]")) }) {
                sink.report(injectCode, name + "=" + value)
                return
            }
            if words.contains(where: { w in options.contains { w == $0 || w.hasPrefix($0 + "=") || w.hasPrefix($0 + ":") || ($0.count == 2 && w.hasPrefix($0)) } }) {
                sink.report(injectCode, name + "=" + value)
            }
        }
    }

    /// The shell code a code-valued variable runs (`LESSOPEN='|cmd %s'` → `cmd %s`; prompts: their substitutions).
    static func code(of name: String, _ value: String) -> String? {
        guard codeValued.contains(name), !value.isEmpty else { return nil }
        if name.hasPrefix("PS") || name == "PROMPT" || name == "RPROMPT" { return "echo " + value }
        if name == "PYTHONBREAKPOINT" { return value.contains("system") || value.contains("exec") ? "eval " + value : nil }
        if name == "LESSOPEN" || name == "LESSCLOSE" { return String(value.drop { $0 == "|" || $0 == "-" }) }
        return value
    }
}
