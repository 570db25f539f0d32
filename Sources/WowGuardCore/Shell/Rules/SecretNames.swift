/// Environment variable names that hold secrets, and the services they belong to: sending
/// `$GITHUB_TOKEN` to api.github.com is the point of the token; sending it anywhere else is not.
enum SecretNames {
    static let markers = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "AUTH_KEY", "SESSION_KEY", "_PAT"]
    /// Markers for values that are never sent to an API by hand (passwords and private keys).
    static let neverSent = ["PRIVATE_KEY"]

    static func isSecret(_ name: String) -> Bool {
        let u = name.uppercased()
        guard u == name, name.count >= 5 else { return false }
        return markers.contains { u.contains($0) } && !u.hasSuffix("_FILE") && !u.hasSuffix("_PATH") && !u.hasSuffix("_URL") && !u.hasSuffix("_ID")
    }

    /// Variable-name prefix → host suffixes of the service.
    static let services: [(String, [String])] = [
        ("GITHUB", ["github.com", "githubusercontent.com", "ghcr.io"]), ("GH_", ["github.com", "githubusercontent.com", "ghcr.io"]),
        ("GITLAB", ["gitlab.com"]), ("CI_JOB", ["gitlab.com"]), ("AWS", ["amazonaws.com", "aws.amazon.com"]), ("NPM", ["npmjs.org", "npmjs.com"]),
        ("NODE_AUTH", ["npmjs.org", "npm.pkg.github.com"]), ("OPENAI", ["openai.com"]), ("ANTHROPIC", ["anthropic.com"]), ("CLAUDE", ["anthropic.com"]),
        ("STRIPE", ["stripe.com"]), ("SLACK", ["slack.com"]), ("HF_", ["huggingface.co"]), ("HUGGING", ["huggingface.co"]),
        ("DOCKER", ["docker.io", "docker.com"]), ("HEROKU", ["heroku.com"]), ("VERCEL", ["vercel.com"]), ("CLOUDFLARE", ["cloudflare.com"]),
        ("CF_", ["cloudflare.com"]), ("DIGITALOCEAN", ["digitalocean.com"]), ("DO_", ["digitalocean.com"]), ("SENTRY", ["sentry.io"]),
        ("DATADOG", ["datadoghq.com", "datadoghq.eu"]), ("DD_", ["datadoghq.com", "datadoghq.eu"]), ("TWILIO", ["twilio.com"]),
        ("SENDGRID", ["sendgrid.com"]), ("PYPI", ["pypi.org"]), ("TWINE", ["pypi.org"]), ("GOOGLE", ["googleapis.com", "google.com"]),
        ("GEMINI", ["googleapis.com"]), ("GCP", ["googleapis.com"]), ("AZURE", ["azure.com", "windows.net", "microsoft.com"]),
        ("CIRCLE", ["circleci.com"]), ("NETLIFY", ["netlify.com"]), ("CODECOV", ["codecov.io"]), ("LINEAR", ["linear.app"]),
        ("NOTION", ["notion.com", "notion.so"]), ("DISCORD", ["discord.com"]), ("TELEGRAM", ["telegram.org"]), ("JIRA", ["atlassian.net"]),
        ("ATLASSIAN", ["atlassian.net", "atlassian.com"]), ("SUPABASE", ["supabase.co", "supabase.com"]), ("FLY", ["fly.io"]),
        ("MISTRAL", ["mistral.ai"]), ("GROQ", ["groq.com"]), ("COHERE", ["cohere.ai", "cohere.com"]), ("REPLICATE", ["replicate.com"]),
        ("PAGERDUTY", ["pagerduty.com"]), ("NEW_RELIC", ["newrelic.com"]), ("MAILGUN", ["mailgun.net"]), ("POSTMARK", ["postmarkapp.com"]),
        ("SHOPIFY", ["myshopify.com", "shopify.com"]), ("ALGOLIA", ["algolia.net", "algolianet.com"]), ("SNYK", ["snyk.io"]),
        ("SONAR", ["sonarcloud.io"]), ("BUILDKITE", ["buildkite.com"]), ("RENDER", ["render.com"]), ("RAILWAY", ["railway.app"]),
        ("PULUMI", ["pulumi.com"]), ("TF_", ["terraform.io", "hashicorp.cloud"]), ("VAULT", ["hashicorp.cloud"]), ("OP_", ["1password.com"]),
    ]
    /// Hosts used to collect stolen data (request bins, tunnels, paste sites, out-of-band scanners).
    static let collectorSuffixes = ["webhook.site", "requestbin.com", "pipedream.net", "ngrok.io", "ngrok-free.app", "ngrok.app", "burpcollaborator.net",
                                    "oast.fun", "oast.pro", "oast.live", "oastify.com", "interact.sh", "pastebin.com", "transfer.sh", "hookbin.com",
                                    "beeceptor.com", "trycloudflare.com", "serveo.net", "localtunnel.me", "loca.lt", "discord.com/api/webhooks"]

    /// Whether sending the secret `name` to `hosts` is ordinary: loopback only, or the service's own hosts.
    static func allowed(_ name: String, toHosts hosts: [String]) -> Bool {
        let known = hosts.map { $0.lowercased() }.filter { !$0.isEmpty && !$0.contains(ShMark.unknown) }
        if known.isEmpty { return hosts.isEmpty ? false : true }
        let outside = known.filter { HostClassifier.classify($0) != .loopback }
        if outside.isEmpty { return true }
        let u = name.uppercased()
        if let (_, suffixes) = services.first(where: { u.hasPrefix($0.0) }) {
            return outside.allSatisfy { h in suffixes.contains { h == $0 || h.hasSuffix("." + $0) } }
        }
        // A generic name (`$API_TOKEN`): ordinary towards the project's own APIs, not towards
        // collectors, raw IP addresses or plain HTTP; passwords and private keys go nowhere.
        if neverSent.contains(where: { u.contains($0) }) { return false }
        return !outside.contains { h in
            collectorSuffixes.contains { h == $0 || h.hasSuffix("." + $0) } || HostClassifier.parseIPv4(h) != nil || h.contains(":")
        }
    }
}
