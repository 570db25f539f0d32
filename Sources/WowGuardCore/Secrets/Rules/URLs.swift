extension RuleFamilies {
    /// Passwords that are defaults of local development set-ups, not secrets.
    static let trivialPasswords = #"^(?:pass(?:word)?|passwd|pwd|secret|postgres|mysql|root|admin|guest|test|user(?:name)?|example|changeme|redis|rabbitmq|mongo|sa|\*+|x+)$"#

    /// Passwords in URLs that are variables or placeholders: `POSTGRES_PASSWORD`, `$PASS`, `%PASS%`, `{password}`.
    static let urlPlaceholderPassword = #"(?-i)^(?:[A-Z][A-Z0-9_]*|[a-z]+(?:_[a-z]+)+|.*[$\{\}<>].*|.*%[A-Za-z_]+%?.*|\*+|\.\.\.|env:.*)$"#

    static let urls: [SecretRule] = [
        SecretRule(
            id: "database-url-password",
            description: "Database or message-broker URL with an embedded password",
            keywords: ["://"],
            // Any scheme but http(s) (`url-basic-auth`): postgres, pgx, nats, amqp, jdbc:…, redis, …
            pattern: #"(?i)(?<![A-Za-z0-9+.\-])(?!https?://)((?:jdbc:)?[a-z][a-z0-9+.\-]{1,24})://[^:/\s@'"<>${}]{0,64}:([^@/\s'"<>]{3,128})@(?:[A-Za-z0-9_.\-\[\]:]+|(?=["'`\s]))"#,
            secretGroup: 2, minEntropy: 1.5, severity: .high, validator: .custom(plausibleValue(.password)),
            allowPatterns: [trivialPasswords, urlPlaceholderPassword], assess: classifierConfidence(.password),
            examples: [
                "DATABASE_URL=postgres://app:\(Synthetic.string(20, seed: 70))@db.internal:5432/app",
                "mongodb+srv://svc:\(Synthetic.string(16, seed: 71))@cluster0.mongodb.net/prod",
                "broker_url = 'amqp://worker:\(Synthetic.string(14, seed: 72))@rabbit.prod:5672//'",
                "REDIS_URL=rediss://default:\(Synthetic.string(24, seed: 73))@cache.example.io:6380",
                "jdbc:mysql://admin:\(Synthetic.string(12, seed: 74))@10.0.0.5:3306/shop",
                "NATS_URL=nats://svc:\(RuleKit.value("database-url-password", 0, .base62, 18))@nats.internal:4222",
                "dsn := \"pgx://app:\(RuleKit.value("database-url-password", 1, .base62, 16))@db:5432/app\"",
            ],
            counterExamples: [
                "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev",
                "postgres://user:password@localhost/db",
                "postgres://app:${DB_PASSWORD}@db:5432/app",
                "mongodb://<user>:<password>@host/db",
                "DATABASE_URL=postgres://localhost:5432/app",
                "postgres://POSTGRES_USER:POSTGRES_PASSWORD@db:5432/app",
                "url = f\"postgresql://{user}:{password}@{host}/db\"",
                "$conn = \"mysql://${env:DB_USER}:$env:DB_PASS@db/app\"",
                "amqp://guest:%RABBIT_PASS%@rabbit:5672",
            ]),
        SecretRule(
            id: "url-basic-auth",
            description: "HTTP(S) URL with embedded basic-auth credentials",
            keywords: ["http://", "https://"],
            pattern: #"(?i)https?://([A-Za-z0-9_.%+\-]{1,64}):([^@/\s'"<>:]{6,128})@[A-Za-z0-9][A-Za-z0-9_.\-]*"#,
            secretGroup: 2, minEntropy: 2.5, severity: .high,
            validator: .custom(plausibleValue(.password)),
            allowPatterns: [trivialPasswords, urlPlaceholderPassword, #"^x-oauth-basic$"#], assess: classifierConfidence(.password),
            examples: [
                "curl https://deploy:\(Synthetic.string(18, seed: 75))@registry.corp.net/v2/",
                "url = \"https://ci-bot:\(Synthetic.string(22, seed: 76))@git.internal.io/repo.git\"",
            ],
            counterExamples: [
                "https://user:password@example.com",
                "http://localhost:8080/health",
                "https://user:${TOKEN}@host/repo",
                "see https://docs.python.org/3/library/urllib.html",
            ]),
    ]
}
