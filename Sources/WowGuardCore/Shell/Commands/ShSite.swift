/// One command about to run, with everything its handler needs: the resolved invocation, the
/// shell state, and how deep in re-parsing (`depth`) and wrapper hops (`hops`) it sits. Handlers
/// under `Shell/Commands` take a site instead of `(inv, &env, depth, hops)`, and run what the
/// command runs through it: `runCode` (a string of code in some language), `runInner` (the
/// command at argument k, for wrappers), `runArgv` (a built argument vector).
struct ShSite {
    var inv: ShInvocation
    var env: ShEnv
    let depth: Int
    let hops: Int

    var args: [ShField] { inv.args }
    var argTexts: [String] { inv.argTexts }
    var subject: String { inv.subject }
}

extension ShellAnalysis {
    /// Code given as an argument, in `lang`, fed the command's stdin.
    mutating func runCode(_ code: ShField, _ lang: ShLang, _ site: inout ShSite, positional: [String]? = nil, stdin: ShSource? = nil,
                          extra: String = "") -> ShSource {
        runCode(code, lang, positional: positional, stdin: stdin ?? site.inv.stdin, subject: site.subject, &site.env, site.depth, extra: extra)
    }

    /// Shell code from a string (an option value, a config value): analysed in a copy of the state.
    mutating func runShellText(_ text: String, _ site: ShSite) {
        guard !text.isEmpty else { return }
        var e = site.env
        e.stdin = .none
        _ = analyzeScript(text, &e, site.depth + 1)
    }

    /// The command starting at argument `k` (wrappers: `sudo CMD`, `timeout 5 CMD`).
    mutating func runInner(_ site: inout ShSite, from k: Int, privileged: Bool = false, extraAssigns: [String: String] = [:]) -> ShSource {
        runInner(site.inv, from: k, &site.env, site.depth, hops: site.hops, privileged: privileged, extraAssigns: extraAssigns)
    }

    /// A built argument vector (`find -exec`, `xargs`): no stdin, no redirections.
    mutating func runArgv(_ argv: [ShField], _ site: ShSite) -> ShSource {
        var e = site.env
        return runArgv(argv, site.inv, &e, site.depth, hops: site.hops)
    }
}
