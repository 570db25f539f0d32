/// Hosting and forge CLIs (gh, glab, heroku, fly, vercel, wrangler …): deleting a repository or
/// an app is denied, deleting releases, secrets and other resources asks. A table of
/// subcommand word sequences per command; `gh api` / `glab api` with the DELETE method asks.
enum HostingRules {
    static let destroy = ShellRule("cloud.hosting-destroy", .deny, "deletes a hosted repository, app, database or worker for good",
        examples: ["gh repo delete acme/api --yes", "glab repo delete acme/api -y", "heroku apps:destroy --app acme --confirm acme",
                   "fly apps destroy acme -y", "heroku pg:reset DATABASE_URL --confirm acme", "wrangler delete acme-worker"],
        counterExamples: ["gh repo view acme/api", "heroku logs --tail", "fly deploy", "gh repo clone acme/api"])
    static let deleteResource = ShellRule("cloud.hosting-delete", .ask, "deletes hosted resources (releases, secrets, variables, runs, API objects)",
        examples: ["gh release delete v1.2.0 -y", "gh api -X DELETE /repos/acme/api", "gh api --method=DELETE repos/acme/api/hooks/1",
                   "glab api --method DELETE projects/1", "gh secret delete TOKEN"],
        counterExamples: ["gh api repos/acme/api/pulls", "gh api -X POST repos/acme/api/issues -f title=x", "gh release create v1"])

    static let all = [destroy, deleteResource]

    /// Command → (subcommand words, rule). Words match the leading operands in order.
    static let table: [String: [([String], ShellRule)]] = [
        "gh": [(["repo", "delete"], destroy), (["release", "delete"], deleteResource), (["release", "delete-asset"], deleteResource),
               (["secret", "delete"], deleteResource), (["secret", "remove"], deleteResource), (["variable", "delete"], deleteResource),
               (["run", "delete"], deleteResource), (["codespace", "delete"], deleteResource), (["gist", "delete"], deleteResource),
               (["repo", "archive"], deleteResource), (["label", "delete"], deleteResource), (["ruleset", "delete"], deleteResource)],
        "glab": [(["repo", "delete"], destroy), (["project", "delete"], destroy), (["release", "delete"], deleteResource), (["variable", "delete"], deleteResource),
                 (["repo", "archive"], deleteResource)],
        "hub": [(["delete"], destroy)],
        "heroku": [(["apps:destroy"], destroy), (["destroy"], destroy), (["apps:delete"], destroy), (["pg:reset"], destroy),
                   (["addons:destroy"], destroy), (["pg:reset"], destroy), (["spaces:destroy"], destroy), (["config:unset"], deleteResource)],
        "fly": [(["apps", "destroy"], destroy), (["destroy"], destroy), (["apps", "delete"], destroy), (["volumes", "destroy"], destroy),
                (["volumes", "delete"], destroy), (["postgres", "destroy"], destroy), (["machine", "destroy"], deleteResource),
                (["secrets", "unset"], deleteResource)],
        "wrangler": [(["delete"], destroy), (["pages", "project", "delete"], destroy), (["pages", "deployment", "delete"], deleteResource), (["d1", "delete"], destroy), (["r2", "bucket", "delete"], destroy),
                     (["kv:namespace", "delete"], destroy), (["kv", "namespace", "delete"], destroy), (["secret", "delete"], deleteResource)],
        "supabase": [(["projects", "delete"], destroy), (["orgs", "delete"], destroy)],
        "neonctl": [(["projects", "delete"], destroy), (["branches", "delete"], deleteResource)],
        "planetscale": [(["database", "delete"], destroy)], "pscale": [(["database", "delete"], destroy), (["branch", "delete"], deleteResource)],
        "render": [(["services", "delete"], destroy)],
        "vercel": [(["projects", "rm"], destroy), (["project", "rm"], destroy), (["env", "rm"], deleteResource)],
        "cf": [(["delete"], destroy), (["delete-service"], destroy), (["delete-space"], destroy), (["delete-org"], destroy), (["delete-route"], deleteResource)],
        "firebase": [(["firestore:delete"], destroy), (["database:remove"], destroy), (["hosting:disable"], destroy), (["functions:delete"], deleteResource)],
    ]

    /// `-X METHOD`, `-XMETHOD`, `--method METHOD`, `--request METHOD`, `--method=METHOD`.
    static func method(_ args: [String]) -> String? {
        for (k, t) in args.enumerated() {
            if (t == "-X" || t == "--method" || t == "--request"), k + 1 < args.count { return args[k + 1] }
            if t.hasPrefix("--method=") { return String(t.dropFirst(9)) }
            if t.hasPrefix("--request=") { return String(t.dropFirst(10)) }
            if t.hasPrefix("-X") && t.count > 2 { return String(t.dropFirst(2)) }
        }
        return nil
    }

    static let commandNames = ["gh", "glab", "hub", "heroku", "fly", "wrangler", "supabase", "neonctl", "planetscale", "pscale", "render", "vercel",
                               "cf", "firebase", "curl", "http", "xh", "https"]

    static func canonical(_ name: String) -> String { name == "flyctl" ? "fly" : name }

    /// APIs of forges and hosts, where an HTTP DELETE removes repositories, apps or releases.
    static let apiHosts = ["api.github.com", "gitlab.com", "api.heroku.com", "api.vercel.com", "api.fly.io", "api.netlify.com",
                           "api.cloudflare.com", "api.digitalocean.com", "api.bitbucket.org", "api.render.com", "backboard.railway.app"]

    static func check(_ inv: ShInvocation, _ sink: inout ShellSink) {
        let name = canonical(inv.name)
        // A plain array check first: most commands are not hosting CLIs, and the table need not be built for them.
        guard commandNames.contains(name) else { return }
        if name == "curl" || name == "http" || name == "xh" || name == "https" {
            let args = inv.argTexts
            let deleting = HostingRules.method(args)?.uppercased() == "DELETE" || args.first?.uppercased() == "DELETE"
            if deleting, args.contains(where: { a in ShURL.hosts(in: a).contains { h in apiHosts.contains { h == $0 || h.hasSuffix("." + $0) } } }) {
                sink.report(deleteResource, inv.subject)
            }
            return
        }
        guard let entries = table[name] else { return }
        let args = inv.argTexts
        let words = args.filter { !$0.hasPrefix("-") }.map { $0.lowercased() }
        // `supabase db reset --linked` / `--db-url`: the hosted database, not the local one.
        if name == "supabase", words.starts(with: ["db", "reset"]), args.contains(where: { $0 == "--linked" || $0.hasPrefix("--db-url") }) {
            sink.report(destroy, inv.subject)
            return
        }
        for (seq, rule) in entries where words.starts(with: seq) {
            sink.report(rule, inv.subject)
            return
        }
        if name == "gh", words.starts(with: ["repo", "edit"]), args.contains(where: { $0 == "--visibility=public" }) || args.firstIndex(of: "--visibility").map({ $0 + 1 < args.count && args[$0 + 1] == "public" }) == true {
            sink.report(deleteResource, inv.subject)
            return
        }
        if (name == "gh" || name == "glab") && words.first == "api" {
            if method(args)?.uppercased() == "DELETE" { sink.report(deleteResource, inv.subject); return }
        }
    }
}
