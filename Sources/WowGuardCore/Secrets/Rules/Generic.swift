extension RuleFamilies {
    /// Plausibility of a generic assignment's value: rejects identifiers, paths, URLs and file names,
    /// which is what most `token = something` lines in code actually hold.
    static func plausibleGenericValue(_ v: String) -> Bool {
        let bytes = Array(v.utf8)
        guard bytes.count >= 8 else { return false }
        if v.contains("://") { return false }
        var digits = 0, letters = 0, others = 0
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            default: others += 1
            }
        }
        if letters == 0 { return false }  // numbers, dates, version strings
        // Identifiers, dotted names, paths and kebab names: no digits and low entropy.
        if digits == 0 {
            // Without digits, only random-looking mixed case counts: identifiers (SCREAMING_SNAKE,
            // snake_case, camelCase), dotted member accesses and paths do not.
            if v.contains(".") || v.contains("/") { return false }
            var upper = 0, transitions = 0, lastUpper: Bool?
            for b in bytes where (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                let isUpper = b <= 0x5A
                if isUpper { upper += 1 }
                if let l = lastUpper, l != isUpper { transitions += 1 }
                lastUpper = isUpper
            }
            if upper == 0 || upper == letters || transitions * 4 < letters { return false }
        }
        // File names and type names.
        let lower = v.lowercased()
        for ext in [".pem", ".key", ".json", ".yaml", ".yml", ".txt", ".env", ".p12", ".crt", ".js", ".py", ".swift"] where lower.hasSuffix(ext) {
            return false
        }
        return true
    }

    static let assignment = #"["'\]]{0,3}\s{0,5}(?:=>|:=|(?<![=!<>])=(?![=>~])|:(?!:))\s{0,5}"#
    static let value = #"(?|["'`]([^"'`\s\\]{8,200})["'`]|([^\s"'`,;#(){}\[\]<>\\]{12,200})(?=[\s,;]|$))"#

    static let generic: [SecretRule] = [
        SecretRule(
            id: "generic-password",
            description: "Password assigned in code or configuration",
            keywords: ["pass", "pwd"],
            pattern: #"(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.\-]{0,30}(?:password|passwd|passphrase|pass|pwd)(?:word)?[A-Za-z0-9_\-]{0,15}"# + assignment + value,
            minEntropy: 3.0, severity: .high, validator: .custom(plausibleGenericValue), generic: true,
            examples: [
                "DB_PASSWORD=\(Synthetic.string(16, seed: 80))",
                "password = \"\(Synthetic.string(12, seed: 81))\"",
                "  smtp_pass: '\(Synthetic.string(14, alphabet: Synthetic.base64, seed: 82))'",
                "\"adminPassword\": \"\(Synthetic.string(18, seed: 83))\",",
                "$config['db_pwd'] = '\(Synthetic.string(13, seed: 84))';",
                "val password = \"\(Synthetic.string(15, seed: 85))\"",
            ],
            counterExamples: [
                "password = \"password\"",
                "DB_PASSWORD=${DB_PASSWORD}",
                "password: \"{{ .Values.db.password }}\"",
                "db_password = os.environ[\"DB_PASSWORD\"]",
                "password = getpass.getpass()",
                "if password == expected_password:",
                "const password = process.env.PASSWORD;",
                "password_file = \"/run/secrets/db_password\"",
                "password: \"<your password>\"",
                "passwordMinLength = 12",
                "def login(password=DEFAULT_PASSWORD):",
                "password_hash = hash_password(password)",
            ]),
        SecretRule(
            id: "generic-secret",
            description: "Secret, token or API key assigned in code or configuration",
            keywords: ["secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "access-key",
                       "auth_key", "authkey", "credential", "private_key", "privatekey", "client_key"],
            pattern: #"(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.\-]{0,30}(?:secret|token|api[_\-]?key|access[_\-]?key|auth[_\-]?key|credentials?|private[_\-]?key|client[_\-]?key)[A-Za-z0-9_\-]{0,15}"# + assignment + value,
            minEntropy: 3.2, severity: .high, validator: .custom(plausibleGenericValue), generic: true,
            examples: [
                "API_KEY=\(Synthetic.string(32, seed: 90))",
                "client_secret = \"\(Synthetic.string(24, seed: 91))\"",
                "  auth_token: \(Synthetic.string(40, alphabet: Synthetic.lowerHex, seed: 92))",
                "\"apiKey\": \"\(Synthetic.string(28, alphabet: Synthetic.base64url, seed: 93))\"",
                "const SECRET_KEY = '\(Synthetic.string(30, alphabet: Synthetic.base64, seed: 94))';",
                "webhook_secret := \"\(Synthetic.string(20, seed: 95))\"",
            ],
            counterExamples: [
                "API_KEY=YOUR_API_KEY",
                "api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
                "secret: ${{ secrets.DEPLOY_KEY }}",
                "token = request.headers.get(\"Authorization\")",
                "token_type = \"bearer\"",
                "secretName: my-app-secrets",
                "tokenizer = AutoTokenizer.from_pretrained(model_name)",
                "access_token_url = \"https://oauth.example.com/token\"",
                "secret_key_path = \"config/secret.key\"",
                "csrf_token = generate_csrf_token(session)",
                "api_key = settings.OPENAI_API_KEY",
                "\"integrity\": \"sha512-\(Synthetic.string(86, alphabet: Synthetic.base64, seed: 96))==\"",
            ]),
    ]
}
