/// Stripe API keys and webhook signing secrets. Publishable keys (`pk_live_` / `pk_test_`) are meant
/// to ship in client code and are deliberately not findings.
private func stKey(_ prefix: String, _ n: Int = 99, seed: UInt64) -> String {
    prefix + Synthetic.string(n, alphabet: Synthetic.base62, seed: seed)
}
/// Sample test-mode keys printed in Stripe's public API documentation.
private let stripeDocsTestKeys = [#"^sk_test_4eC39HqLyjWDarjtT1zdp7dc$"#, #"^sk_test_BQokikJOvBiI2HlWgH4olfQ2$"#]
private let stStart = #"(?<![A-Za-z0-9_])"#
private let stEnd = #"(?![A-Za-z0-9_])"#

extension RuleFamilies {
    static let stripe: [SecretRule] = [
        SecretRule(
            id: "stripe-secret-key",
            description: "Stripe live secret API key",
            keywords: ["sk_live_"],
            pattern: stStart + #"(sk_live_[A-Za-z0-9]{20,247})"# + stEnd,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "STRIPE_SECRET_KEY=\(stKey("sk_live_51", seed: 1300))",
                "Stripe.api_key = \"\(stKey("sk_live_", 24, seed: 1301))\"",
                "curl https://api.stripe.com/v1/charges -u \(stKey("sk_live_", 24, seed: 1302)):",
            ],
            counterExamples: [
                "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "STRIPE_PUBLISHABLE_KEY=\(stKey("pk_live_51", seed: 1303))",
                "Live keys look like sk_live_... and must stay on the server.",
                "STRIPE_SECRET_KEY=\(stKey("sk_live_", 10, seed: 1304))",
            ]),
        SecretRule(
            id: "stripe-test-secret-key",
            description: "Stripe test-mode secret API key",
            keywords: ["sk_test_"],
            pattern: stStart + #"(sk_test_[A-Za-z0-9]{20,247})"# + stEnd,
            // Stripe's own documentation ships public sample test keys; they are not leaks.
            minEntropy: 3.5, severity: .medium, allowPatterns: stripeDocsTestKeys,
            examples: [
                "STRIPE_SECRET_KEY=\(stKey("sk_test_51", seed: 1310))",
                "stripe.api_key = '\(stKey("sk_test_", 24, seed: 1311))'",
            ],
            counterExamples: [
                "STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
                "const stripe = Stripe('\(stKey("pk_test_51", seed: 1312))');",
                "STRIPE_SECRET_KEY=sk_test_...",
                "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"",
            ]),
        SecretRule(
            id: "stripe-restricted-key",
            description: "Stripe live restricted API key",
            keywords: ["rk_live_"],
            pattern: stStart + #"(rk_live_[A-Za-z0-9]{20,247})"# + stEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "STRIPE_RESTRICTED_KEY=\(stKey("rk_live_51", seed: 1320))",
                "\"stripeKey\": \"\(stKey("rk_live_", 24, seed: 1321))\"",
            ],
            counterExamples: [
                "STRIPE_RESTRICTED_KEY=rk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "STRIPE_RESTRICTED_KEY=\(stKey("rk_live_", 8, seed: 1322))",
            ]),
        SecretRule(
            id: "stripe-test-restricted-key",
            description: "Stripe test-mode restricted API key",
            keywords: ["rk_test_"],
            pattern: stStart + #"(rk_test_[A-Za-z0-9]{20,247})"# + stEnd,
            minEntropy: 3.5, severity: .low,
            examples: [
                "STRIPE_RESTRICTED_KEY=\(stKey("rk_test_51", seed: 1330))",
                "key: \(stKey("rk_test_", 24, seed: 1331))",
            ],
            counterExamples: [
                "STRIPE_RESTRICTED_KEY=rk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
                "key: rk_test_<restricted key>",
            ]),
        SecretRule(
            id: "stripe-webhook-secret",
            description: "Stripe (or Standard Webhooks) webhook signing secret",
            keywords: ["whsec_"],
            pattern: stStart + #"(whsec_[A-Za-z0-9+/]{32,100}={0,2})(?![A-Za-z0-9_+/=])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "STRIPE_WEBHOOK_SECRET=whsec_\(Synthetic.string(32, seed: 1340))",
                "endpoint_secret = 'whsec_\(Synthetic.string(64, alphabet: Synthetic.lowerHex, seed: 1341))'",
                "WEBHOOK_SECRET=\"whsec_\(Synthetic.string(43, alphabet: Synthetic.base64, seed: 1342))=\"",
            ],
            counterExamples: [
                "STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "endpoint_secret = 'whsec_...'",
                "STRIPE_WEBHOOK_SECRET=whsec_\(Synthetic.string(16, seed: 1343))",
            ]),
    ]
}
