/// Package and artifact registry credentials (npm, PyPI, RubyGems, NuGet, crates.io, Docker Hub,
/// JFrog Artifactory, Gradle Plugin Portal) and the config files that hold them. Docker
/// `config.json` `"auth"` blobs are covered by `docker-config-auth` in Tokens.swift.
private func pkStr(_ n: Int, _ alphabet: String = Synthetic.base62, seed: UInt64) -> String {
    Synthetic.string(n, alphabet: alphabet, seed: seed)
}
private func pkHex(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }

/// Standard base64 (or unpadded base64url) of `text`, for building `user:password` examples.
private func pkBase64(_ text: String, url: Bool = false) -> String {
    let table = Array((url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                           : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
    let bytes = Array(text.utf8)
    var out = ""
    var i = 0
    while i < bytes.count {
        let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
        let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
        let v = UInt32(bytes[i]) << 16 | b1 << 8 | b2
        out.append(table[Int(v >> 18 & 63)])
        out.append(table[Int(v >> 12 & 63)])
        if i + 1 < bytes.count { out.append(table[Int(v >> 6 & 63)]) } else if !url { out.append("=") }
        if i + 2 < bytes.count { out.append(table[Int(v & 63)]) } else if !url { out.append("=") }
        i += 3
    }
    return out
}

/// True if `value` is base64 of printable `user:password` with a non-trivial password (`.npmrc` `_auth`).
private func pkIsBasicAuthBlob(_ value: String) -> Bool {
    guard let bytes = Base64.decodeURL(value), bytes.count >= 5 else { return false }
    guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
    let password = String(decoding: bytes[(colon + 1)...], as: UTF8.self)
    let trivial: Set<String> = ["password", "passwd", "pass", "secret", "admin", "root", "test", "user", "guest", "token"]
    return password.utf8.count >= 3 && !trivial.contains(password.lowercased()) && !Placeholders.isPlaceholder(password)
}

/// A synthetic JFrog access token: a JWT whose header carries JFrog's `"ver":"2"` field.
private func pkJFrogJWT(seed: UInt64) -> String {
    let header = pkBase64(#"{"ver":"2","typ":"JWT","alg":"RS256","kid":""# + pkStr(43, Synthetic.base64url, seed: seed) + #""}"#, url: true)
    return header + "." + pkStr(220, Synthetic.base64url, seed: seed &+ 1) + "." + pkStr(342, Synthetic.base64url, seed: seed &+ 2)
}

private let pkStart = #"(?<![A-Za-z0-9_])"#
private let pkEnd = #"(?![A-Za-z0-9_])"#

extension RuleFamilies {
    static let packageRegistries: [SecretRule] = [
        SecretRule(
            id: "npm-access-token",
            description: "npm access token (npm_, with CRC-32 checksum)",
            keywords: ["npm_"],
            pattern: pkStart + #"(npm_[A-Za-z0-9]{36})"# + pkEnd,
            severity: .critical, validator: .crc32Base62(prefixLength: 4),
            examples: [
                "//registry.npmjs.org/:_authToken=\(Synthetic.crc32Token(prefix: "npm_", seed: 1900))",
                "NPM_TOKEN=\(Synthetic.crc32Token(prefix: "npm_", seed: 1901))",
                "  NODE_AUTH_TOKEN: \"\(Synthetic.crc32Token(prefix: "npm_", seed: 1902))\"",
            ],
            counterExamples: [
                // Right shape, wrong checksum: not a token npm issued.
                "NPM_TOKEN=npm_\(pkStr(36, seed: 1903))",
                "NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "npm_config_registry=https://registry.npmjs.org/",
            ]),
        SecretRule(
            id: "npmrc-auth-token",
            description: "Registry auth token in .npmrc / .yarnrc.yml (_authToken / npmAuthToken)",
            keywords: ["_authtoken", "npmauthtoken"],
            pattern: #"(?<![A-Za-z0-9])(?:_authToken|npmAuthToken)["']?\s{0,3}[=:]\s{0,3}["']?([A-Za-z0-9_\-.+/=]{20,400})(?![A-Za-z0-9_\-.+/=])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "//registry.npmjs.org/:_authToken=\(pkHex(8, seed: 1905))-\(pkHex(4, seed: 1906))-\(pkHex(4, seed: 1907))-\(pkHex(4, seed: 1908))-\(pkHex(12, seed: 1909))",
                "//artifactory.corp.net/api/npm/npm/:_authToken=\(pkStr(64, Synthetic.base64url, seed: 1910))",
                "  npmAuthToken: \"\(pkStr(40, seed: 1911))\"",
            ],
            counterExamples: [
                "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
                "//registry.npmjs.org/:_authToken=",
                "npmAuthToken: \"${NPM_AUTH_TOKEN}\"",
                "NGROK_AUTHTOKEN=\(pkStr(40, seed: 1912))",
            ]),
        SecretRule(
            id: "npmrc-basic-auth",
            description: "Base64 user:password credentials in .npmrc (_auth)",
            keywords: ["_auth=", "_auth ="],
            pattern: #"(?<![A-Za-z0-9])_auth\s{0,3}=\s{0,3}["']?([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])"#,
            severity: .high, validator: .custom(pkIsBasicAuthBlob),
            examples: [
                "_auth=\(pkBase64("deploy:" + pkStr(16, seed: 1915)))",
                "//nexus.corp.net/repository/npm/:_auth = \(pkBase64("ci-bot:" + pkStr(20, seed: 1916)))",
            ],
            counterExamples: [
                "_auth=\(pkBase64("user:password"))",
                "_auth=${NPM_AUTH}",
                "_auth=\(pkBase64("token-without-colon-" + pkStr(10, seed: 1917)))",
            ]),
        SecretRule(
            id: "pypi-token",
            description: "PyPI / TestPyPI API token (pypi-AgEIcHlwaS5vcmc…)",
            keywords: ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"],
            pattern: pkStart + #"(pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,300})"# + pkEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "password = pypi-AgEIcHlwaS5vcmc\(pkStr(160, Synthetic.base64url, seed: 1925))",
                "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw\(pkStr(140, Synthetic.base64url, seed: 1926))",
            ],
            counterExamples: [
                "password = pypi-AgEIcHlwaS5vcmc...",
                "TWINE_PASSWORD=pypi-<token>",
                "password = pypi-AgEIcHlwaS5vcmc\(pkStr(20, seed: 1927))",
            ]),
        SecretRule(
            id: "rubygems-api-key",
            description: "RubyGems.org API key (rubygems_)",
            keywords: ["rubygems_"],
            pattern: pkStart + #"(rubygems_[0-9a-f]{48})"# + pkEnd,
            minEntropy: 3.0, severity: .critical,
            examples: [
                ":rubygems_api_key: rubygems_\(pkHex(48, seed: 1930))",
                "GEM_HOST_API_KEY=rubygems_\(pkHex(48, seed: 1931))",
            ],
            counterExamples: [
                ":rubygems_api_key: rubygems_\(String(repeating: "0", count: 48))",
                "GEM_HOST_API_KEY=rubygems_<key>",
            ]),
        SecretRule(
            id: "rubygems-legacy-api-key",
            description: "RubyGems.org legacy API key (32 hex) in gem credentials",
            keywords: ["rubygems_api_key", "gem_host_api_key"],
            pattern: #"(?i:rubygems_api_key|gem_host_api_key)["']?\s{0,3}[:=]\s{0,3}["']?([0-9a-f]{32})(?![A-Za-z0-9_])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                ":rubygems_api_key: \(pkHex(32, seed: 1935))",
                "export GEM_HOST_API_KEY=\"\(pkHex(32, seed: 1936))\"",
            ],
            counterExamples: [
                ":rubygems_api_key: \(String(repeating: "0", count: 32))",
                "GEM_HOST_API_KEY=${{ secrets.RUBYGEMS_API_KEY }}",
            ]),
        SecretRule(
            id: "nuget-api-key",
            description: "NuGet.org API key (oy2…)",
            keywords: ["oy2"],
            pattern: #"(?<![A-Za-z0-9])(oy2[a-z0-9]{43})(?![A-Za-z0-9])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "dotnet nuget push pkg.nupkg --api-key oy2\(pkStr(43, Synthetic.lowerAlnum, seed: 1940)) --source https://api.nuget.org/v3/index.json",
                "NUGET_API_KEY=oy2\(pkStr(43, Synthetic.lowerAlnum, seed: 1941))",
            ],
            counterExamples: [
                "NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "NUGET_API_KEY=oy2\(pkStr(20, Synthetic.lowerAlnum, seed: 1942))",
            ]),
        SecretRule(
            id: "nuget-config-password",
            description: "Clear-text package source password in NuGet.config",
            keywords: ["cleartextpassword"],
            pattern: #"(?i)<add\s{1,5}key\s{0,3}=\s{0,3}"ClearTextPassword"\s{1,5}value\s{0,3}=\s{0,3}"([^"\s]{6,200})""#,
            minEntropy: 2.5, severity: .high,
            examples: [
                "      <add key=\"ClearTextPassword\" value=\"\(pkStr(24, seed: 1945))\" />",
                "<add key=\"ClearTextPassword\" value=\"\(pkStr(40, Synthetic.base64url, seed: 1946))\"/>",
            ],
            counterExamples: [
                "<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />",
                "<add key=\"ClearTextPassword\" value=\"$(FeedPassword)\" />",
            ]),
        SecretRule(
            id: "crates-io-token",
            description: "crates.io API token (cio…)",
            keywords: ["cio"],
            pattern: pkStart + #"(cio[A-Za-z0-9]{32})"# + pkEnd,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "[registry]\ntoken = \"cio\(pkStr(32, seed: 1950))\"",
                "CARGO_REGISTRY_TOKEN=cio\(pkStr(32, seed: 1951))",
            ],
            counterExamples: [
                "CARGO_REGISTRY_TOKEN=cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "A precocious and delicious, conscious association.",
                "CARGO_REGISTRY_TOKEN=cio\(pkStr(16, seed: 1952))",
            ]),
        SecretRule(
            id: "dockerhub-token",
            description: "Docker Hub personal or organization access token (dckr_pat_ / dckr_oat_)",
            keywords: ["dckr_pat_", "dckr_oat_"],
            pattern: pkStart + #"(dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,40})(?![A-Za-z0-9_\-])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "echo dckr_pat_\(pkStr(27, Synthetic.base64url, seed: 1955)) | docker login -u ci --password-stdin",
                "DOCKERHUB_TOKEN=dckr_oat_\(pkStr(32, Synthetic.base64url, seed: 1956))",
            ],
            counterExamples: [
                "DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "DOCKERHUB_TOKEN=dckr_pat_\(pkStr(10, seed: 1957))",
            ]),
        SecretRule(
            id: "jfrog-api-key",
            description: "JFrog Artifactory API key (AKCp…)",
            keywords: ["akcp"],
            pattern: #"(?<![A-Za-z0-9])(AKCp[A-Za-z0-9]{65,75})(?![A-Za-z0-9])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "curl -H \"X-JFrog-Art-Api: AKCp8\(pkStr(68, seed: 1960))\" https://corp.jfrog.io/artifactory/api/repositories",
                "ARTIFACTORY_API_KEY=AKCp5\(pkStr(68, seed: 1961))",
            ],
            counterExamples: [
                "ARTIFACTORY_API_KEY=AKCp\(String(repeating: "x", count: 69))",
                "ARTIFACTORY_API_KEY=AKCp\(pkStr(30, seed: 1962))",
            ]),
        SecretRule(
            id: "jfrog-reference-token",
            description: "JFrog reference token (base64 of \"reftkn:01:…\")",
            keywords: ["cmvmdgtu"],
            pattern: #"(?<![A-Za-z0-9+/])(cmVmdGtuOjAxOj[A-Za-z0-9]{40,60})(?![A-Za-z0-9+/])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj\(pkStr(50, seed: 1965))",
                "Authorization: Bearer cmVmdGtuOjAxOj\(pkStr(50, seed: 1966))",
            ],
            counterExamples: [
                "JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj...",
                "JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj\(pkStr(12, seed: 1967))",
            ]),
        SecretRule(
            id: "jfrog-access-token",
            description: "JFrog Platform access / identity token (JWT with JFrog's \"ver\":\"2\" header)",
            keywords: ["eyj2zxiioiiyiiwidhlwijoislduiiwiywxnijoiulmyntyi"],
            pattern: #"(?<![A-Za-z0-9_\-])(eyJ2ZXIiOiIyIiwidHlwIjoiSldUIiwiYWxnIjoiUlMyNTYi[A-Za-z0-9_\-]{10,400}\.[A-Za-z0-9_\-]{20,3000}\.[A-Za-z0-9_\-]{20,1000})(?![A-Za-z0-9_\-])"#,
            minEntropy: 4.0, severity: .critical, validator: .jwt,
            examples: [
                "JFROG_ACCESS_TOKEN=\(pkJFrogJWT(seed: 1970))",
                "jf c add ci --url https://corp.jfrog.io --access-token \(pkJFrogJWT(seed: 1971))",
            ],
            counterExamples: [
                "JFROG_ACCESS_TOKEN=eyJ2ZXIiOiIyIiwidHlwIjoiSldUIiwiYWxnIjoiUlMyNTYi...",
                "JFROG_ACCESS_TOKEN=<access-token>",
            ]),
        SecretRule(
            id: "gradle-plugin-portal-key",
            description: "Gradle Plugin Portal publishing key or secret",
            keywords: ["gradle.publish.", "gradle_publish_"],
            pattern: #"(?i:gradle[._]publish[._](?:key|secret))["']?\s{0,3}[=:]\s{0,3}["']?([A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "gradle.publish.key=\(pkStr(32, seed: 1975))",
                "GRADLE_PUBLISH_SECRET: \"\(pkStr(32, seed: 1976))\"",
            ],
            counterExamples: [
                "gradle.publish.key=${GRADLE_PUBLISH_KEY}",
                "gradle.publish.secret=\(String(repeating: "x", count: 32))",
            ]),
    ]
}
