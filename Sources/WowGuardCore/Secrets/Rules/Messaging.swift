/// Messaging, e-mail, SMS and chat-bot credentials: Twilio, SendGrid, Mailgun, Mailchimp, Postmark,
/// Brevo, Resend, Mailjet, Vonage, Pushover, Telegram, Discord and Microsoft Teams.
private func msStr(_ n: Int, _ alphabet: String = Synthetic.base62, seed: UInt64) -> String {
    Synthetic.string(n, alphabet: alphabet, seed: seed)
}
private func msHex(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }
private func msUUID(seed: UInt64) -> String {
    "\(msHex(8, seed: seed))-\(msHex(4, seed: seed &+ 1))-4\(msHex(3, seed: seed &+ 2))-b\(msHex(3, seed: seed &+ 3))-\(msHex(12, seed: seed &+ 4))"
}

/// Unpadded standard base64, as Discord uses for the user-id part of a bot token.
private func msBase64(_ text: String) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    let bytes = Array(text.utf8)
    var out = ""
    var i = 0
    while i < bytes.count {
        let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
        let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
        let v = UInt32(bytes[i]) << 16 | b1 << 8 | b2
        out.append(table[Int(v >> 18 & 63)])
        out.append(table[Int(v >> 12 & 63)])
        if i + 1 < bytes.count { out.append(table[Int(v >> 6 & 63)]) }
        if i + 2 < bytes.count { out.append(table[Int(v & 63)]) }
        i += 3
    }
    return out
}

/// A synthetic Discord bot token: base64(user id) . timestamp . HMAC.
private func msDiscordToken(idDigits: Int, hmac: Int, seed: UInt64) -> String {
    let id = "1" + msStr(idDigits - 1, "0123456789", seed: seed)
    return msBase64(id) + "." + msStr(6, Synthetic.base64url, seed: seed &+ 1) + "." + msStr(hmac, Synthetic.base64url, seed: seed &+ 2)
}

private let msSep = #"["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?"#
private let msUUIDPattern = #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#

/// A key without a distinctive prefix, assigned to a provider-named setting or passed to a constructor.
private func msContext(_ names: String, _ value: String) -> String {
    #"(?<![A-Za-z0-9])(?i:"# + names + #")[A-Za-z0-9_.\-]{0,25}(?:["']?\s{0,5}(?:=>|:=|[:=])|\(\s{0,3}(?:[A-Za-z_]{1,16}\s{0,3}=\s{0,3})?)\s{0,5}["']?("#
        + value + #")(?![A-Za-z0-9_\-])"#
}

