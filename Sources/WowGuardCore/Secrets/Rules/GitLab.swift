/// GitLab tokens. Every GitLab token type carries a documented prefix (GitLab "Token prefixes"
/// table). Legacy bodies are 20 `Devise.friendly_token` characters (base64url); since GitLab 17.x
/// many types may instead be *routable* tokens: a base64url payload, `.`, a 2-character base-36
/// version, `.`, then 2 base-36 length characters and a 7-character base-36 CRC-32.
private let glRoutable = #"(?:\.[0-9a-z]{2}\.[0-9a-z]{9})?"#
/// Body of a prefixed GitLab token: legacy (20 characters) or routable (longer payload + suffix).
private let glBody = #"[A-Za-z0-9_\-]{20,300}"# + glRoutable
private let glEnd = #"(?![A-Za-z0-9_\-])"#
private let glStart = #"(?<![A-Za-z0-9_])"#

/// A synthetic legacy GitLab token body.
private func glToken(_ prefix: String, _ count: Int = 20, seed: UInt64) -> String {
    prefix + Synthetic.string(count, alphabet: Synthetic.base64url, seed: seed)
}

/// A synthetic routable GitLab token.
private func glRoutableToken(_ prefix: String, seed: UInt64) -> String {
    prefix + Synthetic.string(44, alphabet: Synthetic.base64url, seed: seed) + ".01."
        + Synthetic.string(9, alphabet: Synthetic.lowerAlnum, seed: seed &+ 7)
}

