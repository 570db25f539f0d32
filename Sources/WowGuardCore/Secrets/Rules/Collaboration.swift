// Keywords: the prefilter hashes the first three bytes of every keyword and compares keywords
// wherever those three bytes occur, so a keyword that starts with a common trigram (`her` of
// "heroku", `con` of "consul") costs a check at every "here" or "const". Where a vendor name starts
// with one, the keyword is a distinctive tail of it instead ("roku", "nsul"); the pattern still
// requires the full name.

private typealias COS = SynthFormats
private typealias COK = KeywordContext

extension RuleFamilies {
    static let collaboration: [SecretRule] = [
        // MARK: Atlassian, Bitbucket
        SecretRule(
            id: "atlassian-api-token",
            description: "Atlassian API token (ATATT3 prefix)",
            keywords: ["tt3"],
            pattern: #"(?<![A-Za-z0-9_\-])(ATATT3[A-Za-z0-9_\-=]{150,250})(?![A-Za-z0-9_\-=])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "JIRA_API_TOKEN=ATATT3xFfGF0\(COS.b64url(172, 1800))=\(COS.upperHex(8, 1801))",
                "confluence_token: \"ATATT3\(COS.b62(186, 1802))\"",
            ],
            counterExamples: [
                "JIRA_API_TOKEN=ATATT3\(COS.b62(40, 1803))",
                "JIRA_API_TOKEN=ATATT3xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "atlassian-container-token",
            description: "Atlassian container / Forge token (ATCTT3 prefix)",
            keywords: ["tctt3"],
            pattern: #"(?<![A-Za-z0-9_\-])(ATCTT3[A-Za-z0-9_\-=]{150,250})(?![A-Za-z0-9_\-=])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "ATLASSIAN_TOKEN=ATCTT3xFfGN0\(COS.b64url(172, 1804))=\(COS.upperHex(8, 1805))",
                "token: ATCTT3\(COS.b62(186, 1806))",
            ],
            counterExamples: [
                "ATLASSIAN_TOKEN=ATCTT3\(COS.b62(30, 1807))",
                "ATCTT3<token>",
            ]),
        SecretRule(
            id: "atlassian-api-token-legacy",
            description: "Atlassian / Jira / Confluence API token (legacy 24-character format)",
            keywords: ["jira", "fluence", "atlassian"],
            pattern: COK.assigned(vendor: "jira|confluence|atlassian", kind: "token|key|pass", value: "[A-Za-z0-9]{24}"),
            minEntropy: 3.8, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "JIRA_API_TOKEN=\(COS.b62(24, 1808))",
                "confluence_api_key: \"\(COS.b62(24, 1809))\"",
            ],
            counterExamples: [
                "JIRA_API_TOKEN=\(COS.b62(30, 1810))",
                "JIRA_PROJECT_KEY=PLATFORM",
                "JIRA_API_TOKEN=${JIRA_API_TOKEN}",
            ]),
        SecretRule(
            id: "bitbucket-app-password",
            description: "Bitbucket app password (ATBB prefix)",
            keywords: ["atbb"],
            pattern: #"(?<![A-Za-z0-9_\-])(ATBB[A-Za-z0-9_=.\-]{32})(?![A-Za-z0-9_=.\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "BITBUCKET_APP_PASSWORD=ATBB\(COS.b62(24, 1811))\(COS.upperHex(8, 1812))",
                "git clone https://me:ATBB\(COS.b62(24, 1813))\(COS.upperHex(8, 1814))@bitbucket.org/team/repo.git",
            ],
            counterExamples: [
                "BITBUCKET_APP_PASSWORD=ATBB\(COS.b62(12, 1815))",
                "BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "bitbucket-client-secret",
            description: "Bitbucket OAuth consumer secret",
            keywords: ["itbucket"],
            pattern: COK.assigned(vendor: "bitbucket", kind: "secret", value: "[A-Za-z0-9]{32}"),
            minEntropy: 3.8, severity: .high,
            examples: [
                "BITBUCKET_CLIENT_SECRET=\(COS.b62(32, 1816))",
                "bitbucket_oauth_secret: '\(COS.b62(32, 1817))'",
            ],
            counterExamples: [
                "BITBUCKET_CLIENT_ID=\(COS.b62(18, 1818))",
                "BITBUCKET_CLIENT_SECRET=<secret>",
            ]),

        // MARK: Project management and docs
        SecretRule(
            id: "linear-api-key",
            description: "Linear personal API key",
            keywords: ["n_api_"],
            pattern: #"(?<![A-Za-z0-9_])(lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "LINEAR_API_KEY=lin_api_\(COS.b62(40, 1820))",
                "headers: { Authorization: 'lin_api_\(COS.b62(40, 1821))' }",
            ],
            counterExamples: [
                "LINEAR_API_KEY=lin_api_\(COS.b62(20, 1822))",
                "LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "linear-oauth-token",
            description: "Linear OAuth access token",
            keywords: ["n_oauth_"],
            pattern: #"(?<![A-Za-z0-9_])(lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "LINEAR_TOKEN=lin_oauth_\(COS.hex(64, 1823))",
                "\"access_token\": \"lin_oauth_\(COS.hex(64, 1824))\"",
            ],
            counterExamples: [
                "LINEAR_TOKEN=lin_oauth_\(COS.hex(32, 1825))",
                "lin_oauth_<token>",
            ]),
        SecretRule(
            id: "postman-api-key",
            description: "Postman API key",
            keywords: ["pmak-"],
            pattern: #"(?<![A-Za-z0-9_\-])(PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "POSTMAN_API_KEY=PMAK-\(COS.hex(24, 1826))-\(COS.hex(34, 1827))",
                "curl -H \"X-Api-Key: PMAK-\(COS.hex(24, 1828))-\(COS.hex(34, 1829))\" https://api.getpostman.com/me",
            ],
            counterExamples: [
                "POSTMAN_API_KEY=PMAK-\(COS.hex(24, 1830))",
                "POSTMAN_API_KEY=PMAK-<key>",
            ]),
        SecretRule(
            id: "notion-integration-token",
            description: "Notion integration token (ntn_ prefix)",
            keywords: ["ntn_"],
            pattern: #"(?<![A-Za-z0-9_])(ntn_[A-Za-z0-9]{40,50})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "NOTION_TOKEN=ntn_\(COS.digits(11, 1831))\(COS.b62(35, 1832))",
                "const notion = new Client({ auth: \"ntn_\(COS.digits(11, 1833))\(COS.b62(35, 1834))\" })",
            ],
            counterExamples: [
                "NOTION_TOKEN=ntn_your_internal_integration_token_here",
                "NOTION_TOKEN=ntn_\(COS.b62(20, 1835))",
            ]),
        SecretRule(
            id: "notion-integration-token-legacy",
            description: "Notion integration token (legacy secret_ prefix)",
            keywords: ["secret_"],
            pattern: #"(?<![A-Za-z0-9_])(secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])"#,
            minEntropy: 4.0, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "NOTION_API_KEY=secret_\(COS.b62(43, 1836))",
                "notion = Client(auth=\"secret_\(COS.b62(43, 1837))\")",
            ],
            counterExamples: [
                "secret_key_base = Rails.application.credentials.secret_key_base",
                "NOTION_API_KEY=secret_\(COS.b62(30, 1838))",
            ]),
        SecretRule(
            id: "asana-personal-access-token",
            description: "Asana personal access token",
            keywords: ["asana"],
            pattern: #"(?i)asana[^\n]{0,60}?(?<![A-Za-z0-9/])((?-i:[0-2]/(?:[0-9]{10,20}(?:/[0-9]{10,20})?:)?[0-9a-f]{32}))(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "ASANA_TOKEN=2/\(COS.digits(16, 1839))/\(COS.digits(16, 1840)):\(COS.hex(32, 1841))",
                "asana_pat: \"1/\(COS.digits(16, 1842)):\(COS.hex(32, 1843))\"",
            ],
            counterExamples: [
                "ASANA_TOKEN=2/\(COS.digits(16, 1844))",
                "ASANA_WORKSPACE=\(COS.digits(16, 1845))",
            ]),
        SecretRule(
            id: "airtable-personal-access-token",
            description: "Airtable personal access token",
            keywords: ["irtable"],
            pattern: #"(?<![A-Za-z0-9_])(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9_])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "AIRTABLE_TOKEN=pat\(COS.b62(14, 1846)).\(COS.hex(64, 1847))",
                "curl https://api.airtable.com/v0/meta/bases -H \"Authorization: Bearer pat\(COS.b62(14, 1848)).\(COS.hex(64, 1849))\"",
            ],
            counterExamples: [
                "AIRTABLE_TOKEN=pat\(COS.b62(14, 1850))",
                "path.join(dir, file)",
            ]),
        SecretRule(
            id: "airtable-api-key-legacy",
            description: "Airtable legacy API key",
            keywords: ["irtable"],
            pattern: COK.assigned(vendor: "airtable", kind: "key|token", value: "key[A-Za-z0-9]{14}"),
            minEntropy: 3.5, severity: .high,
            examples: [
                "AIRTABLE_API_KEY=key\(COS.b62(14, 1851))",
                "airtable_key: \"key\(COS.b62(14, 1852))\"",
            ],
            counterExamples: [
                "AIRTABLE_BASE_ID=app\(COS.b62(14, 1853))",
                "AIRTABLE_API_KEY=keyXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "figma-personal-access-token",
            description: "Figma personal access token",
            keywords: ["igd_"],
            pattern: #"(?<![A-Za-z0-9_])(figd_[A-Za-z0-9_\-]{38,45})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "FIGMA_TOKEN=figd_\(COS.b64url(40, 1854))",
                "X-Figma-Token: figd_\(COS.b62(40, 1855))",
            ],
            counterExamples: [
                "FIGMA_TOKEN=figd_\(COS.b62(12, 1856))",
                "FIGMA_TOKEN=figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        SecretRule(
            id: "dropbox-short-lived-token",
            description: "Dropbox short-lived access token",
            keywords: ["opbox", "sl.u.", "sl.b"],
            pattern: #"(?<![A-Za-z0-9_.\-])(sl\.[A-Za-z0-9_\-=.]{130,1500})(?![A-Za-z0-9_\-=.])"#,
            minEntropy: 4.5, severity: .high,
            examples: [
                "DROPBOX_ACCESS_TOKEN=sl.B\(COS.b64url(137, 1857))",
                "dbx = dropbox.Dropbox(\"sl.u.\(COS.b64url(300, 1858))\")",
            ],
            counterExamples: [
                "DROPBOX_ACCESS_TOKEN=sl.\(COS.b62(40, 1859))",
                "import tsl.util.functions",
            ]),
        SecretRule(
            id: "dropbox-long-lived-token",
            description: "Dropbox long-lived access token",
            keywords: ["opbox"],
            pattern: #"(?i)dropbox[^\n]{0,60}?(?-i:(?<![A-Za-z0-9_\-])([A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_\-=]{43}))(?![A-Za-z0-9_\-=])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "DROPBOX_TOKEN=\(COS.b62(11, 1860))AAAAAAAAAA\(COS.b64url(43, 1861))",
                "dropbox_access_token: \"\(COS.b62(11, 1862))AAAAAAAAAA\(COS.b62(43, 1863))\"",
            ],
            counterExamples: [
                "DROPBOX_APP_KEY=\(COS.lowerAlnum(15, 1864))",
                "DROPBOX_TOKEN=<token>",
            ]),

        // MARK: Identity providers
        SecretRule(
            id: "okta-api-token",
            description: "Okta API token",
            keywords: ["okta", "ssws"],
            pattern: #"(?i)(?:(?<![A-Za-z0-9])okta[A-Za-z0-9_.\-]{0,25}?(?:token|key|secret)[A-Za-z0-9_.\-]{0,20}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?|ssws\s{1,3})((?-i:00[A-Za-z0-9_\-]{40}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "OKTA_API_TOKEN=00\(COS.b64url(40, 1865))",
                "curl -H \"Authorization: SSWS 00\(COS.b62(40, 1866))\" https://acme.okta.com/api/v1/users",
            ],
            counterExamples: [
                "OKTA_CLIENT_ID=0oa\(COS.b62(17, 1867))",
                "Authorization: SSWS ${OKTA_API_TOKEN}",
            ]),
        SecretRule(
            id: "auth0-client-secret",
            description: "Auth0 client secret",
            keywords: ["auth0"],
            pattern: COK.assigned(vendor: "auth0", kind: "secret", value: "[A-Za-z0-9_\\-]{64}"),
            minEntropy: 4.0, severity: .critical,
            examples: [
                "AUTH0_CLIENT_SECRET=\(COS.b64url(64, 1868))",
                "auth0_secret: \"\(COS.b62(64, 1869))\"",
            ],
            counterExamples: [
                "AUTH0_CLIENT_ID=\(COS.b62(32, 1870))",
                "AUTH0_CLIENT_SECRET=<client secret>",
            ]),

        // MARK: Support, CRM, CMS
        SecretRule(
            id: "zendesk-api-token",
            description: "Zendesk API token",
            keywords: ["zendesk"],
            pattern: COK.assigned(vendor: "zendesk", kind: "token|key|secret", value: "[A-Za-z0-9]{40}"),
            minEntropy: 4.0, severity: .high,
            examples: [
                "ZENDESK_API_TOKEN=\(COS.b62(40, 1871))",
                "zendesk_token: '\(COS.b62(40, 1872))'",
            ],
            counterExamples: [
                "ZENDESK_SUBDOMAIN=acme",
                "ZENDESK_API_TOKEN=\(COS.b62(20, 1873))",
            ]),
        SecretRule(
            id: "hubspot-private-app-token",
            description: "HubSpot private app access token",
            keywords: ["at-na", "at-eu", "at-ap"],
            pattern: #"(?<![A-Za-z0-9_\-])(pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "HUBSPOT_ACCESS_TOKEN=pat-na1-\(COS.uuid(1874))",
                "Authorization: Bearer pat-eu1-\(COS.uuid(1875))",
            ],
            counterExamples: [
                "HUBSPOT_ACCESS_TOKEN=pat-na1-<uuid>",
                "HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000",
            ]),
        SecretRule(
            id: "hubspot-api-key-legacy",
            description: "HubSpot legacy API key (hapikey)",
            keywords: ["bspot", "hapikey"],
            pattern: #"(?i)(?:(?<![A-Za-z0-9])hubspot[A-Za-z0-9_.\-]{0,25}?(?:key|token)[A-Za-z0-9_.\-]{0,20}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?|hapikey=)((?-i:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}))(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "HUBSPOT_API_KEY=\(COS.uuid(1876))",
                "https://api.hubapi.com/contacts/v1/lists?hapikey=\(COS.uuid(1877))",
            ],
            counterExamples: [
                "HUBSPOT_PORTAL_ID=\(COS.digits(8, 1878))",
                "hapikey=demo",
            ]),
        SecretRule(
            id: "intercom-access-token",
            description: "Intercom access token",
            keywords: ["dg9ro"],
            pattern: #"(?<![A-Za-z0-9+/_\-])(dG9rO[A-Za-z0-9+/_\-]{40,100}={0,2})(?![A-Za-z0-9+/=_\-])"#,
            minEntropy: 4.0, severity: .high,
            examples: [
                "INTERCOM_ACCESS_TOKEN=\(COS.base64("tok:" + COS.uuid(1879) + ":1:0"))",
                "intercom = Intercom::Client.new(token: '\(COS.base64("tok:" + COS.uuid(1880) + ":1:0"))')",
            ],
            counterExamples: [
                "INTERCOM_ACCESS_TOKEN=\(COS.base64("tok:"))",
                "INTERCOM_APP_ID=\(COS.lowerAlnum(8, 1881))",
            ]),
        SecretRule(
            id: "contentful-personal-access-token",
            description: "Contentful personal access token",
            keywords: ["cfpat-"],
            pattern: #"(?<![A-Za-z0-9_\-])(CFPAT-[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-\(COS.b64url(43, 1882))",
                "accessToken: 'CFPAT-\(COS.b62(43, 1883))'",
            ],
            counterExamples: [
                "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-\(COS.b62(20, 1884))",
                "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>",
            ]),
        SecretRule(
            id: "contentful-delivery-token",
            description: "Contentful delivery or preview API token",
            keywords: ["ntful"],
            pattern: COK.assigned(vendor: "contentful", kind: "token|key", value: "[A-Za-z0-9_\\-]{43}"),
            minEntropy: 4.0, severity: .medium, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "CONTENTFUL_DELIVERY_TOKEN=\(COS.b64url(43, 1885))",
                "contentful_preview_access_token: \"\(COS.b62(43, 1886))\"",
            ],
            counterExamples: [
                "CONTENTFUL_SPACE_ID=\(COS.lowerAlnum(12, 1887))",
                "CONTENTFUL_DELIVERY_TOKEN=<delivery token>",
            ]),

        // MARK: CI/CD and developer tools
        SecretRule(
            id: "circleci-personal-token",
            description: "CircleCI personal API token",
            keywords: ["ccipat_"],
            pattern: #"(?<![A-Za-z0-9_])(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .critical,
            examples: [
                "CIRCLECI_TOKEN=CCIPAT_\(COS.b62(22, 1890))_\(COS.hex(40, 1891))",
                "Circle-Token: CCIPAT_\(COS.b62(22, 1892))_\(COS.hex(40, 1893))",
            ],
            counterExamples: [
                "CIRCLECI_TOKEN=CCIPAT_\(COS.b62(22, 1894))",
                "CIRCLECI_TOKEN=CCIPAT_<token>",
            ]),
        SecretRule(
            id: "circleci-project-token",
            description: "CircleCI project API token",
            keywords: ["cciprj_"],
            pattern: #"(?<![A-Za-z0-9_])(CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.8, severity: .high,
            examples: [
                "CIRCLE_PROJECT_TOKEN=CCIPRJ_\(COS.b62(22, 1895))_\(COS.hex(40, 1896))",
                "token: CCIPRJ_\(COS.b62(22, 1897))_\(COS.hex(40, 1898))",
            ],
            counterExamples: [
                "CIRCLE_PROJECT_TOKEN=CCIPRJ_\(COS.b62(10, 1899))",
                "CCIPRJ_<token>",
            ]),
        SecretRule(
            id: "circleci-token-legacy",
            description: "CircleCI API token (legacy 40-hex format)",
            keywords: ["cleci", "cle_token", "cle-token"],
            // Status-badge URLs carry a deliberately public, status-only token.
            pattern: COK.assigned(vendor: #"(?<!\.svg\?)(?<!\.png\?)(?<!style=svg&)(?<!style=shield&)circle(?:ci)?"#, kind: "token|key", value: "[0-9a-f]{40}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "CIRCLECI_TOKEN=\(COS.hex(40, 1900))",
                "curl -H \"Circle-Token: \(COS.hex(40, 1901))\" https://circleci.com/api/v2/me",
            ],
            counterExamples: [
                "CIRCLECI_TOKEN=\(COS.hex(32, 1902))",
                "CIRCLE_SHA1=\(COS.hex(40, 1903))",
                "[![CircleCI](https://circleci.com/gh/acme/app.svg?style=svg&circle-token=\(COS.hex(40, 1939)))](https://circleci.com/gh/acme/app)",
            ]),
        SecretRule(
            id: "travis-ci-token",
            description: "Travis CI API token",
            keywords: ["ravis"],
            pattern: COK.assigned(vendor: "travis", kind: "token|key", value: "[A-Za-z0-9_\\-]{22}"),
            minEntropy: 3.8, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "TRAVIS_API_TOKEN=\(COS.b64url(22, 1904))",
                "travis_token: \"\(COS.b62(22, 1905))\"",
            ],
            counterExamples: [
                "TRAVIS_BUILD_ID=\(COS.digits(9, 1906))",
                "TRAVIS_API_TOKEN=$TRAVIS_API_TOKEN",
            ]),
        SecretRule(
            id: "buildkite-user-token",
            description: "Buildkite user API access token",
            keywords: ["bkua_"],
            pattern: #"(?<![A-Za-z0-9_])(bkua_[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .critical,
            examples: [
                "BUILDKITE_API_TOKEN=bkua_\(COS.hex(40, 1907))",
                "Authorization: Bearer bkua_\(COS.hex(40, 1908))",
            ],
            counterExamples: [
                "BUILDKITE_API_TOKEN=bkua_\(COS.hex(30, 1909))",
                "BUILDKITE_API_TOKEN=bkua_<token>",
            ]),
        SecretRule(
            id: "sourcegraph-access-token",
            description: "Sourcegraph access token",
            keywords: ["sgp_"],
            pattern: #"(?<![A-Za-z0-9_])(sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "SRC_ACCESS_TOKEN=sgp_\(COS.hex(16, 1910))_\(COS.hex(40, 1911))",
                "token: sgp_\(COS.hex(40, 1912))",
            ],
            counterExamples: [
                "SRC_ACCESS_TOKEN=sgp_\(COS.hex(20, 1913))",
                "SRC_ACCESS_TOKEN=sgp_<token>",
            ]),
        SecretRule(
            id: "jenkins-api-token",
            description: "Jenkins API token",
            keywords: ["jenkins"],
            pattern: COK.assigned(vendor: "jenkins", kind: "token|key|pass", value: "11[0-9a-f]{32}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "JENKINS_API_TOKEN=11\(COS.hex(32, 1914))",
                "jenkins_token: '11\(COS.hex(32, 1915))'",
            ],
            counterExamples: [
                "JENKINS_API_TOKEN=\(COS.hex(34, 1916))zz",
                "JENKINS_URL=https://jenkins.corp/",
            ]),
        SecretRule(
            id: "gitea-access-token",
            description: "Gitea / Forgejo access token",
            keywords: ["gitea", "gejo"],
            pattern: COK.assigned(vendor: "gitea|forgejo", kind: "token|key", value: "[0-9a-f]{40}"),
            minEntropy: 3.0, severity: .high,
            examples: [
                "GITEA_TOKEN=\(COS.hex(40, 1919))",
                "forgejo_api_token: '\(COS.hex(40, 1920))'",
            ],
            counterExamples: [
                "GITEA_TOKEN=\(COS.hex(32, 1921))",
                "GITEA_COMMIT=\(COS.hex(40, 1922))",
            ]),
        SecretRule(
            id: "trello-api-token",
            description: "Trello API token (ATTA prefix)",
            keywords: ["rello"],
            pattern: #"(?<![A-Za-z0-9_\-])(ATTA[A-Fa-f0-9]{64,76})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "TRELLO_TOKEN=ATTA\(COS.hex(64, 1923))\(COS.upperHex(8, 1924))",
                "curl \"https://api.trello.com/1/members/me?key=\(COS.hex(32, 1927))&token=ATTA\(COS.hex(64, 1925))\(COS.upperHex(8, 1926))\"",
            ],
            counterExamples: [
                "TRELLO_TOKEN=ATTA\(COS.hex(30, 1928))",
                "attachment = ATTACHMENT_DIR",
            ]),
        SecretRule(
            id: "clickup-api-token",
            description: "ClickUp personal API token",
            keywords: ["pk_"],
            pattern: #"(?<![A-Za-z0-9_])(pk_[0-9]{6,10}_[A-Z0-9]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "CLICKUP_API_TOKEN=pk_\(COS.digits(8, 1929))_\(COS.upperAlnum(32, 1930))",
                "Authorization: pk_\(COS.digits(7, 1931))_\(COS.upperAlnum(32, 1932))",
            ],
            counterExamples: [
                "STRIPE_PUBLISHABLE_KEY=pk_live_\(COS.b62(24, 1933))",
                "CLICKUP_API_TOKEN=pk_\(COS.digits(8, 1934))_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "typeform-personal-access-token",
            description: "Typeform personal access token",
            keywords: ["tfp_"],
            pattern: #"(?<![A-Za-z0-9_])(tfp_[A-Za-z0-9_\-.]{40,70})(?![A-Za-z0-9_\-.])"#,
            minEntropy: 4.0, severity: .high,
            examples: [
                "TYPEFORM_TOKEN=tfp_\(COS.b62(44, 1935))_\(COS.b62(14, 1936))",
                "Authorization: Bearer tfp_\(COS.b64url(50, 1937))",
            ],
            counterExamples: [
                "TYPEFORM_TOKEN=tfp_\(COS.b62(12, 1938))",
                "TYPEFORM_TOKEN=tfp_<token>",
            ]),
    ]
}
