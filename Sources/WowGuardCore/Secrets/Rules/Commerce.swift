// Keywords: the prefilter hashes the first three bytes of every keyword and compares keywords
// wherever those three bytes occur, so a keyword that starts with a common trigram (`her` of
// "heroku", `con` of "consul") costs a check at every "here" or "const". Where a vendor name starts
// with one, the keyword is a distinctive tail of it instead ("roku", "nsul"); the pattern still
// requires the full name.

private typealias CMS = SynthFormats
private typealias CMK = KeywordContext

extension RuleFamilies {
    static let commerce: [SecretRule] = [
        // MARK: Shopify
        SecretRule(
            id: "shopify-access-token",
            description: "Shopify Admin API access token",
            keywords: ["shpat_"],
            pattern: #"(?<![A-Za-z0-9_])(shpat_[a-fA-F0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SHOPIFY_ACCESS_TOKEN=shpat_\(CMS.hex(32, 1200))",
                "'X-Shopify-Access-Token': 'shpat_\(CMS.hex(32, 1201))'",
            ],
            counterExamples: [
                "SHOPIFY_ACCESS_TOKEN=shpat_\(CMS.hex(24, 1202))",
                "SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "shopify-custom-app-token",
            description: "Shopify custom app access token",
            keywords: ["shpca_"],
            pattern: #"(?<![A-Za-z0-9_])(shpca_[a-fA-F0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SHOPIFY_TOKEN=shpca_\(CMS.hex(32, 1203))",
                "token: \"shpca_\(CMS.hex(32, 1204))\"",
            ],
            counterExamples: [
                "SHOPIFY_TOKEN=shpca_\(CMS.hex(40, 1205))",
                "shpca_<token>",
            ]),
        SecretRule(
            id: "shopify-private-app-token",
            description: "Shopify private app access token",
            keywords: ["shppa_"],
            pattern: #"(?<![A-Za-z0-9_])(shppa_[a-fA-F0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "SHOPIFY_PASSWORD=shppa_\(CMS.hex(32, 1206))",
                "password: shppa_\(CMS.hex(32, 1207))",
            ],
            counterExamples: [
                "SHOPIFY_PASSWORD=shppa_\(CMS.hex(16, 1208))",
                "SHOPIFY_PASSWORD=shppa_00000000000000000000000000000000",
            ]),
        SecretRule(
            id: "shopify-shared-secret",
            description: "Shopify app shared secret",
            keywords: ["shpss_"],
            pattern: #"(?<![A-Za-z0-9_])(shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SHOPIFY_API_SECRET=shpss_\(CMS.hex(32, 1209))",
                "\"client_secret\": \"shpss_\(CMS.hex(32, 1210))\"",
            ],
            counterExamples: [
                "SHOPIFY_API_SECRET=shpss_\(CMS.hex(31, 1211))",
                "SHOPIFY_API_SECRET=shpss_...",
            ]),

        // MARK: Square
        SecretRule(
            id: "square-access-token",
            description: "Square access token (EAAA prefix)",
            keywords: ["eaaa"],
            pattern: #"(?<![A-Za-z0-9_\-])(EAAA[A-Za-z0-9_\-]{60})(?![A-Za-z0-9_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "SQUARE_ACCESS_TOKEN=EAAA\(CMS.b64url(60, 1212))",
                "client = Client(access_token=\"EAAA\(CMS.b62(60, 1213))\")",
            ],
            counterExamples: [
                "SQUARE_ACCESS_TOKEN=EAAA\(CMS.b62(30, 1214))",
                "fb_token=EAAA\(CMS.b62(180, 1215))",
            ]),
        SecretRule(
            id: "square-legacy-access-token",
            description: "Square legacy access token (sq0atp-)",
            keywords: ["sq0atp-"],
            pattern: #"(?<![A-Za-z0-9_\-])(sq0atp-[A-Za-z0-9_\-]{22})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "SQUARE_TOKEN=sq0atp-\(CMS.b64url(22, 1216))",
                "access_token: 'sq0atp-\(CMS.b62(22, 1217))'",
            ],
            counterExamples: [
                "SQUARE_TOKEN=sq0atp-\(CMS.b62(12, 1218))",
                "SQUARE_TOKEN=sq0atp-XXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "square-oauth-secret",
            description: "Square OAuth application secret (sq0csp-)",
            keywords: ["sq0csp-"],
            pattern: #"(?<![A-Za-z0-9_\-])(sq0csp-[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "SQUARE_APP_SECRET=sq0csp-\(CMS.b64url(43, 1219))",
                "\"application_secret\": \"sq0csp-\(CMS.b62(43, 1220))\"",
            ],
            counterExamples: [
                "SQUARE_APP_SECRET=sq0csp-\(CMS.b62(22, 1221))",
                "sq0csp-<secret>",
            ]),

        // MARK: PayPal / Braintree
        SecretRule(
            id: "paypal-braintree-access-token",
            description: "PayPal / Braintree production access token",
            keywords: ["access_token$production$"],
            pattern: #"(?<![A-Za-z0-9_])(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "BRAINTREE_ACCESS_TOKEN=access_token$production$\(CMS.lowerAlnum(16, 1222))$\(CMS.hex(32, 1223))",
                "gateway = braintree.BraintreeGateway(access_token=\"access_token$production$\(CMS.lowerAlnum(16, 1224))$\(CMS.hex(32, 1225))\")",
            ],
            counterExamples: [
                "BRAINTREE_ACCESS_TOKEN=access_token$sandbox$\(CMS.lowerAlnum(16, 1226))$\(CMS.hex(32, 1227))",
                "access_token$production$<merchant_id>$<token>",
            ]),
        SecretRule(
            id: "braintree-private-key",
            description: "Braintree API private key",
            keywords: ["braintree"],
            pattern: CMK.assigned(vendor: "braintree", kind: "private", value: "[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "BRAINTREE_PRIVATE_KEY=\(CMS.hex(32, 1228))",
                "braintree.private_key = '\(CMS.hex(32, 1229))'",
            ],
            counterExamples: [
                "BRAINTREE_PUBLIC_KEY=\(CMS.hex(16, 1230))",
                "BRAINTREE_PRIVATE_KEY=<private key>",
            ]),
        SecretRule(
            id: "paypal-client-secret",
            description: "PayPal REST API client secret",
            keywords: ["aypal"],
            pattern: CMK.assigned(vendor: "paypal", kind: "secret", value: "[A-Za-z0-9_\\-]{40,90}"),
            minEntropy: 4.0, severity: .critical, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "PAYPAL_CLIENT_SECRET=E\(CMS.b64url(79, 1231))",
                "paypal_secret: \"\(CMS.b62(80, 1232))\"",
            ],
            counterExamples: [
                "PAYPAL_CLIENT_ID=A\(CMS.b64url(79, 1233))",
                "PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}",
            ]),

        // MARK: Adyen, Razorpay, Plaid, Coinbase and other payment providers
        SecretRule(
            id: "adyen-api-key",
            description: "Adyen API key",
            keywords: ["aqe"],
            pattern: #"(?<![A-Za-z0-9+/])(AQE[A-Za-z0-9+/]{40,200}={0,2}-[A-Za-z0-9+/]{40,50}={0,2}(?:-[A-Za-z0-9+/=;:%,.{}\[\]!?&^*()#@~\-]{1,40})?)"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "ADYEN_API_KEY=AQE\(CMS.b64(90, 1234))==-\(CMS.b64(43, 1235))=-\(CMS.b62(12, 1236))",
                "adyen.api_key = \"AQE\(CMS.b64(120, 1237))-\(CMS.b64(44, 1238))\"",
            ],
            counterExamples: [
                "ADYEN_API_KEY=AQE\(CMS.b62(20, 1239))",
                "ADYEN_API_KEY=AQE...",
            ]),
        SecretRule(
            id: "razorpay-live-key-id",
            description: "Razorpay live key ID",
            keywords: ["rzp_live_"],
            pattern: #"(?<![A-Za-z0-9_])(rzp_live_[A-Za-z0-9]{14})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .medium,
            examples: [
                "RAZORPAY_KEY_ID=rzp_live_\(CMS.b62(14, 1240))",
                "key: 'rzp_live_\(CMS.b62(14, 1241))'",
            ],
            counterExamples: [
                "RAZORPAY_KEY_ID=rzp_test_\(CMS.b62(14, 1242))",
                "RAZORPAY_KEY_ID=rzp_live_xxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "razorpay-key-secret",
            description: "Razorpay key secret",
            keywords: ["razorpay", "rzp_"],
            pattern: CMK.assigned(vendor: "razorpay|rzp", kind: "secret", value: "[A-Za-z0-9]{24}"),
            minEntropy: 3.8, severity: .critical,
            examples: [
                "RAZORPAY_KEY_SECRET=\(CMS.b62(24, 1243))",
                "razorpay_secret: \"\(CMS.b62(24, 1244))\"",
            ],
            counterExamples: [
                "RAZORPAY_KEY_SECRET=\(CMS.b62(16, 1245))",
                "RAZORPAY_WEBHOOK_SECRET=changeme",
            ]),
        SecretRule(
            id: "plaid-secret",
            description: "Plaid API secret",
            keywords: ["laid"],
            pattern: CMK.assigned(vendor: "plaid", kind: "secret", value: "[0-9a-f]{30}"),
            minEntropy: 3.0, severity: .critical,
            examples: [
                "PLAID_SECRET=\(CMS.hex(30, 1246))",
                "plaid_production_secret: '\(CMS.hex(30, 1247))'",
            ],
            counterExamples: [
                "PLAID_CLIENT_ID=\(CMS.hex(24, 1248))",
                "PLAID_SECRET=\(CMS.hex(32, 1249))",
            ]),
        SecretRule(
            id: "plaid-access-token",
            description: "Plaid production or development access token",
            keywords: ["access-production-", "access-development-"],
            pattern: #"(?<![A-Za-z0-9_\-])(access-(?:production|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "PLAID_ACCESS_TOKEN=access-production-\(CMS.uuid(1250))",
                "{\"access_token\": \"access-development-\(CMS.uuid(1251))\"}",
            ],
            counterExamples: [
                "PLAID_ACCESS_TOKEN=access-sandbox-\(CMS.uuid(1252))",
                "access-production-<uuid>",
            ]),
        SecretRule(
            id: "coinbase-api-secret",
            description: "Coinbase / Coinbase Developer Platform API secret",
            keywords: ["coinbase", "cdp_api"],
            pattern: CMK.assigned(vendor: "coinbase|cdp", kind: "secret|private", value: "[A-Za-z0-9+/]{32,88}={0,2}", after: "(?![A-Za-z0-9+/=])"),
            minEntropy: 4.0, severity: .critical, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "COINBASE_API_SECRET=\(CMS.b62(32, 1253))",
                "cdp_api_key_secret: \"\(CMS.b64(86, 1254))==\"",
            ],
            counterExamples: [
                "COINBASE_API_KEY_NAME=organizations/\(CMS.uuid(1255))/apiKeys/\(CMS.uuid(1256))",
                "COINBASE_API_SECRET=${COINBASE_API_SECRET}",
            ]),
        SecretRule(
            id: "flutterwave-secret-key",
            description: "Flutterwave secret key",
            keywords: ["flwseck"],
            pattern: #"(?<![A-Za-z0-9_\-])(FLWSECK(?:_TEST)?-[a-f0-9]{32}-X)(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "FLW_SECRET_KEY=FLWSECK-\(CMS.hex(32, 1257))-X",
                "secret_key: 'FLWSECK_TEST-\(CMS.hex(32, 1258))-X'",
            ],
            counterExamples: [
                "FLW_PUBLIC_KEY=FLWPUBK-\(CMS.hex(32, 1259))-X",
                "FLW_SECRET_KEY=FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X",
            ]),
        SecretRule(
            id: "mollie-api-key",
            description: "Mollie live API key",
            keywords: ["mollie"],
            pattern: #"(?i)mollie[^\n]{0,40}?(?-i:(?<![A-Za-z0-9_])(live_[A-Za-z0-9]{30}))(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "MOLLIE_API_KEY=live_\(CMS.b62(30, 1260))",
                "mollie.setApiKey('live_\(CMS.b62(30, 1261))');",
            ],
            counterExamples: [
                "MOLLIE_API_KEY=test_\(CMS.b62(30, 1262))",
                "MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "gocardless-access-token",
            description: "GoCardless live access token",
            keywords: ["gocardless"],
            pattern: #"(?i)gocardless[^\n]{0,40}?(?-i:(?<![A-Za-z0-9_])(live_[A-Za-z0-9_\-=]{40}))(?![A-Za-z0-9_\-=])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "GOCARDLESS_ACCESS_TOKEN=live_\(CMS.b64url(40, 1263))",
                "gocardless_pro.Client(access_token='live_\(CMS.b62(40, 1264))', environment='live')",
            ],
            counterExamples: [
                "GOCARDLESS_ACCESS_TOKEN=sandbox_\(CMS.b62(40, 1265))",
                "GOCARDLESS_ACCESS_TOKEN=live_...",
            ]),
        SecretRule(
            id: "shippo-live-api-token",
            description: "Shippo live API token",
            keywords: ["po_live_"],
            pattern: #"(?<![A-Za-z0-9_])(shippo_live_[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SHIPPO_API_KEY=shippo_live_\(CMS.hex(40, 1266))",
                "Authorization: ShippoToken shippo_live_\(CMS.hex(40, 1267))",
            ],
            counterExamples: [
                "SHIPPO_API_KEY=shippo_test_\(CMS.hex(40, 1268))",
                "SHIPPO_API_KEY=shippo_live_<token>",
            ]),
        SecretRule(
            id: "easypost-production-api-key",
            description: "EasyPost production API key",
            keywords: ["ezak"],
            pattern: #"(?<![A-Za-z0-9_])(EZAK[A-Za-z0-9]{54})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "EASYPOST_API_KEY=EZAK\(CMS.b62(54, 1269))",
                "client = easypost.EasyPostClient(\"EZAK\(CMS.b62(54, 1270))\")",
            ],
            counterExamples: [
                "EASYPOST_API_KEY=EZTK\(CMS.b62(54, 1271))",
                "EASYPOST_API_KEY=EZAK\(CMS.b62(20, 1272))",
            ]),
        SecretRule(
            id: "binance-api-secret",
            description: "Binance API secret key",
            keywords: ["binance"],
            pattern: CMK.assigned(vendor: "binance", kind: "secret", value: "[A-Za-z0-9]{64}"),
            minEntropy: 4.0, severity: .critical,
            examples: [
                "BINANCE_API_SECRET=\(CMS.b62(64, 1273))",
                "binance_secret_key: \"\(CMS.b62(64, 1274))\"",
            ],
            counterExamples: [
                "BINANCE_API_SECRET=\(CMS.b62(32, 1275))",
                "BINANCE_API_SECRET=os.environ['BINANCE_API_SECRET']",
            ]),
    ]
}
