extension RuleFamilies {
    static let github: [SecretRule] = [
        SecretRule(
            id: "github-token",
            description: "GitHub token (personal, OAuth, user-to-server, server-to-server or refresh)",
            keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
            pattern: #"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"#,
            severity: .critical, validator: .crc32Base62(prefixLength: 4),
            examples: [
                "GITHUB_TOKEN=\(Synthetic.crc32Token(prefix: "ghp_", seed: 50))",
                "token: \"\(Synthetic.crc32Token(prefix: "gho_", seed: 51))\"",
                "git clone https://x-access-token:\(Synthetic.crc32Token(prefix: "ghs_", seed: 52))@github.com/o/r.git",
                "refresh=\(Synthetic.crc32Token(prefix: "ghr_", seed: 53)) user=\(Synthetic.crc32Token(prefix: "ghu_", seed: 54))",
            ],
            counterExamples: [
                // Right shape, wrong checksum: not a token GitHub issued.
                "GITHUB_TOKEN=ghp_\(Synthetic.string(36, alphabet: Synthetic.base62, seed: 55))",
                "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "github-fine-grained-pat",
            description: "GitHub fine-grained personal access token",
            keywords: ["github_pat_"],
            pattern: #"(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])"#,
            minEntropy: 4.0, severity: .critical,
            examples: ["GH_TOKEN=github_pat_\(Synthetic.string(22, seed: 56))_\(Synthetic.string(59, seed: 57))"],
            counterExamples: ["github_pat_ tokens start with this prefix", "github_pat_11AAAAAAAAAAAAAAAAAAAAAA_\(String(repeating: "a", count: 59))"]),
        SecretRule(
            id: "github-app-installation-token-v1",
            description: "GitHub legacy v1 installation token",
            keywords: ["v1."],
            pattern: #"(?i)(?:github|gh|token)[A-Za-z0-9_\-]{0,20}["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?(v1\.[0-9a-f]{40})(?![0-9a-f])"#,
            minEntropy: 3.0, severity: .high,
            examples: ["GITHUB_TOKEN=v1.\(Synthetic.string(40, alphabet: Synthetic.lowerHex, seed: 58))"],
            counterExamples: ["version = v1.2.3"]),
    ]
}
