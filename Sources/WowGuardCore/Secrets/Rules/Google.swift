/// Google / Google Cloud / Firebase credentials. The PEM inside a service-account key file is left
/// to the `private-key` rule; `gcp-service-account` reports the key file itself (by its key id).
private func goStr(_ n: Int, _ alphabet: String = Synthetic.base64url, seed: UInt64) -> String {
    Synthetic.string(n, alphabet: alphabet, seed: seed)
}
private let goSep = #"["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?"#

extension RuleFamilies {
    static let google: [SecretRule] = [
        SecretRule(
            id: "google-api-key",
            description: "Google API key (Maps, Gemini, Firebase, Cloud APIs)",
            keywords: ["aiza"],
            pattern: #"(?<![A-Za-z0-9_\-])(AIza[0-9A-Za-z_\-]{35})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "GOOGLE_API_KEY=AIza\(goStr(35, seed: 1400))",
                "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIza\(goStr(35, seed: 1401))&callback=init\"></script>",
                "  apiKey: \"AIza\(goStr(35, seed: 1402))\",",
            ],
            counterExamples: [
                "GOOGLE_API_KEY=AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "GOOGLE_API_KEY=AIza\(goStr(20, seed: 1403))",
                "Google API keys start with AIza.",
            ]),
        SecretRule(
            id: "gcp-service-account",
            description: "Google Cloud service-account key file (reported by its private_key_id)",
            keywords: ["service_account", "private_key_id"],
            pattern: #"(?|"type"\s{0,5}:\s{0,5}"service_account"[^}]{0,4000}?"private_key_id"\s{0,5}:\s{0,5}"([0-9a-f]{40})"|"private_key_id"\s{0,5}:\s{0,5}"([0-9a-f]{40})"[^}]{0,4000}?"type"\s{0,5}:\s{0,5}"service_account")"#,
            minEntropy: 3.0, severity: .critical, multiline: true,
            examples: [
                "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo-project\",\n  \"private_key_id\": \"\(goStr(40, Synthetic.lowerHex, seed: 1410))\",\n  \"client_email\": \"ci@demo-project.iam.gserviceaccount.com\"\n}",
                "{\"private_key_id\": \"\(goStr(40, Synthetic.lowerHex, seed: 1411))\", \"client_id\": \"1\", \"type\": \"service_account\"}",
            ],
            counterExamples: [
                "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"\",\n  \"private_key\": \"\"\n}",
                "{\"type\": \"authorized_user\", \"client_id\": \"x\"}",
                "if creds[\"type\"] == \"service_account\": load(creds[\"private_key_id\"])",
            ]),
        SecretRule(
            id: "google-oauth-client-secret",
            description: "Google OAuth client secret (GOCSPX-)",
            keywords: ["gocspx-"],
            pattern: #"(?<![A-Za-z0-9_\-])(GOCSPX-[A-Za-z0-9_\-]{28})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "GOOGLE_CLIENT_SECRET=GOCSPX-\(goStr(28, seed: 1420))",
                "{\"web\":{\"client_id\":\"1-x.apps.googleusercontent.com\",\"client_secret\":\"GOCSPX-\(goStr(28, seed: 1421))\"}}",
            ],
            counterExamples: [
                "GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "GOOGLE_CLIENT_SECRET=GOCSPX-\(goStr(12, seed: 1422))",
            ]),
        SecretRule(
            id: "google-oauth-client-secret-legacy",
            description: "Google OAuth client secret (pre-2021 format) in a client_secret JSON",
            keywords: ["googleusercontent.com"],
            pattern: #"apps\.googleusercontent\.com"[^\n]{0,400}?"client_secret"\s{0,5}:\s{0,5}"([A-Za-z0-9_\-]{24})""#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "{\"installed\":{\"client_id\":\"\(goStr(12, "0123456789", seed: 1430))-\(goStr(32, Synthetic.lowerAlnum, seed: 1431)).apps.googleusercontent.com\",\"project_id\":\"demo\",\"client_secret\":\"\(goStr(24, seed: 1432))\"}}",
                "{\"web\": {\"client_id\": \"1-abc.apps.googleusercontent.com\", \"client_secret\": \"\(goStr(24, seed: 1433))\"}}",
            ],
            counterExamples: [
                "{\"web\": {\"client_id\": \"1-abc.apps.googleusercontent.com\", \"client_secret\": \"xxxxxxxxxxxxxxxxxxxxxxxx\"}}",
                "{\"web\": {\"client_id\": \"1-abc.apps.googleusercontent.com\", \"client_secret\": \"\"}}",
            ]),
        SecretRule(
            id: "google-oauth-access-token",
            description: "Google OAuth 2.0 access token (ya29.)",
            keywords: ["ya29."],
            pattern: #"(?<![A-Za-z0-9_\-])(ya29\.[A-Za-z0-9_\-]{30,2048})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .medium,
            examples: [
                "Authorization: Bearer ya29.\(goStr(160, seed: 1440))",
                "\"access_token\": \"ya29.a0\(goStr(200, seed: 1441))\"",
            ],
            counterExamples: [
                "Authorization: Bearer ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "Access tokens look like ya29.<token>",
            ]),
        SecretRule(
            id: "google-oauth-refresh-token",
            description: "Google OAuth 2.0 refresh token (1//0…)",
            keywords: ["1//0"],
            pattern: #"(?<![A-Za-z0-9_\-/])(1//0[A-Za-z0-9_\-]{35,400})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "\"refresh_token\": \"1//0g\(goStr(97, seed: 1450))\"",
                "GOOGLE_REFRESH_TOKEN=1//04\(goStr(100, seed: 1451))",
            ],
            counterExamples: [
                "\"refresh_token\": \"1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
                "\"refresh_token\": \"1//0g\(goStr(10, seed: 1452))\"",
            ]),
        SecretRule(
            id: "firebase-fcm-server-key",
            description: "Firebase Cloud Messaging legacy server key",
            keywords: ["apa91b"],
            pattern: #"(?<![A-Za-z0-9_\-])(AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "FCM_SERVER_KEY=AAAA\(goStr(7, seed: 1460)):APA91b\(goStr(134, seed: 1461))",
                "Authorization: key=AAAA\(goStr(7, seed: 1462)):APA91b\(goStr(134, seed: 1463))",
            ],
            counterExamples: [
                // A device registration token has the same tail but no AAAA sender prefix: not a secret key.
                "\"to\": \"\(goStr(11, seed: 1464)):APA91b\(goStr(134, seed: 1465))\"",
                "FCM_SERVER_KEY=AAAA-your-key:APA91b...",
            ]),
        SecretRule(
            id: "google-recaptcha-secret",
            description: "Google reCAPTCHA secret key",
            keywords: ["recaptcha"],
            pattern: #"(?i:recaptcha)[A-Za-z0-9_.\-]{0,25}(?i:secret|private|server)[A-Za-z0-9_.\-]{0,15}"# + goSep + #"(6L[A-Za-z0-9_\-]{38})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .medium,
            examples: [
                "RECAPTCHA_SECRET_KEY=6L\(goStr(38, seed: 1470))",
                "recaptcha_secret: \"6L\(goStr(38, seed: 1471))\"",
            ],
            counterExamples: [
                // The site key is public by design.
                "RECAPTCHA_SITE_KEY=6L\(goStr(38, seed: 1472))",
                "RECAPTCHA_SECRET_KEY=6Lxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
    ]
}