extension RuleFamilies {
    static let messaging: [SecretRule] = [
        SecretRule(
            id: "twilio-api-key",
            description: "Twilio API key SID (SK + 32 hex)",
            // "SK" plus the first hex digit: a 3-byte keyword that does not depend on a Twilio-named
            // setting on the same line (YAML `value:` lines, CLI arguments).
            keywords: ["sk0", "sk1", "sk2", "sk3", "sk4", "sk5", "sk6", "sk7", "sk8", "sk9", "ska", "skb", "skc", "skd", "ske", "skf"],
            pattern: #"(?<![A-Za-z0-9_])(SK[0-9a-f]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "TWILIO_API_KEY=SK\(msHex(32, seed: 2000))",
                "twilio:\n  api_key_sid: SK\(msHex(32, seed: 2001))",
                "        - name: TWILIO_KEY_SID\n          value: SK\(msHex(32, seed: 2002))",
            ],
            counterExamples: [
                "TWILIO_API_KEY=SK\(String(repeating: "0", count: 32))",
                "TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "sha256: SK\(msHex(64, seed: 2003))",
            ]),
        SecretRule(
            id: "twilio-auth-token",
            description: "Twilio auth token or API key secret",
            keywords: ["twilio"],
            pattern: #"(?<![A-Za-z0-9])(?i:twilio)[A-Za-z0-9_.\-]{0,20}(?i:auth[_\-.]?token|api[_\-.]?secret|secret|token)[A-Za-z0-9_.\-]{0,5}"# + msSep + #"([0-9a-f]{32})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "TWILIO_AUTH_TOKEN=\(msHex(32, seed: 2005))",
                "\"twilioApiSecret\": \"\(msHex(32, seed: 2006))\"",
            ],
            counterExamples: [
                "TWILIO_AUTH_TOKEN=\(String(repeating: "0", count: 32))",
                "TWILIO_AUTH_TOKEN=your_auth_token",
            ]),
        SecretRule(
            id: "twilio-account-credentials",
            description: "Twilio account SID followed by its auth token (basic-auth pair or client arguments)",
            keywords: ["twilio", "client("],
            pattern: #"(?<![A-Za-z0-9])AC[0-9a-f]{32}["']?\s{0,3}[:,]\s{0,3}["']?([0-9a-f]{32})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "curl -X POST https://api.twilio.com/2010-04-01/Accounts.json -u AC\(msHex(32, seed: 2010)):\(msHex(32, seed: 2011))",
                "client = Client(\"AC\(msHex(32, seed: 2012))\", \"\(msHex(32, seed: 2013))\")",
            ],
            counterExamples: [
                "client = Client(\"AC\(msHex(32, seed: 2014))\", auth_token)",
                "-u AC\(msHex(32, seed: 2015)):\(String(repeating: "0", count: 32)) https://api.twilio.com",
            ]),
        SecretRule(
            id: "sendgrid-api-key",
            description: "SendGrid API key (SG.)",
            keywords: ["sg."],
            pattern: #"(?<![A-Za-z0-9_\-])(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "SENDGRID_API_KEY=SG.\(msStr(22, Synthetic.base64url, seed: 2020)).\(msStr(43, Synthetic.base64url, seed: 2021))",
                "sg = SendGridAPIClient('SG.\(msStr(22, Synthetic.base64url, seed: 2022)).\(msStr(43, Synthetic.base64url, seed: 2023))')",
            ],
            counterExamples: [
                "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "SENDGRID_API_KEY=SG.\(msStr(10, seed: 2024)).\(msStr(10, seed: 2025))",
            ]),
        SecretRule(
            id: "mailgun-api-key",
            description: "Mailgun legacy private API key (key-…)",
            keywords: ["key-"],
            pattern: #"(?<![A-Za-z0-9_\-])(key-[0-9a-f]{32})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "MAILGUN_API_KEY=key-\(msHex(32, seed: 2030))",
                "curl -s --user 'api:key-\(msHex(32, seed: 2031))' https://api.mailgun.net/v3/mg.corp.net/messages",
            ],
            counterExamples: [
                // The public validation key is meant to be shared.
                "MAILGUN_PUBLIC_KEY=pubkey-\(msHex(32, seed: 2032))",
                "MAILGUN_API_KEY=key-\(String(repeating: "0", count: 32))",
                "ssh-keygen -t ed25519 -f deploy-key-\(msHex(8, seed: 2033))",
            ]),
        SecretRule(
            id: "mailgun-private-key",
            description: "Mailgun private API key (current format) or webhook signing key",
            keywords: ["mailgun"],
            pattern: #"(?<![A-Za-z0-9])([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "MAILGUN_API_KEY=\(msHex(32, seed: 2035))-\(msHex(8, seed: 2036))-\(msHex(8, seed: 2037))",
                "mailgun = Mailgun(api_key=\"\(msHex(32, seed: 2038))-\(msHex(8, seed: 2039))-\(msHex(8, seed: 2040))\")",
            ],
            counterExamples: [
                "MAILGUN_DOMAIN=mg.corp.net",
                "MAILGUN_API_KEY=\(String(repeating: "0", count: 32))-00000000-00000000",
            ]),
        SecretRule(
            id: "mailchimp-api-key",
            description: "Mailchimp Marketing API key (…-usNN)",
            keywords: ["-us"],
            pattern: #"(?<![A-Za-z0-9])([0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "MAILCHIMP_API_KEY=\(msHex(32, seed: 2045))-us12",
                "mailchimp.setConfig({ apiKey: \"\(msHex(32, seed: 2046))-us6\", server: \"us6\" });",
            ],
            counterExamples: [
                "MAILCHIMP_API_KEY=\(String(repeating: "0", count: 32))-us12",
                "Accept-Language: en-us",
            ]),
        SecretRule(
            id: "mandrill-api-key",
            description: "Mailchimp Transactional (Mandrill) API key",
            keywords: ["mandrill"],
            pattern: msContext(#"mandrill"#, #"md-[A-Za-z0-9_\-]{22}|[A-Za-z0-9_\-]{22}"#),
            minEntropy: 3.5, severity: .high,
            examples: [
                "MANDRILL_API_KEY=md-\(msStr(22, Synthetic.base64url, seed: 2050))",
                "mandrill_client = mandrill.Mandrill('\(msStr(22, seed: 2051))')",
            ],
            counterExamples: [
                "MANDRILL_API_KEY=md-xxxxxxxxxxxxxxxxxxxxxx",
                "MANDRILL_API_KEY=${MANDRILL_API_KEY}",
            ]),
        SecretRule(
            id: "postmark-server-token",
            description: "Postmark server or account API token",
            keywords: ["postmark"],
            pattern: msContext(#"postmark"#, msUUIDPattern),
            minEntropy: 3.0, severity: .high,
            examples: [
                "POSTMARK_SERVER_TOKEN=\(msUUID(seed: 2055))",
                "curl -H \"X-Postmark-Server-Token: \(msUUID(seed: 2056))\" https://api.postmarkapp.com/email",
            ],
            counterExamples: [
                "X-Postmark-Server-Token: POSTMARK_API_TEST",
                "POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000",
            ]),
        SecretRule(
            id: "brevo-api-key",
            description: "Brevo (Sendinblue) API or SMTP key",
            keywords: ["xkeysib-", "xsmtpsib-"],
            pattern: #"(?<![A-Za-z0-9_\-])((?:xkeysib|xsmtpsib)-[0-9a-f]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "BREVO_API_KEY=xkeysib-\(msHex(64, seed: 2060))-\(msStr(16, seed: 2061))",
                "smtp_password: xsmtpsib-\(msHex(64, seed: 2062))-\(msStr(16, seed: 2063))",
            ],
            counterExamples: [
                "BREVO_API_KEY=xkeysib-...",
                "BREVO_API_KEY=xkeysib-\(String(repeating: "0", count: 64))-xxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "resend-api-key",
            description: "Resend API key (re_…) in a Resend context",
            keywords: ["resend"],
            pattern: #"(?<![A-Za-z0-9_])(re_[A-Za-z0-9]{6,12}_[A-Za-z0-9]{20,32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "RESEND_API_KEY=re_\(msStr(8, seed: 2065))_\(msStr(24, seed: 2066))",
                "const resend = new Resend('re_\(msStr(8, seed: 2067))_\(msStr(24, seed: 2068))');",
            ],
            counterExamples: [
                "RESEND_API_KEY=re_xxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxx",
                "const resend = new Resend(process.env.RESEND_API_KEY);",
            ]),
        SecretRule(
            id: "mailjet-secret-key",
            description: "Mailjet API secret (private) key",
            keywords: ["mailjet", "mj_apikey_private", "mj_api_secret"],
            pattern: #"(?<![A-Za-z0-9])(?i:mailjet[A-Za-z0-9_.\-]{0,20}(?:secret|private)|mj_apikey_private|mj_api_secret)[A-Za-z0-9_.\-]{0,10}"# + msSep + #"([0-9a-f]{32})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "MJ_APIKEY_PRIVATE=\(msHex(32, seed: 2070))",
                "mailjet_secret_key: \"\(msHex(32, seed: 2071))\"",
            ],
            counterExamples: [
                // The public half of the key pair is an identifier.
                "MJ_APIKEY_PUBLIC=\(msHex(32, seed: 2072))",
                "MJ_APIKEY_PRIVATE=\(String(repeating: "0", count: 32))",
            ]),
        SecretRule(
            id: "vonage-api-secret",
            description: "Vonage (Nexmo) API secret",
            keywords: ["vonage", "nexmo"],
            pattern: #"(?<![A-Za-z0-9])(?i:vonage|nexmo)[A-Za-z0-9_.\-]{0,20}(?i:secret)[A-Za-z0-9_.\-]{0,10}"# + msSep + #"([A-Za-z0-9]{16})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "VONAGE_API_SECRET=\(msStr(16, seed: 2075))",
                "nexmo_api_secret: '\(msStr(16, seed: 2076))'",
            ],
            counterExamples: [
                "VONAGE_API_SECRET=xxxxxxxxxxxxxxxx",
                "VONAGE_API_KEY=\(msHex(8, seed: 2077))",
            ]),
        SecretRule(
            id: "pushover-token",
            description: "Pushover application or user token",
            keywords: ["pushover"],
            pattern: msContext(#"pushover"#, #"[A-Za-z0-9]{30}"#),
            minEntropy: 3.5, severity: .medium,
            examples: [
                "PUSHOVER_APP_TOKEN=\(msStr(30, seed: 2080))",
                "pushover_user_key: \"\(msStr(30, seed: 2081))\"",
            ],
            counterExamples: [
                "PUSHOVER_APP_TOKEN=\(String(repeating: "x", count: 30))",
                "PUSHOVER_API_URL=https://api.pushover.net/1/messages.json",
            ]),
        SecretRule(
            id: "telegram-bot-token",
            description: "Telegram Bot API token",
            keywords: [":aa"],
            pattern: #"(?<![0-9])([0-9]{8,10}:AA[A-Za-z0-9_\-]{33})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "TELEGRAM_BOT_TOKEN=7\(msStr(9, "0123456789", seed: 2085)):AA\(msStr(33, Synthetic.base64url, seed: 2086))",
                "requests.get(\"https://api.telegram.org/bot6\(msStr(9, "0123456789", seed: 2087)):AA\(msStr(33, Synthetic.base64url, seed: 2088))/getMe\")",
            ],
            counterExamples: [
                "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "TELEGRAM_BOT_TOKEN=7\(msStr(9, "0123456789", seed: 2089)):AA\(msStr(10, seed: 2090))",
            ]),
        SecretRule(
            id: "discord-bot-token",
            description: "Discord bot token (base64 user id . timestamp . HMAC)",
            keywords: ["discord", "token", ".login(", ".run(", "authorization"],
            // The first segment is base64 of the decimal user id, so every 4-character group is
            // [MNO][DTjz][AEIMQUYcgk][w-z0-5]; that structure keeps this rule specific without a prefix.
            pattern: #"(?<![A-Za-z0-9_\-])((?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){4,6}(?:[MNO][DTjz][AEIMQUYcgk]|[MNO][AQgw])?\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "DISCORD_TOKEN=\(msDiscordToken(idDigits: 19, hmac: 38, seed: 2095))",
                "client.login('\(msDiscordToken(idDigits: 18, hmac: 38, seed: 2096))');",
                "bot.run(\"\(msDiscordToken(idDigits: 17, hmac: 27, seed: 2097))\")",
            ],
            counterExamples: [
                "DISCORD_TOKEN=\(msStr(24, seed: 2098)).\(msStr(6, seed: 2099)).\(msStr(38, seed: 2100))",
                "DISCORD_TOKEN=your-bot-token",
                "token = jwt.encode(payload, key)",
            ]),
        SecretRule(
            id: "discord-webhook-url",
            description: "Discord webhook URL",
            keywords: ["discord.com/api", "discordapp.com/api"],
            pattern: #"(https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,80})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "DISCORD_WEBHOOK=https://discord.com/api/webhooks/1\(msStr(18, "0123456789", seed: 2105))/\(msStr(68, Synthetic.base64url, seed: 2106))",
                "url = \"https://discordapp.com/api/webhooks/1\(msStr(17, "0123456789", seed: 2107))/\(msStr(68, Synthetic.base64url, seed: 2108))\"",
            ],
            counterExamples: [
                "DISCORD_WEBHOOK=https://discord.com/api/webhooks/{webhook.id}/{webhook.token}",
                "https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "teams-incoming-webhook",
            description: "Microsoft Teams / Office 365 incoming webhook URL",
            keywords: ["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"],
            pattern: #"(https://(?:[A-Za-z0-9\-]{1,60}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/[0-9a-f\-]{36}@[0-9a-f\-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f\-]{36}(?:/[A-Za-z0-9_\-]{20,80})?)(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/\(msUUID(seed: 2110))@\(msUUID(seed: 2111))/IncomingWebhook/\(msHex(32, seed: 2112))/\(msUUID(seed: 2113))/V2\(msStr(40, Synthetic.base64url, seed: 2114))",
                "url: https://outlook.office.com/webhook/\(msUUID(seed: 2115))@\(msUUID(seed: 2116))/IncomingWebhook/\(msHex(32, seed: 2117))/\(msUUID(seed: 2118))",
            ],
            counterExamples: [
                "TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/<id>",
                "Incoming webhooks live under https://<tenant>.webhook.office.com/webhookb2/",
            ]),
        SecretRule(
            id: "teams-workflow-webhook",
            description: "Teams Workflows / Power Automate / Logic Apps trigger URL with its signature",
            keywords: ["logic.azure.com", "powerplatform.com"],
            pattern: #"https://[A-Za-z0-9.\-]{1,160}\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?/[^\s"'<>]{1,400}?[?&]sig=([A-Za-z0-9_\-%]{40,100})(?![A-Za-z0-9_\-%])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "TEAMS_FLOW_URL=https://prod-12.westeurope.logic.azure.com:443/workflows/\(msHex(32, seed: 2120))/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=\(msStr(43, Synthetic.base64url, seed: 2121))",
                "url: https://default\(msHex(30, seed: 2122)).0e.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/\(msHex(32, seed: 2123))/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=\(msStr(43, Synthetic.base64url, seed: 2124))",
            ],
            counterExamples: [
                "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01",
                "https://prod-12.westeurope.logic.azure.com/workflows/x/invoke?sig=<signature>",
            ]),
    ]
}
