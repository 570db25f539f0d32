// Keywords: the prefilter hashes the first three bytes of every keyword and compares keywords
// wherever those three bytes occur, so a keyword that starts with a common trigram (`her` of
// "heroku", `con` of "consul") costs a check at every "here" or "const". Where a vendor name starts
// with one, the keyword is a distinctive tail of it instead ("roku", "nsul"); the pattern still
// requires the full name.

private typealias CPS = SynthFormats
private typealias CPK = KeywordContext

extension RuleFamilies {
    static let cloudPlatforms: [SecretRule] = [
        // MARK: DigitalOcean
        SecretRule(
            id: "digitalocean-personal-access-token",
            description: "DigitalOcean personal access token",
            keywords: ["dop_v1_"],
            pattern: #"(?<![A-Za-z0-9_])(dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_\(CPS.hex(64, 1000))",
                "token: \"dop_v1_\(CPS.hex(64, 1001))\"",
            ],
            counterExamples: [
                "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_\(CPS.hex(60, 1002))",
                "token = \"dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
                "Tokens start with dop_v1_ followed by 64 hex characters",
            ]),
        SecretRule(
            id: "digitalocean-oauth-token",
            description: "DigitalOcean OAuth access token",
            keywords: ["doo_v1_"],
            pattern: #"(?<![A-Za-z0-9_])(doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "access_token=doo_v1_\(CPS.hex(64, 1003))",
                "{\"access_token\": \"doo_v1_\(CPS.hex(64, 1004))\"}",
            ],
            counterExamples: [
                "access_token=doo_v1_\(CPS.hex(64, 1005))ff",
                "doo_v1_<token>",
            ]),
        SecretRule(
            id: "digitalocean-refresh-token",
            description: "DigitalOcean OAuth refresh token",
            keywords: ["dor_v1_"],
            pattern: #"(?<![A-Za-z0-9_])(dor_v1_[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "refresh_token=dor_v1_\(CPS.hex(64, 1006))",
                "\"refresh_token\": \"dor_v1_\(CPS.hex(64, 1007))\"",
            ],
            counterExamples: [
                "refresh_token=dor_v1_\(CPS.upperHex(64, 1008))",
                "dor_v1_0000000000000000000000000000000000000000000000000000000000000000",
            ]),

        // MARK: Heroku
        SecretRule(
            id: "heroku-api-key",
            description: "Heroku platform API key (HRKU- prefix)",
            keywords: ["hrku-"],
            pattern: #"(?<![A-Za-z0-9_\-])(HRKU-[A-Za-z0-9_\-]{40,80})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "HEROKU_API_KEY=HRKU-AA\(CPS.b64url(58, 1010))",
                "heroku_token: 'HRKU-AA\(CPS.b62(58, 1011))'",
            ],
            counterExamples: [
                "HEROKU_API_KEY=HRKU-\(CPS.b62(20, 1012))",
                "HEROKU_API_KEY=HRKU-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "heroku-api-key-legacy",
            description: "Heroku legacy API key (UUID) assigned to a Heroku key or token",
            keywords: ["roku"],
            pattern: CPK.assigned(vendor: "heroku", kind: "key|token|secret|auth|pass", value: CPK.uuid),
            minEntropy: 3.0, severity: .high,
            examples: [
                "HEROKU_API_KEY=\(CPS.uuid(1013))",
                "heroku_auth_token: \"\(CPS.uuid(1014))\"",
            ],
            counterExamples: [
                "HEROKU_APP_ID=\(CPS.uuid(1015))",
                "request_id = \(CPS.uuid(1016))",
                "HEROKU_API_KEY=00000000-0000-0000-0000-000000000000",
            ]),

        // MARK: Cloudflare
        SecretRule(
            id: "cloudflare-api-token",
            description: "Cloudflare user or account API token (scannable format)",
            keywords: ["cfut_", "cfat_"],
            pattern: #"(?<![A-Za-z0-9_])(cf(?:ut|at)_[A-Za-z0-9]{40,52})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "CLOUDFLARE_API_TOKEN=cfut_\(CPS.b62(40, 1020))\(CPS.hex(6, 1021))",
                "api_token = \"cfat_\(CPS.b62(40, 1022))\(CPS.hex(6, 1023))\"",
            ],
            counterExamples: [
                "CLOUDFLARE_API_TOKEN=cfut_\(CPS.b62(20, 1024))",
                "cfut_ tokens are user tokens, cfat_ tokens are account tokens",
            ]),
        SecretRule(
            id: "cloudflare-global-api-key",
            description: "Cloudflare global API key (scannable format)",
            keywords: ["cfk_"],
            pattern: #"(?<![A-Za-z0-9_])(cfk_[A-Za-z0-9]{40,52})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "CLOUDFLARE_API_KEY=cfk_\(CPS.b62(40, 1025))\(CPS.hex(6, 1026))",
                "X-Auth-Key: cfk_\(CPS.b62(40, 1027))\(CPS.hex(6, 1028))",
            ],
            counterExamples: [
                "CLOUDFLARE_API_KEY=cfk_\(CPS.b62(12, 1029))",
                "cfk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "cloudflare-api-token-legacy",
            description: "Cloudflare API token (legacy 40-character format) assigned to a Cloudflare token",
            keywords: ["dflare", "cf_api", "cf_token", "cf-api", "cf-token"],
            pattern: CPK.assigned(vendor: "cloudflare|cf", kind: "token", value: "[A-Za-z0-9_\\-]{40}"),
            minEntropy: 4.0, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "CLOUDFLARE_API_TOKEN=\(CPS.b64url(40, 1030))",
                "cf_api_token: \"\(CPS.b62(40, 1031))\"",
            ],
            counterExamples: [
                "CLOUDFLARE_API_TOKEN=\(CPS.b62(32, 1032))",
                "CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}",
                "cloudflare_token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
            ]),
        SecretRule(
            id: "cloudflare-global-api-key-legacy",
            description: "Cloudflare global API key (legacy hex format) assigned to a Cloudflare key",
            keywords: ["dflare", "cf_api", "cf-api", "cf_key", "cf_auth"],
            pattern: CPK.assigned(vendor: "cloudflare|cf", kind: "key", value: "[0-9a-f]{37,45}"),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "CLOUDFLARE_API_KEY=\(CPS.hex(37, 1033))",
                "cf_api_key: '\(CPS.hex(37, 1034))'",
            ],
            counterExamples: [
                "CLOUDFLARE_API_KEY=\(CPS.hex(32, 1035))",
                "CLOUDFLARE_ZONE_ID=\(CPS.hex(32, 1036))",
                "cloudflare_api_key = \"your-global-api-key\"",
            ]),
        SecretRule(
            id: "cloudflare-origin-ca-key",
            description: "Cloudflare Origin CA key",
            keywords: ["v1.0-"],
            pattern: #"(?<![A-Za-z0-9_.\-])(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "CF_ORIGIN_CA_KEY=v1.0-\(CPS.hex(24, 1037))-\(CPS.hex(146, 1038))",
                "origin_ca_key = \"v1.0-\(CPS.hex(24, 1039))-\(CPS.hex(146, 1040))\"",
            ],
            counterExamples: [
                "version: v1.0-beta",
                "CF_ORIGIN_CA_KEY=v1.0-\(CPS.hex(24, 1041))-\(CPS.hex(40, 1042))",
            ]),

        // MARK: Fastly, Netlify, Vercel, Fly.io, Render
        SecretRule(
            id: "fastly-api-token",
            description: "Fastly API token assigned to a Fastly key or token",
            keywords: ["fastly"],
            pattern: CPK.assigned(vendor: "fastly", kind: "key|token", value: "[A-Za-z0-9_\\-]{32}"),
            minEntropy: 3.8, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "FASTLY_API_TOKEN=\(CPS.b64url(32, 1050))",
                "curl -H \"Fastly-Key: \(CPS.b62(32, 1051))\" https://api.fastly.com/service",
            ],
            counterExamples: [
                "FASTLY_API_TOKEN=\(CPS.b62(24, 1052))",
                "FASTLY_SERVICE_ID=\(CPS.b62(22, 1053))",
                "fastly_api_key: \"{{ fastly_key }}\"",
            ]),
        SecretRule(
            id: "netlify-access-token",
            description: "Netlify access token (nfp_/nfc_/nfo_/nfu_/nfb_ prefix)",
            // "nfo_" (OAuth) is not a keyword: it is inside every "info_"; OAuth tokens are found on lines naming Netlify.
            keywords: ["nfp_", "nfc_", "nfu_", "nfb_", "etlify"],
            pattern: #"(?<![A-Za-z0-9_])(nf[pcoub]_[A-Za-z0-9_\-]{36})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "NETLIFY_AUTH_TOKEN=nfp_\(CPS.b62(36, 1054))",
                "token: nfc_\(CPS.b62(36, 1055))",
                "NETLIFY_OAUTH_TOKEN=nfo_\(CPS.b62(36, 1049))",
            ],
            counterExamples: [
                "NETLIFY_AUTH_TOKEN=nfp_\(CPS.b62(20, 1056))",
                "nfp_ is the prefix of personal access tokens",
            ]),
        SecretRule(
            id: "netlify-access-token-legacy",
            description: "Netlify access token (legacy format) assigned to a Netlify token",
            keywords: ["etlify"],
            pattern: CPK.assigned(vendor: "netlify", kind: "token|auth|key", value: "[A-Za-z0-9_\\-]{40,46}"),
            minEntropy: 4.0, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "NETLIFY_AUTH_TOKEN=\(CPS.b64url(43, 1057))",
                "netlify_token: \"\(CPS.b62(43, 1058))\"",
            ],
            counterExamples: [
                "NETLIFY_SITE_ID=\(CPS.uuid(1059))",
                "NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}",
            ]),
        SecretRule(
            id: "vercel-token",
            description: "Vercel token or API key (vcp_/vci_/vca_/vcr_/vck_ prefix)",
            keywords: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
            pattern: #"(?<![A-Za-z0-9_])(vc[pikar]_[A-Za-z0-9]{24,80})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "VERCEL_TOKEN=vcp_\(CPS.b62(48, 1060))",
                "apiKey: \"vck_\(CPS.b62(48, 1061))\"",
            ],
            counterExamples: [
                "VERCEL_TOKEN=vcp_\(CPS.b62(10, 1062))",
                "let vca_count = 3",
            ]),
        SecretRule(
            id: "vercel-token-legacy",
            description: "Vercel access token (legacy 24-character format) assigned to a Vercel token",
            keywords: ["ercel"],
            pattern: CPK.assigned(vendor: "vercel", kind: "token|key", value: "[A-Za-z0-9]{24}"),
            minEntropy: 3.8, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "VERCEL_TOKEN=\(CPS.b62(24, 1063))",
                "vercel_api_token = \"\(CPS.b62(24, 1064))\"",
            ],
            counterExamples: [
                "VERCEL_ORG_ID=team_\(CPS.b62(24, 1065))",
                "VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}",
            ]),
        SecretRule(
            id: "flyio-access-token",
            description: "Fly.io access token (fo1_ prefix)",
            keywords: ["fo1_"],
            pattern: #"(?<![A-Za-z0-9_])(fo1_[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "FLY_ACCESS_TOKEN=fo1_\(CPS.b64url(43, 1066))",
                "fly_token: \"fo1_\(CPS.b62(43, 1067))\"",
            ],
            counterExamples: [
                "FLY_ACCESS_TOKEN=fo1_\(CPS.b62(30, 1068))",
                "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "flyio-macaroon-token",
            description: "Fly.io macaroon token (FlyV1 fm2_…)",
            keywords: ["fm2_", "fm1r_", "fm1a_"],
            pattern: #"(?<![A-Za-z0-9_])(fm(?:2|1[ar])_[A-Za-z0-9+/=_\-]{60,4000}(?:,\s?fm(?:2|1[ar])_[A-Za-z0-9+/=_\-]{20,4000}){0,4})"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "FLY_API_TOKEN=\"FlyV1 fm2_\(CPS.b64(120, 1069)),fm2_\(CPS.b64(80, 1070))\"",
                "fly secrets set TOKEN='FlyV1 fm2_\(CPS.b64(200, 1071))'",
            ],
            counterExamples: [
                "FLY_API_TOKEN=\"FlyV1 fm2_...\"",
                "Authorization: FlyV1 fm2_<token>",
            ]),
        SecretRule(
            id: "render-api-key",
            description: "Render API key",
            keywords: ["rnd_"],
            pattern: #"(?<![A-Za-z0-9_])(rnd_[A-Za-z0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "RENDER_API_KEY=rnd_\(CPS.b62(32, 1072))",
                "Authorization: Bearer rnd_\(CPS.b62(32, 1073))",
            ],
            counterExamples: [
                "RENDER_API_KEY=rnd_\(CPS.b62(16, 1074))",
                "let rnd_value = rnd_generator.next()",
            ]),

        // MARK: Linode, Alibaba, IBM, Tencent, Yandex, Scaleway, Hetzner, Vultr
        SecretRule(
            id: "linode-api-token",
            description: "Linode / Akamai Cloud personal access token",
            keywords: ["inode"],
            pattern: CPK.assigned(vendor: "linode", kind: "token|key|pat", value: "[0-9a-f]{64}"),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "LINODE_TOKEN=\(CPS.hex(64, 1080))",
                "linode_api_token: \"\(CPS.hex(64, 1081))\"",
            ],
            counterExamples: [
                "LINODE_TOKEN=\(CPS.hex(40, 1082))",
                "linode_token = var.linode_token",
            ]),
        SecretRule(
            id: "alibaba-access-key-id",
            description: "Alibaba Cloud AccessKey ID",
            keywords: ["ltai"],
            pattern: #"(?<![A-Za-z0-9])(LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\(CPS.b62(20, 1083))",
                "access_key_id: \"LTAI\(CPS.b62(16, 1084))\"",
            ],
            counterExamples: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\(CPS.b62(6, 1085))",
                "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "alibaba-access-key-secret",
            description: "Alibaba Cloud AccessKey secret",
            keywords: ["ibaba", "liyun", "icloud"],
            pattern: CPK.assigned(vendor: "alibaba|aliyun|alicloud", kind: "secret", value: "[A-Za-z0-9]{30}"),
            minEntropy: 3.8, severity: .critical,
            examples: [
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET=\(CPS.b62(30, 1086))",
                "aliyun_access_secret: '\(CPS.b62(30, 1087))'",
            ],
            counterExamples: [
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET=\(CPS.b62(40, 1088))",
                "ALICLOUD_SECRET_KEY=${ALICLOUD_SECRET_KEY}",
            ]),
        SecretRule(
            id: "ibm-cloud-api-key",
            description: "IBM Cloud IAM API key",
            keywords: ["ibm", "bluemix"],
            pattern: CPK.assigned(vendor: "ibm|bluemix", kind: "api[_\\-.]?key|apikey|iam[_\\-.]?key", value: "[A-Za-z0-9_\\-]{44}"),
            minEntropy: 4.0, severity: .critical, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "IBMCLOUD_API_KEY=\(CPS.b64url(44, 1089))",
                "ibm_cloud_apikey: \"\(CPS.b62(44, 1090))\"",
            ],
            counterExamples: [
                "IBMCLOUD_API_KEY=\(CPS.b62(30, 1091))",
                "IBMCLOUD_API_KEY=<your IBM Cloud API key>",
            ]),
        SecretRule(
            id: "tencent-cloud-secret-id",
            description: "Tencent Cloud SecretId",
            keywords: ["akid"],
            pattern: #"(?<![A-Za-z0-9])(AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "TENCENTCLOUD_SECRET_ID=AKID\(CPS.b62(32, 1092))",
                "secret_id = \"AKID\(CPS.b62(32, 1093))\"",
            ],
            counterExamples: [
                "TENCENTCLOUD_SECRET_ID=AKID\(CPS.b62(20, 1094))",
                "TENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "yandex-cloud-api-key",
            description: "Yandex Cloud API key",
            keywords: ["aqvn"],
            pattern: #"(?<![A-Za-z0-9_\-])(AQVN[A-Za-z0-9_\-]{35,38})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "YC_API_KEY=AQVN\(CPS.b64url(36, 1095))",
                "api_key: \"AQVN\(CPS.b62(37, 1096))\"",
            ],
            counterExamples: [
                "YC_API_KEY=AQVN\(CPS.b62(20, 1097))",
                "YC_API_KEY=AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "scaleway-secret-key",
            description: "Scaleway secret key",
            keywords: ["leway", "scw_"],
            pattern: CPK.assigned(vendor: "scaleway|scw", kind: "secret", value: CPK.uuid),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SCW_SECRET_KEY=\(CPS.uuid(1098))",
                "scaleway_secret_key: \"\(CPS.uuid(1099))\"",
            ],
            counterExamples: [
                "SCW_DEFAULT_PROJECT_ID=\(CPS.uuid(1100))",
                "SCW_SECRET_KEY=11111111-1111-1111-1111-111111111111",
            ]),
        SecretRule(
            id: "hetzner-cloud-token",
            description: "Hetzner Cloud API token",
            keywords: ["hcloud", "etzner"],
            pattern: CPK.assigned(vendor: "hcloud|hetzner", kind: "token|key", value: "[A-Za-z0-9]{64}"),
            minEntropy: 4.0, severity: .critical,
            examples: [
                "HCLOUD_TOKEN=\(CPS.b62(64, 1101))",
                "hetzner_api_token = \"\(CPS.b62(64, 1102))\"",
            ],
            counterExamples: [
                "HCLOUD_TOKEN=\(CPS.b62(40, 1103))",
                "HCLOUD_TOKEN=$HCLOUD_TOKEN",
            ]),
        SecretRule(
            id: "vultr-api-key",
            description: "Vultr API key",
            keywords: ["vultr"],
            pattern: CPK.assigned(vendor: "vultr", kind: "key|token", value: "[A-Z0-9]{36}"),
            minEntropy: 3.8, severity: .critical,
            examples: [
                "VULTR_API_KEY=\(CPS.upperAlnum(36, 1104))",
                "vultr_api_token: \"\(CPS.upperAlnum(36, 1105))\"",
            ],
            counterExamples: [
                "VULTR_API_KEY=\(CPS.upperAlnum(20, 1106))",
                "VULTR_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),

        // MARK: Supabase, PlanetScale, Neon, Railway
        SecretRule(
            id: "supabase-personal-access-token",
            description: "Supabase personal access token",
            keywords: ["sbp_"],
            pattern: #"(?<![A-Za-z0-9_])(sbp_[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SUPABASE_ACCESS_TOKEN=sbp_\(CPS.hex(40, 1110))",
                "supabase login --token sbp_\(CPS.hex(40, 1111))",
            ],
            counterExamples: [
                "SUPABASE_ACCESS_TOKEN=sbp_\(CPS.hex(30, 1112))",
                "SUPABASE_ACCESS_TOKEN=sbp_0000000000000000000000000000000000000000",
            ]),
        SecretRule(
            id: "supabase-secret-key",
            description: "Supabase secret API key (sb_secret_ prefix)",
            keywords: ["sb_secret_"],
            pattern: #"(?<![A-Za-z0-9_])(sb_secret_[A-Za-z0-9_\-]{20,64})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "SUPABASE_SECRET_KEY=sb_secret_\(CPS.b64url(32, 1113))",
                "createClient(url, \"sb_secret_\(CPS.b62(31, 1114))\")",
            ],
            counterExamples: [
                "SUPABASE_SECRET_KEY=sb_secret_xxx",
                "SUPABASE_SECRET_KEY=sb_secret_...",
                "SUPABASE_PUBLISHABLE_KEY=sb_publishable_\(CPS.b62(31, 1115))",
            ]),
        SecretRule(
            id: "planetscale-service-token",
            description: "PlanetScale service token",
            keywords: ["pscale_tkn_"],
            pattern: #"(?<![A-Za-z0-9_])(pscale_tkn_[A-Za-z0-9_\-.]{32,64})(?![A-Za-z0-9_\-.])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_\(CPS.b64url(43, 1116))",
                "token: \"pscale_tkn_\(CPS.b62(43, 1117))\"",
            ],
            counterExamples: [
                "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_\(CPS.b62(12, 1118))",
                "pscale_tkn_<token>",
            ]),
        SecretRule(
            id: "planetscale-password",
            description: "PlanetScale database password",
            keywords: ["pscale_pw_"],
            pattern: #"(?<![A-Za-z0-9_])(pscale_pw_[A-Za-z0-9_\-.]{32,64})(?![A-Za-z0-9_\-.])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "DATABASE_PASSWORD=pscale_pw_\(CPS.b64url(43, 1119))",
                "mysql://u1:pscale_pw_\(CPS.b62(43, 1120))@aws.connect.psdb.cloud/app",
            ],
            counterExamples: [
                "DATABASE_PASSWORD=pscale_pw_\(CPS.b62(10, 1121))",
                "DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "planetscale-oauth-token",
            description: "PlanetScale OAuth token",
            keywords: ["pscale_oauth_"],
            pattern: #"(?<![A-Za-z0-9_])(pscale_oauth_[A-Za-z0-9_\-.]{32,64})(?![A-Za-z0-9_\-.])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "access_token=pscale_oauth_\(CPS.b64url(43, 1122))",
                "\"token\": \"pscale_oauth_\(CPS.b62(43, 1123))\"",
            ],
            counterExamples: [
                "access_token=pscale_oauth_\(CPS.b62(8, 1124))",
                "pscale_oauth_<token>",
            ]),
        SecretRule(
            id: "neon-api-key",
            description: "Neon API key",
            keywords: ["napi_"],
            pattern: #"(?<![A-Za-z0-9_])(napi_[a-z0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "NEON_API_KEY=napi_\(CPS.lowerAlnum(64, 1125))",
                "api_key: \"napi_\(CPS.lowerAlnum(64, 1126))\"",
            ],
            counterExamples: [
                "NEON_API_KEY=napi_\(CPS.lowerAlnum(30, 1127))",
                "#include <node_api.h> // napi_value napi_create_string_utf8",
            ]),
        SecretRule(
            id: "railway-token",
            description: "Railway API or project token",
            keywords: ["ilway"],
            pattern: CPK.assigned(vendor: "railway", kind: "token|key|secret", value: CPK.uuid),
            minEntropy: 3.0, severity: .high,
            examples: [
                "RAILWAY_TOKEN=\(CPS.uuid(1128))",
                "railway_api_token: \"\(CPS.uuid(1129))\"",
            ],
            counterExamples: [
                "RAILWAY_PROJECT_ID=\(CPS.uuid(1130))",
                "RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}",
            ]),

        // MARK: Storage, media and search services
        SecretRule(
            id: "backblaze-b2-application-key",
            description: "Backblaze B2 application key",
            keywords: ["kblaze", "b2_"],
            pattern: CPK.assigned(vendor: "backblaze|b2", kind: "key|secret", value: "K[0-9]{3}[A-Za-z0-9+/]{27}", after: "(?![A-Za-z0-9+/=])"),
            minEntropy: 3.8, severity: .critical,
            examples: [
                "B2_APPLICATION_KEY=K005\(CPS.b64(27, 1131))",
                "backblaze_secret: \"K001\(CPS.b62(27, 1132))\"",
            ],
            counterExamples: [
                "B2_APPLICATION_KEY_ID=005\(CPS.hex(22, 1133))",
                "B2_APPLICATION_KEY=K005\(CPS.b62(10, 1134))",
            ]),
        SecretRule(
            id: "cloudinary-url",
            description: "Cloudinary URL with API secret",
            keywords: ["udinary://"],
            pattern: #"cloudinary://[0-9]{6,20}:([A-Za-z0-9_\-]{20,40})@[A-Za-z0-9_\-]{1,64}"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "CLOUDINARY_URL=cloudinary://\(CPS.digits(15, 1135)):\(CPS.b64url(27, 1136))@my-cloud",
                "cloudinary_url: 'cloudinary://\(CPS.digits(15, 1137)):\(CPS.b62(27, 1138))@acme'",
            ],
            counterExamples: [
                "CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>",
                "CLOUDINARY_URL=cloudinary://123456789012345:abcdefghijklmnopqrstuvwxyz1@demo",
            ]),
        SecretRule(
            id: "algolia-admin-api-key",
            description: "Algolia admin / write API key",
            keywords: ["golia"],
            pattern: CPK.assigned(vendor: "algolia(?![A-Za-z0-9_.\\-]{0,12}search)", kind: "admin|write|secret|api[_\\-.]?key", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "ALGOLIA_ADMIN_KEY=\(CPS.hex(32, 1139))",
                "algolia_api_key: \"\(CPS.hex(32, 1140))\"",
            ],
            counterExamples: [
                "ALGOLIA_SEARCH_API_KEY=\(CPS.hex(32, 1141))",
                "ALGOLIA_APP_ID=\(CPS.upperAlnum(10, 1142))",
            ]),
    ]
}