extension RuleFamilies {
    static let gitlab: [SecretRule] = [
        SecretRule(
            id: "gitlab-pat",
            description: "GitLab personal, project, group or impersonation access token",
            keywords: ["glpat-"],
            pattern: glStart + #"(glpat-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "GITLAB_TOKEN=\(glToken("glpat-", seed: 1001))",
                "curl --header \"PRIVATE-TOKEN: \(glToken("glpat-", seed: 1002))\" https://gitlab.com/api/v4/projects",
                "token: \(glRoutableToken("glpat-", seed: 1003))",
                "git remote add origin https://oauth2:\(glToken("glpat-", seed: 1004))@gitlab.com/grp/repo.git",
            ],
            counterExamples: [
                "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
                "Personal access tokens start with glpat- followed by 20 characters.",
                "GITLAB_TOKEN=\(glToken("glpat-", 12, seed: 1005))",
                "GITLAB_TOKEN=glpat-<your-token>",
            ]),
        SecretRule(
            id: "gitlab-deploy-token",
            description: "GitLab deploy token",
            keywords: ["gldt-"],
            pattern: glStart + #"(gldt-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "CI_DEPLOY_PASSWORD=\(glToken("gldt-", seed: 1010))",
                "docker login -u gitlab+deploy-token-42 -p \(glToken("gldt-", seed: 1011)) registry.gitlab.com",
            ],
            counterExamples: [
                "password: gldt-xxxxxxxxxxxxxxxxxxxxxx",
                "deploy tokens now use the gldt- prefix",
                "CI_DEPLOY_PASSWORD=\(glToken("gldt-", 10, seed: 1012))",
            ]),
        SecretRule(
            id: "gitlab-runner-token",
            description: "GitLab runner authentication token",
            keywords: ["glrt-", "glrtr-"],
            pattern: glStart + #"(glrtr?-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "  token = \"\(glToken("glrt-", seed: 1020))\"",
                "gitlab-runner register --token \(glToken("glrt-t1_", seed: 1021))",
                "RUNNER_TOKEN=\(glToken("glrtr-", seed: 1022))",
            ],
            counterExamples: [
                "token = \"glrt-xxxxxxxxxxxxxxxxxxxx\"",
                "--token glrt-$RUNNER_TOKEN",
                "token = \"\(glToken("glrt-", 8, seed: 1023))\"",
            ]),
        SecretRule(
            id: "gitlab-runner-registration-token",
            description: "GitLab runner registration token (deprecated registration flow)",
            keywords: ["gr1348941"],
            pattern: #"(?<![A-Za-z0-9])(GR1348941[A-Za-z0-9_\-]{20,40})"# + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "REGISTRATION_TOKEN=GR1348941\(Synthetic.string(20, alphabet: Synthetic.base64url, seed: 1030))",
                "gitlab-runner register --registration-token \"GR1348941\(Synthetic.string(20, alphabet: Synthetic.base64url, seed: 1031))\"",
            ],
            counterExamples: [
                "REGISTRATION_TOKEN=GR1348941xxxxxxxxxxxxxxxxxxxx",
                "Registration tokens begin with GR1348941.",
                "REGISTRATION_TOKEN=GR1348941\(Synthetic.string(9, seed: 1032))",
            ]),
        SecretRule(
            id: "gitlab-pipeline-trigger-token",
            description: "GitLab pipeline trigger token",
            keywords: ["glptt-"],
            pattern: glStart + #"(glptt-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "curl -X POST -F token=\(glToken("glptt-", 40, seed: 1040)) -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline",
                "TRIGGER_TOKEN: \"glptt-\(Synthetic.string(40, alphabet: Synthetic.lowerHex, seed: 1041))\"",
            ],
            counterExamples: [
                "TRIGGER_TOKEN: \"glptt-\(String(repeating: "0", count: 40))\"",
                "-F token=glptt-TOKEN",
                "TRIGGER_TOKEN: \"glptt-\(Synthetic.string(16, alphabet: Synthetic.lowerHex, seed: 1042))\"",
            ]),
        SecretRule(
            id: "gitlab-ci-job-token",
            description: "GitLab CI/CD job token",
            keywords: ["glcbt-"],
            pattern: glStart + #"(glcbt-[A-Za-z0-9_\-]{20,1500}(?:\.[A-Za-z0-9_\-]{2,1500}){0,2})"# + glEnd,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "CI_JOB_TOKEN=\(glToken("glcbt-64_", seed: 1050))",
                "curl --header \"JOB-TOKEN: \(glToken("glcbt-", 24, seed: 1051))\" https://gitlab.example.com/api/v4/jobs/1/artifacts",
            ],
            counterExamples: [
                "CI_JOB_TOKEN=glcbt-xxxxxxxxxxxxxxxxxxxxxxxx",
                "JOB-TOKEN: $CI_JOB_TOKEN (glcbt- prefix)",
                "CI_JOB_TOKEN=\(glToken("glcbt-", 10, seed: 1052))",
            ]),
        SecretRule(
            id: "gitlab-scim-token",
            description: "GitLab SCIM OAuth access token",
            keywords: ["glsoat-"],
            pattern: glStart + #"(glsoat-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SCIM_TOKEN=\(glToken("glsoat-", seed: 1060))",
                "Authorization: Bearer \(glToken("glsoat-", seed: 1061))",
            ],
            counterExamples: [
                "SCIM_TOKEN=glsoat-xxxxxxxxxxxxxxxxxxxx",
                "SCIM tokens are prefixed glsoat-",
                "SCIM_TOKEN=\(glToken("glsoat-", 11, seed: 1062))",
            ]),
        SecretRule(
            id: "gitlab-incoming-mail-token",
            description: "GitLab incoming mail token",
            keywords: ["glimt-"],
            pattern: glStart + #"(glimt-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "INCOMING_EMAIL_TOKEN=\(glToken("glimt-", 25, seed: 1070))",
                "incoming_email_token: glimt-\(Synthetic.string(25, alphabet: Synthetic.lowerAlnum, seed: 1071))",
            ],
            counterExamples: [
                "incoming_email_token: glimt-xxxxxxxxxxxxxxxxxxxxxxxxx",
                "incoming_email_token: glimt-\(Synthetic.string(12, alphabet: Synthetic.lowerAlnum, seed: 1072))",
            ]),
        SecretRule(
            id: "gitlab-agent-token",
            description: "GitLab agent for Kubernetes token",
            keywords: ["glagent-"],
            pattern: glStart + #"(glagent-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "helm upgrade --install agent gitlab/gitlab-agent --set config.token=\(glToken("glagent-", 50, seed: 1080))",
                "  token: \"\(glToken("glagent-", 50, seed: 1081))\"",
            ],
            counterExamples: [
                "--set config.token=glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "config.token=\(glToken("glagent-", 12, seed: 1082))",
            ]),
        SecretRule(
            id: "gitlab-oauth-app-secret",
            description: "GitLab OAuth application secret",
            keywords: ["gloas-"],
            pattern: glStart + #"(gloas-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "GITLAB_OAUTH_CLIENT_SECRET=gloas-\(Synthetic.string(64, alphabet: Synthetic.lowerHex, seed: 1090))",
                "client_secret: 'gloas-\(Synthetic.string(64, alphabet: Synthetic.lowerHex, seed: 1091))'",
            ],
            counterExamples: [
                "client_secret: 'gloas-<secret>'",
                "GITLAB_OAUTH_CLIENT_SECRET=gloas-\(Synthetic.string(15, alphabet: Synthetic.lowerHex, seed: 1092))",
            ]),
        SecretRule(
            id: "gitlab-feed-token",
            description: "GitLab feed token (RSS/Atom and calendar feeds)",
            keywords: ["glft-"],
            pattern: glStart + #"(glft-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "https://gitlab.com/dashboard/issues.atom?feed_token=\(glToken("glft-", seed: 1100))&state=opened",
                "FEED_TOKEN=\(glToken("glft-", seed: 1101))",
            ],
            counterExamples: [
                "feed_token=glft-xxxxxxxxxxxxxxxxxxxx",
                "FEED_TOKEN=\(glToken("glft-", 9, seed: 1102))",
            ]),
        SecretRule(
            id: "gitlab-feature-flags-client-token",
            description: "GitLab feature flags client token",
            keywords: ["glffct-"],
            pattern: glStart + #"(glffct-"# + glBody + ")" + glEnd,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "UNLEASH_INSTANCE_ID=\(glToken("glffct-", seed: 1110))",
                "instanceId: '\(glToken("glffct-", seed: 1111))'",
            ],
            counterExamples: [
                "instanceId: 'glffct-xxxxxxxxxxxxxxxxxxxx'",
                "UNLEASH_INSTANCE_ID=\(glToken("glffct-", 6, seed: 1112))",
            ]),
        SecretRule(
            id: "gitlab-session-cookie",
            description: "GitLab session cookie",
            keywords: ["_gitlab_session"],
            pattern: #"_gitlab_session=([0-9a-f]{32})(?![0-9a-f])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "Cookie: _gitlab_session=\(Synthetic.string(32, alphabet: Synthetic.lowerHex, seed: 1120)); path=/",
                "curl -b \"_gitlab_session=\(Synthetic.string(32, alphabet: Synthetic.lowerHex, seed: 1121))\" https://gitlab.internal/api/v4/user",
            ],
            counterExamples: [
                "Cookie: _gitlab_session=\(String(repeating: "0", count: 32))",
                "The _gitlab_session= cookie holds the session id.",
                "_gitlab_session=\(Synthetic.string(16, alphabet: Synthetic.lowerHex, seed: 1122))",
            ]),
    ]
}
