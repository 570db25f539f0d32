// Keywords: the prefilter hashes the first three bytes of every keyword and compares keywords
// wherever those three bytes occur, so a keyword that starts with a common trigram (`her` of
// "heroku", `con` of "consul") costs a check at every "here" or "const". Where a vendor name starts
// with one, the keyword is a distinctive tail of it instead ("roku", "nsul"); the pattern still
// requires the full name.

private typealias OBS = SynthFormats
private typealias OBK = KeywordContext

extension RuleFamilies {
    /// `hc<x>ik_` / `hc<x>mk_` for every letter x (Honeycomb key prefixes).
    static let honeycombPrefixes: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { c in
        ["ik_", "mk_"].map { "hc" + String(UnicodeScalar(c)) + $0 }
    }

    static let observability: [SecretRule] = [
        // MARK: New Relic
        SecretRule(
            id: "newrelic-user-api-key",
            description: "New Relic user API key",
            keywords: ["nrak-"],
            pattern: #"(?<![A-Za-z0-9_\-])(NRAK-[A-Z0-9]{27})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "NEW_RELIC_API_KEY=NRAK-\(OBS.upperAlnum(27, 1600))",
                "api_key: \"NRAK-\(OBS.upperAlnum(27, 1601))\"",
            ],
            counterExamples: [
                "NEW_RELIC_API_KEY=NRAK-\(OBS.upperAlnum(12, 1602))",
                "NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "newrelic-insert-key",
            description: "New Relic insights insert key",
            keywords: ["nrii-"],
            pattern: #"(?<![A-Za-z0-9_\-])(NRII-[A-Za-z0-9_\-]{32})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "NEW_RELIC_INSERT_KEY=NRII-\(OBS.b64url(32, 1603))",
                "X-Insert-Key: NRII-\(OBS.b62(32, 1604))",
            ],
            counterExamples: [
                "NEW_RELIC_INSERT_KEY=NRII-\(OBS.b62(16, 1605))",
                "NRII-<insert key>",
            ]),
        SecretRule(
            id: "newrelic-insights-query-key",
            description: "New Relic insights query key",
            keywords: ["nriq-"],
            pattern: #"(?<![A-Za-z0-9_\-])(NRIQ-[A-Za-z0-9_\-]{32})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .medium,
            examples: [
                "NEW_RELIC_QUERY_KEY=NRIQ-\(OBS.b64url(32, 1606))",
                "X-Query-Key: NRIQ-\(OBS.b62(32, 1607))",
            ],
            counterExamples: [
                "NEW_RELIC_QUERY_KEY=NRIQ-\(OBS.b62(10, 1608))",
                "NRIQ-<query key>",
            ]),
        SecretRule(
            id: "newrelic-browser-key",
            description: "New Relic browser API key",
            keywords: ["nrjs-"],
            pattern: #"(?<![A-Za-z0-9_\-])(NRJS-[a-f0-9]{19})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .low,
            examples: [
                "NEW_RELIC_BROWSER_KEY=NRJS-\(OBS.hex(19, 1609))",
                "licenseKey: 'NRJS-\(OBS.hex(19, 1610))'",
            ],
            counterExamples: [
                "NEW_RELIC_BROWSER_KEY=NRJS-\(OBS.hex(10, 1611))",
                "NRJS-0000000000000000000",
            ]),
        SecretRule(
            id: "newrelic-admin-key",
            description: "New Relic admin API key",
            keywords: ["nraa-"],
            pattern: #"(?<![A-Za-z0-9_\-])(NRAA-[a-f0-9]{27})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "NEW_RELIC_ADMIN_KEY=NRAA-\(OBS.hex(27, 1612))",
                "admin_key: \"NRAA-\(OBS.hex(27, 1613))\"",
            ],
            counterExamples: [
                "NEW_RELIC_ADMIN_KEY=NRAA-\(OBS.hex(20, 1614))",
                "NRAA-<admin key>",
            ]),
        SecretRule(
            id: "newrelic-license-key",
            description: "New Relic ingest license key (…NRAL suffix)",
            keywords: ["nral"],
            pattern: #"(?<![A-Za-z0-9_\-])([a-f0-9]{36}NRAL)(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "NEW_RELIC_LICENSE_KEY=\(OBS.hex(36, 1615))NRAL",
                "license_key: '\(OBS.hex(36, 1616))NRAL'",
            ],
            counterExamples: [
                "NEW_RELIC_LICENSE_KEY=\(OBS.hex(20, 1617))NRAL",
                "NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL",
            ]),
        SecretRule(
            id: "newrelic-license-key-legacy",
            description: "New Relic license key (legacy 40-hex format) assigned to a New Relic license",
            keywords: ["wrelic", "w_relic", "w-relic"],
            pattern: OBK.assigned(vendor: "new[_\\-.]?relic", kind: "license", value: "[0-9a-f]{40}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "NEW_RELIC_LICENSE_KEY=\(OBS.hex(40, 1618))",
                "newrelic.license_key = '\(OBS.hex(40, 1619))'",
            ],
            counterExamples: [
                "NEW_RELIC_APP_NAME=\(OBS.hex(40, 1620))",
                "NEW_RELIC_LICENSE_KEY=<%= ENV['NEW_RELIC_LICENSE_KEY'] %>",
            ]),

        // MARK: Grafana
        SecretRule(
            id: "grafana-cloud-token",
            description: "Grafana Cloud access policy / API token",
            keywords: ["glc_"],
            pattern: #"(?<![A-Za-z0-9_])(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=_])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "GRAFANA_CLOUD_TOKEN=glc_\(OBS.base64(#"{"o":"\#(OBS.digits(6, 1621))","n":"deploy","k":"\#(OBS.b62(24, 1622))","m":{"r":"prod-eu-west-2"}}"#))",
                "password: glc_\(OBS.b64(120, 1623))",
            ],
            counterExamples: [
                "GRAFANA_CLOUD_TOKEN=glc_\(OBS.b62(16, 1624))",
                "GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "grafana-service-account-token",
            description: "Grafana service account token",
            keywords: ["glsa_"],
            pattern: #"(?<![A-Za-z0-9_])(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "GRAFANA_TOKEN=glsa_\(OBS.b62(32, 1625))_\(OBS.hex(8, 1626))",
                "Authorization: Bearer glsa_\(OBS.b62(32, 1627))_\(OBS.hex(8, 1628))",
            ],
            counterExamples: [
                "GRAFANA_TOKEN=glsa_\(OBS.b62(32, 1629))",
                "GRAFANA_TOKEN=glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx",
            ]),
        SecretRule(
            id: "grafana-api-key",
            description: "Grafana API key (legacy, base64 JSON starting eyJrIjoi)",
            keywords: ["eyjrijoi"],
            pattern: #"(?<![A-Za-z0-9+/_\-])(eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_\-])"#,
            minEntropy: 4.0, severity: .high,
            examples: [
                "GRAFANA_API_KEY=\(OBS.base64(#"{"k":"\#(OBS.b62(32, 1630))","n":"ci-deploy","id":1}"#))",
                "grafana_auth = \"\(OBS.base64(#"{"k":"\#(OBS.b62(32, 1631))","n":"terraform","id":7}"#))\"",
            ],
            counterExamples: [
                "GRAFANA_API_KEY=eyJrIjoi\(OBS.b62(10, 1632))",
                "GRAFANA_API_KEY=eyJrIjoi...",
            ]),

        // MARK: Datadog
        SecretRule(
            id: "datadog-api-key",
            description: "Datadog API key",
            keywords: ["datadog", "dd_api", "dd-api", "ddapi"],
            pattern: OBK.assigned(vendor: "datadog|dd", kind: "api[_\\-.]?key", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "DD_API_KEY=\(OBS.hex(32, 1633))",
                "  datadog.apiKey: \"\(OBS.hex(32, 1634))\"",
                "curl -H \"DD-API-KEY: \(OBS.hex(32, 1635))\" https://api.datadoghq.com/api/v1/validate",
            ],
            counterExamples: [
                "DD_API_KEY=\(OBS.hex(40, 1636))",
                "DD_API_KEY=<DATADOG_API_KEY>",
                "ADD_API_KEY=\(OBS.hex(32, 1637))",
            ]),
        SecretRule(
            id: "datadog-app-key",
            description: "Datadog application key",
            keywords: ["datadog", "dd_app", "dd-app", "ddapp", "dd_application"],
            pattern: OBK.assigned(vendor: "datadog|dd", kind: "app(?:lication)?[_\\-.]?key", value: "[0-9a-f]{40}"),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "DD_APP_KEY=\(OBS.hex(40, 1638))",
                "datadog_application_key: '\(OBS.hex(40, 1639))'",
            ],
            counterExamples: [
                "DD_APP_KEY=\(OBS.hex(32, 1640))",
                "DD_APP_KEY=${DD_APP_KEY}",
            ]),

        // MARK: Sentry
        SecretRule(
            id: "sentry-org-token",
            description: "Sentry organization auth token",
            keywords: ["sntrys_"],
            pattern: #"(?<![A-Za-z0-9_])(sntrys_eyJ[A-Za-z0-9+/=]{40,1000}_[A-Za-z0-9+/_\-]{43})(?![A-Za-z0-9+/_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "SENTRY_AUTH_TOKEN=sntrys_\(OBS.base64(#"{"iat":1716239022.123,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"\#(OBS.lowerAlnum(8, 1641))"}"#))_\(OBS.b64(43, 1642))",
                "auth_token: sntrys_\(OBS.base64(#"{"iat":1700000000.5,"url":"https://sentry.corp.net","org":"\#(OBS.lowerAlnum(6, 1643))"}"#))_\(OBS.b62(43, 1644))",
            ],
            counterExamples: [
                "SENTRY_AUTH_TOKEN=sntrys_\(OBS.b62(30, 1645))",
                "SENTRY_AUTH_TOKEN=sntrys_<token>",
            ]),
        SecretRule(
            id: "sentry-user-token",
            description: "Sentry user auth token",
            keywords: ["sntryu_"],
            pattern: #"(?<![A-Za-z0-9_])(sntryu_[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SENTRY_AUTH_TOKEN=sntryu_\(OBS.hex(64, 1646))",
                "sentry-cli --auth-token sntryu_\(OBS.hex(64, 1647)) releases list",
            ],
            counterExamples: [
                "SENTRY_AUTH_TOKEN=sntryu_\(OBS.hex(40, 1648))",
                "SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000",
            ]),
        SecretRule(
            id: "sentry-dsn-secret",
            description: "Sentry legacy DSN with a secret key",
            keywords: ["sentry", "dsn"],
            pattern: #"https?://[a-f0-9]{32}:([a-f0-9]{32})@[A-Za-z0-9.\-]{1,128}(?::[0-9]{2,5})?/(?:[A-Za-z0-9_\-]{1,64}/){0,3}[0-9]{1,12}"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SENTRY_DSN=https://\(OBS.hex(32, 1649)):\(OBS.hex(32, 1650))@sentry.io/123456",
                "dsn: 'https://\(OBS.hex(32, 1651)):\(OBS.hex(32, 1652))@errors.corp.net/7'",
            ],
            counterExamples: [
                "SENTRY_DSN=https://\(OBS.hex(32, 1653))@o123.ingest.sentry.io/456",
                "SENTRY_DSN=https://public:secret@sentry.example.com/1",
            ]),
        SecretRule(
            id: "sentry-dsn",
            description: "Sentry DSN with its client key",
            keywords: ["sentry"],
            pattern: #"https?://([a-f0-9]{32})@[A-Za-z0-9.\-]{0,100}?sentry[A-Za-z0-9.\-]{0,100}(?::[0-9]{2,5})?/(?:[A-Za-z0-9_\-]{1,64}/){0,3}[0-9]{1,12}"#,
            minEntropy: 3.0, severity: .low,
            examples: [
                "SENTRY_DSN=https://\(OBS.hex(32, 1654))@o\(OBS.digits(6, 1655)).ingest.us.sentry.io/\(OBS.digits(7, 1656))",
                "Sentry.init({ dsn: \"https://\(OBS.hex(32, 1657))@sentry.corp.io/42\" })",
            ],
            counterExamples: [
                "SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0",
                "SENTRY_DSN=https://<key>@sentry.io/<project>",
            ]),

        // MARK: Honeycomb, Dynatrace, Splunk
        SecretRule(
            id: "honeycomb-api-key",
            description: "Honeycomb ingest or management API key",
            keywords: honeycombPrefixes,
            pattern: #"(?<![A-Za-z0-9_])(hc[a-z](?:ik|mk)_[A-Za-z0-9]{26}:?[A-Za-z0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "HONEYCOMB_API_KEY=hcxik_\(OBS.lowerAlnum(26, 1660))\(OBS.b62(32, 1661))",
                "x-honeycomb-team: hcaik_\(OBS.upperAlnum(26, 1662))\(OBS.b62(32, 1663))",
            ],
            counterExamples: [
                "HONEYCOMB_KEY_ID=hcxik_\(OBS.lowerAlnum(26, 1664))",
                "HONEYCOMB_API_KEY=hcxik_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "honeycomb-configuration-key",
            description: "Honeycomb configuration or classic API key assigned to a Honeycomb key",
            keywords: ["neycomb"],
            pattern: OBK.assigned(vendor: "honeycomb", kind: "key|team|token", value: "[A-Za-z0-9]{22}|[a-f0-9]{32}"),
            minEntropy: 3.5, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "HONEYCOMB_API_KEY=\(OBS.b62(22, 1665))",
                "curl -H \"X-Honeycomb-Team: \(OBS.hex(32, 1666))\" https://api.honeycomb.io/1/auth",
            ],
            counterExamples: [
                "HONEYCOMB_API_KEY=\(OBS.b62(30, 1667))",
                "HONEYCOMB_DATASET=\(OBS.b62(22, 1668))",
            ]),
        SecretRule(
            id: "dynatrace-api-token",
            description: "Dynatrace API or platform token",
            keywords: ["dt0c", "dt0s", "dt0a"],
            pattern: #"(?<![A-Za-z0-9_.])(dt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9_.])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "DT_API_TOKEN=dt0c01.\(OBS.upperAlnum(24, 1670)).\(OBS.upperAlnum(64, 1671))",
                "Authorization: Api-Token dt0c01.\(OBS.upperAlnum(24, 1672)).\(OBS.upperAlnum(64, 1673))",
            ],
            counterExamples: [
                "DT_API_TOKEN=dt0c01.\(OBS.upperAlnum(24, 1674))",
                "DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "splunk-hec-token",
            description: "Splunk HTTP Event Collector token",
            keywords: ["splunk"],
            pattern: #"(?i)(?:(?<![A-Za-z0-9])(?:splunk|hec)[A-Za-z0-9_.\-]{0,25}?(?:token|key)[A-Za-z0-9_.\-]{0,20}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?|authorization["']?\s{0,3}(?:=>|[:=,])\s{0,3}["']?splunk\s{1,3})((?-i:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SPLUNK_HEC_TOKEN=\(OBS.uuid(1675))",
                "curl -k https://splunk:8088/services/collector -H \"Authorization: Splunk \(OBS.uuid(1676))\"",
            ],
            counterExamples: [
                "SPLUNK_INDEX_ID=\(OBS.uuid(1677))",
                "Authorization: Splunk <hec-token>",
            ]),

        // MARK: Incident management
        SecretRule(
            id: "pagerduty-api-key",
            description: "PagerDuty REST API key",
            keywords: ["rduty", "r_duty", "r-duty"],
            pattern: OBK.assigned(vendor: "pager[_\\-.]?duty", kind: "api[_\\-.]?key|api[_\\-.]?token|token", value: "[A-Za-z0-9_+\\-]{20}", after: "(?![A-Za-z0-9_+\\-])"),
            minEntropy: 3.5, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "PAGERDUTY_API_KEY=\(OBS.b62(20, 1680))",
                "pagerduty_token: \"u+\(OBS.b64url(18, 1681))\"",
            ],
            counterExamples: [
                "PAGERDUTY_API_KEY=\(OBS.b62(32, 1682))",
                "PAGERDUTY_SERVICE_ID=P\(OBS.upperAlnum(6, 1683))",
            ]),
        SecretRule(
            id: "pagerduty-integration-key",
            description: "PagerDuty Events API integration / routing key",
            keywords: ["rduty", "r_duty", "r-duty", "outing_key", "outing-key", "outingkey"],
            pattern: #"(?i)(?<![A-Za-z0-9])(?:pager[_\-.]?duty[A-Za-z0-9_.\-]{0,25}?(?:integration|routing|service|events?)[_\-.]?key|routing[_\-]?key)[A-Za-z0-9_.\-]{0,10}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?((?-i:[0-9a-f]{32}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "PAGERDUTY_INTEGRATION_KEY=\(OBS.hex(32, 1684))",
                "{\"routing_key\": \"\(OBS.hex(32, 1685))\", \"event_action\": \"trigger\"}",
            ],
            counterExamples: [
                "channel.publish(exchange, routing_key='orders.created')",
                "PAGERDUTY_INTEGRATION_KEY=\(OBS.hex(20, 1686))",
            ]),
        SecretRule(
            id: "opsgenie-api-key",
            description: "Opsgenie API key",
            keywords: ["opsgenie", "iekey"],
            pattern: #"(?i)(?:(?<![A-Za-z0-9])opsgenie[A-Za-z0-9_.\-]{0,25}?(?:key|token)[A-Za-z0-9_.\-]{0,20}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?|geniekey\s{1,3})((?-i:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "OPSGENIE_API_KEY=\(OBS.uuid(1687))",
                "curl -H \"Authorization: GenieKey \(OBS.uuid(1688))\" https://api.opsgenie.com/v2/alerts",
            ],
            counterExamples: [
                "OPSGENIE_TEAM_ID=\(OBS.uuid(1689))",
                "Authorization: GenieKey <api-key>",
            ]),

        // MARK: Logging and error tracking
        SecretRule(
            id: "axiom-token",
            description: "Axiom API or personal token",
            keywords: ["xaat-", "xapt-"],
            pattern: #"(?<![A-Za-z0-9_\-])(xa[ap]t-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "AXIOM_TOKEN=xaat-\(OBS.uuid(1690))",
                "Authorization: Bearer xapt-\(OBS.uuid(1691))",
            ],
            counterExamples: [
                "AXIOM_TOKEN=xaat-<uuid>",
                "AXIOM_TOKEN=xaat-00000000-0000-0000-0000-000000000000",
            ]),
        SecretRule(
            id: "bugsnag-api-key",
            description: "Bugsnag API key",
            keywords: ["gsnag"],
            pattern: OBK.assigned(vendor: "bugsnag", kind: "key|token", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .medium,
            examples: [
                "BUGSNAG_API_KEY=\(OBS.hex(32, 1692))",
                "bugsnag_key: '\(OBS.hex(32, 1693))'",
            ],
            counterExamples: [
                "BUGSNAG_RELEASE_STAGE=production",
                "BUGSNAG_API_KEY=<api key>",
            ]),
        SecretRule(
            id: "rollbar-access-token",
            description: "Rollbar access token",
            keywords: ["llbar"],
            pattern: OBK.assigned(vendor: "rollbar", kind: "token|key", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "ROLLBAR_ACCESS_TOKEN=\(OBS.hex(32, 1694))",
                "rollbar.post_server_item_token = \"\(OBS.hex(32, 1695))\"",
            ],
            counterExamples: [
                "ROLLBAR_ENV=production",
                "ROLLBAR_ACCESS_TOKEN=\(OBS.hex(24, 1696))",
            ]),
        SecretRule(
            id: "sumologic-access-key",
            description: "Sumo Logic access key",
            keywords: ["sumo"],
            pattern: OBK.assigned(vendor: "sumo(?:[_\\-.]?logic)?", kind: "access[_\\-.]?key|secret", value: "[A-Za-z0-9]{64}"),
            minEntropy: 4.0, severity: .high,
            examples: [
                "SUMOLOGIC_ACCESS_KEY=\(OBS.b62(64, 1697))",
                "sumo_access_key: \"\(OBS.b62(64, 1698))\"",
            ],
            counterExamples: [
                "SUMOLOGIC_ACCESS_ID=su\(OBS.b62(12, 1699))",
                "SUMOLOGIC_ACCESS_KEY=\(OBS.b62(40, 1700))",
            ]),
        SecretRule(
            id: "logzio-token",
            description: "Logz.io shipping or API token",
            keywords: ["ogz"],
            pattern: OBK.assigned(vendor: "logz(?:[_\\-.]?io)?", kind: "token|key", value: "[A-Za-z]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            minEntropy: 3.5, severity: .high,
            examples: [
                "LOGZIO_TOKEN=\(Synthetic.string(32, alphabet: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed: 1701))",
                "logz_io_api_token: \"\(OBS.uuid(1702))\"",
            ],
            counterExamples: [
                "LOGZIO_LISTENER=listener.logz.io",
                "LOGZIO_TOKEN=<<SHIPPING-TOKEN>>",
            ]),
        SecretRule(
            id: "logdna-ingestion-key",
            description: "Mezmo (LogDNA) ingestion key",
            keywords: ["ogdna", "mezmo"],
            pattern: OBK.assigned(vendor: "logdna|mezmo", kind: "key|token", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "LOGDNA_INGESTION_KEY=\(OBS.hex(32, 1703))",
                "mezmo_ingestion_key: '\(OBS.hex(32, 1704))'",
            ],
            counterExamples: [
                "LOGDNA_HOSTNAME=web-1",
                "LOGDNA_INGESTION_KEY=<ingestion key>",
            ]),

        // MARK: Feature flags
        SecretRule(
            id: "launchdarkly-sdk-key",
            description: "LaunchDarkly server-side SDK key",
            keywords: ["sdk-"],
            pattern: #"(?<![A-Za-z0-9_\-])(sdk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "LAUNCHDARKLY_SDK_KEY=sdk-\(OBS.uuid(1705))",
                "ldclient.set_config(Config(\"sdk-\(OBS.uuid(1706))\"))",
            ],
            counterExamples: [
                "LAUNCHDARKLY_MOBILE_KEY=mob-\(OBS.uuid(1707))",
                "aws-sdk-js and google-cloud-sdk-core",
            ]),
        SecretRule(
            id: "launchdarkly-access-token",
            description: "LaunchDarkly API access token",
            keywords: ["hdarkly", "h_darkly", "h-darkly"],
            pattern: #"(?i)launch[_\-.]?darkly[^\n]{0,40}?(?-i:(?<![A-Za-z0-9_\-])(api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "LAUNCHDARKLY_ACCESS_TOKEN=api-\(OBS.uuid(1708))",
                "launchdarkly_api_token: \"api-\(OBS.uuid(1709))\"",
            ],
            counterExamples: [
                "LAUNCHDARKLY_ACCESS_TOKEN=api-<uuid>",
                "LAUNCHDARKLY_PROJECT=default",
            ]),
    ]
}
