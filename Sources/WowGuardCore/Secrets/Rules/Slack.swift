/// Slack tokens (`xox?-` families, app-level `xapp-`), webhook URLs and app secrets.
private func slDigits(_ n: Int, seed: UInt64) -> String {
    // Slack ids never start with 0; keep examples realistic.
    "4" + Synthetic.string(n - 1, alphabet: "0123456789", seed: seed)
}
private func slHex(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }
private func slAlnum(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base62, seed: seed) }
private func slUpper(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.upperAlnum, seed: seed) }

private let slackEnd = #"(?![A-Za-z0-9_\-])"#
private let slackStart = #"(?<![A-Za-z0-9_\-])"#

extension RuleFamilies {
    static let slack: [SecretRule] = [
        SecretRule(
            id: "slack-bot-token",
            description: "Slack bot token",
            keywords: ["xoxb-"],
            pattern: slackStart + #"(xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,34})"# + slackEnd,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SLACK_BOT_TOKEN=xoxb-\(slDigits(12, seed: 1150))-\(slDigits(13, seed: 1151))-\(slAlnum(24, seed: 1158))",
                "client = WebClient(token=\"xoxb-\(slDigits(11, seed: 1153))-\(slDigits(13, seed: 1154))-\(slAlnum(24, seed: 1155))\")",
                "slack_token: xoxb-\(slDigits(10, seed: 1156))-\(slAlnum(24, seed: 1157))",
            ],
            counterExamples: [
                "SLACK_BOT_TOKEN=xoxb-your-bot-token",
                "SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
                "Bot tokens start with xoxb- and user tokens with xoxp-.",
            ]),
        SecretRule(
            id: "slack-user-token",
            description: "Slack user token",
            keywords: ["xoxp-"],
            pattern: slackStart + #"(xoxp-[0-9]{1,14}(?:-[0-9]{1,14}){2}-[0-9a-f]{32})"# + slackEnd,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SLACK_USER_TOKEN=xoxp-\(slDigits(12, seed: 1160))-\(slDigits(12, seed: 1161))-\(slDigits(13, seed: 1162))-\(slHex(32, seed: 1163))",
                "\"authed_user\": {\"access_token\": \"xoxp-\(slDigits(11, seed: 1164))-\(slDigits(11, seed: 1165))-\(slDigits(13, seed: 1166))-\(slHex(32, seed: 1167))\"}",
            ],
            counterExamples: [
                "token: xoxp-12345-67890-1928471-abcdefg",
                "SLACK_USER_TOKEN=xoxp-\(slDigits(12, seed: 1168))-\(slDigits(12, seed: 1169))-\(slDigits(13, seed: 1170))-\(slHex(12, seed: 1171))",
                "SLACK_USER_TOKEN=xoxp-...",
            ]),
        SecretRule(
            id: "slack-workspace-app-token",
            description: "Slack workspace app token (xoxa)",
            keywords: ["xoxa-"],
            pattern: slackStart + #"(xoxa-(?:2-)?[0-9]{1,14}(?:-[0-9]{1,14}){1,3}-[A-Za-z0-9]{20,64})"# + slackEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SLACK_TOKEN=xoxa-2-\(slDigits(12, seed: 1180))-\(slDigits(12, seed: 1181))-\(slDigits(12, seed: 1182))-\(slHex(64, seed: 1183))",
                "token = 'xoxa-\(slDigits(11, seed: 1184))-\(slDigits(12, seed: 1185))-\(slAlnum(32, seed: 1186))'",
            ],
            counterExamples: [
                "SLACK_TOKEN=xoxa-2-your-token",
                "SLACK_TOKEN=xoxa-2-1-2-xxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "slack-refresh-token",
            description: "Slack OAuth refresh token (xoxr)",
            keywords: ["xoxr-"],
            pattern: slackStart + #"(xoxr-(?:[0-9]{1,14}-){1,4}[A-Za-z0-9]{20,128})"# + slackEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "refresh_token: xoxr-\(slDigits(12, seed: 1190))-\(slDigits(13, seed: 1191))-\(slAlnum(64, seed: 1192))",
                "\"refresh_token\": \"xoxr-1-\(slAlnum(40, seed: 1193))\"",
            ],
            counterExamples: [
                "refresh_token: xoxr-...",
                "\"refresh_token\": \"xoxr-1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
            ]),
        SecretRule(
            id: "slack-config-access-token",
            description: "Slack app configuration / rotating access token (xoxe.xoxp / xoxe.xoxb)",
            keywords: ["xoxe.xox"],
            pattern: slackStart + #"(xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{60,300})"# + slackEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-\(slAlnum(140, seed: 1200))",
                "\"token\": \"xoxe.xoxb-1-\(slAlnum(120, seed: 1201))\"",
            ],
            counterExamples: [
                "\"token\": \"xoxe.xoxp-...\"",
                "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-abcdefg",
            ]),
        SecretRule(
            id: "slack-config-refresh-token",
            description: "Slack app configuration refresh token (xoxe-1-)",
            keywords: ["xoxe-"],
            pattern: slackStart + #"(xoxe-[0-9]-[A-Za-z0-9]{60,300})"# + slackEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-\(slAlnum(146, seed: 1210))",
                "\"refresh_token\": \"xoxe-1-\(slAlnum(100, seed: 1211))\"",
            ],
            counterExamples: [
                "\"refresh_token\": \"xoxe-1-abcdefg\"",
                "\"refresh_token\": \"xoxe-...\"",
            ]),
        SecretRule(
            id: "slack-legacy-token",
            description: "Slack legacy workspace or session token (xoxo / xoxs)",
            keywords: ["xoxo-", "xoxs-"],
            pattern: slackStart + #"(xox[os]-[0-9]{1,14}(?:-[0-9]{1,14}){1,3}-[A-Za-z0-9]{10,64})"# + slackEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SLACK_LEGACY_TOKEN=xoxs-\(slDigits(10, seed: 1220))-\(slDigits(11, seed: 1221))-\(slDigits(12, seed: 1222))-\(slHex(64, seed: 1223))",
                "token=xoxo-\(slDigits(11, seed: 1224))-\(slDigits(11, seed: 1225))-\(slAlnum(24, seed: 1226))",
            ],
            counterExamples: [
                "token=xoxs-1-2-xxxxxxxxxxxxxxxx",
                "legacy tokens (xoxo-, xoxs-) are deprecated",
            ]),
        SecretRule(
            id: "slack-client-token",
            description: "Slack browser client token (xoxc)",
            keywords: ["xoxc-"],
            pattern: slackStart + #"(xoxc-[0-9]{1,14}(?:-[0-9]{1,14}){2}-[0-9a-f]{64})"# + slackEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SLACK_XOXC=xoxc-\(slDigits(11, seed: 1230))-\(slDigits(12, seed: 1231))-\(slDigits(13, seed: 1232))-\(slHex(64, seed: 1233))",
                "token: 'xoxc-\(slDigits(12, seed: 1234))-\(slDigits(12, seed: 1235))-\(slDigits(13, seed: 1236))-\(slHex(64, seed: 1237))'",
            ],
            counterExamples: [
                "SLACK_XOXC=xoxc-...",
                "token: 'xoxc-1-2-3-\(slHex(20, seed: 1238))'",
            ]),
        SecretRule(
            id: "slack-session-cookie",
            description: "Slack `d` session cookie (xoxd)",
            keywords: ["xoxd-"],
            pattern: slackStart + #"(xoxd-[A-Za-z0-9%/+=]{40,400})(?![A-Za-z0-9%/+=])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "SLACK_D_COOKIE=xoxd-\(slAlnum(60, seed: 1240))%2F\(slAlnum(40, seed: 1241))%3D",
                "Cookie: d=xoxd-\(Synthetic.string(100, alphabet: Synthetic.base64, seed: 1242))",
            ],
            counterExamples: [
                "Cookie: d=xoxd-...",
                "SLACK_D_COOKIE=xoxd-\(slAlnum(12, seed: 1243))",
            ]),
        SecretRule(
            id: "slack-app-token",
            description: "Slack app-level token (xapp)",
            keywords: ["xapp-"],
            pattern: slackStart + #"(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[0-9a-f]{64})"# + slackEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SLACK_APP_TOKEN=xapp-1-A\(slUpper(10, seed: 1250))-\(slDigits(13, seed: 1251))-\(slHex(64, seed: 1252))",
                "app_token=\"xapp-1-A\(slUpper(10, seed: 1253))-\(slDigits(13, seed: 1254))-\(slHex(64, seed: 1255))\"",
            ],
            counterExamples: [
                "SLACK_APP_TOKEN=xapp-1-A000-1-xxxx",
                "SLACK_APP_TOKEN=xapp-your-app-token",
            ]),
        SecretRule(
            id: "slack-webhook-url",
            description: "Slack incoming webhook URL",
            keywords: ["hooks.slack.com/services"],
            pattern: #"(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{23,25})(?![A-Za-z0-9])"#,
            secretGroup: 1, minEntropy: 3.5, severity: .high,
            examples: [
                "SLACK_WEBHOOK=https://hooks.slack.com/services/T\(slUpper(10, seed: 1260))/B\(slUpper(10, seed: 1261))/\(slAlnum(24, seed: 1262))",
                "curl -X POST -d '{\"text\":\"hi\"}' https://hooks.slack.com/services/T\(slUpper(8, seed: 1263))/B\(slUpper(11, seed: 1264))/\(slAlnum(24, seed: 1265))",
            ],
            counterExamples: [
                "SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "https://hooks.slack.com/services/T/B/xxx",
                "SLACK_WEBHOOK=https://hooks.slack.com/services/${SLACK_PATH}",
            ]),
        SecretRule(
            id: "slack-workflow-webhook-url",
            description: "Slack Workflow Builder webhook / trigger URL",
            keywords: ["hooks.slack.com/workflows", "hooks.slack.com/triggers"],
            pattern: #"(https://hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:[A-Z0-9]{8,12}/)?[0-9]{8,20}/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "WORKFLOW_URL=https://hooks.slack.com/workflows/T\(slUpper(10, seed: 1270))/A\(slUpper(10, seed: 1271))/\(slDigits(18, seed: 1272))/\(slAlnum(24, seed: 1273))",
                "url: https://hooks.slack.com/triggers/T\(slUpper(9, seed: 1274))/\(slDigits(13, seed: 1275))/\(slHex(32, seed: 1276))",
            ],
            counterExamples: [
                "url: https://hooks.slack.com/triggers/T00000000/0000000000000/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "see https://hooks.slack.com/workflows for details",
            ]),
        SecretRule(
            id: "slack-app-secret",
            description: "Slack app signing secret, client secret or verification token",
            keywords: ["slack"],
            pattern: #"(?i:slack)[A-Za-z0-9_.\-]{0,20}(?i:signing[_\-.]?secret|client[_\-.]?secret|verification[_\-.]?token|app[_\-.]?secret)["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?([0-9a-f]{32}|[A-Za-z0-9]{24})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SLACK_SIGNING_SECRET=\(slHex(32, seed: 1280))",
                "slack_client_secret: \"\(slHex(32, seed: 1281))\"",
                "SLACK_VERIFICATION_TOKEN='\(slAlnum(24, seed: 1282))'",
            ],
            counterExamples: [
                "SLACK_SIGNING_SECRET=\(String(repeating: "0", count: 32))",
                "SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET}",
                "slack_signing_secret = os.environ[\"SLACK_SIGNING_SECRET\"]",
            ]),
    ]
}
