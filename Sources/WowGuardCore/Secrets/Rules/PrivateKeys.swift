extension RuleFamilies {
    /// A synthetic PEM body: obviously fake (deterministic), but shaped like base64 key material.
    static func pemBody(lines: Int, seed: UInt64) -> String {
        (0..<lines).map { Synthetic.string(64, alphabet: Synthetic.base64, seed: seed &+ UInt64($0)) }.joined(separator: "\n")
    }

    static let privateKeys: [SecretRule] = [
        SecretRule(
            id: "private-key",
            description: "Private key (PEM, OpenSSH, PKCS#8, encrypted, PGP)",
            keywords: ["private key"],
            // BEGIN line, a body of base64 / header lines (real newlines or escaped \n in JSON strings), END line.
            pattern: #"(-----BEGIN[ A-Z0-9]{0,30} PRIVATE KEY(?: BLOCK)?-----[\s"',+A-Za-z0-9/=:.\\_\-]{64,32000}?-----END[ A-Z0-9]{0,30} PRIVATE KEY(?: BLOCK)?-----)"#,
            minEntropy: 4.0, severity: .critical, multiline: true, skipPlaceholderFilter: true,
            // A passphrase-encrypted key is not usable without its passphrase: reported, but low confidence.
            // One inside a doc comment (`///` lines) is an illustration: low as well.
            // (`// ` cannot occur in base64, whose lines may well start with `//`.)
            assess: { $0.contains("ENCRYPTED") || $0.contains("// ") ? .low : .high },
            examples: [
                "-----BEGIN RSA PRIVATE KEY-----\n\(pemBody(lines: 6, seed: 1))\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n\(pemBody(lines: 5, seed: 2))\n-----END OPENSSH PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----\n\(pemBody(lines: 4, seed: 3))\n-----END PRIVATE KEY-----",
                "-----BEGIN EC PRIVATE KEY-----\n\(pemBody(lines: 3, seed: 4))\n-----END EC PRIVATE KEY-----",
                "-----BEGIN DSA PRIVATE KEY-----\n\(pemBody(lines: 3, seed: 5))\n-----END DSA PRIVATE KEY-----",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n\(pemBody(lines: 4, seed: 6))\n-----END ENCRYPTED PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B2C3D4E5F60718293A4B5C6D7E8F9\n\n\(pemBody(lines: 4, seed: 7))\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n\(pemBody(lines: 6, seed: 8))\n=Ab1C\n-----END PGP PRIVATE KEY BLOCK-----",
                #"{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\n"# + pemBody(lines: 4, seed: 9).replacingNewlines(with: #"\n"#) + #"\n-----END PRIVATE KEY-----\n"}"#,
                "    key: |\n      -----BEGIN EC PRIVATE KEY-----\n      \(pemBody(lines: 2, seed: 10).replacingNewlines(with: "\n      "))\n      -----END EC PRIVATE KEY-----",
            ],
            counterExamples: [
                "-----BEGIN PUBLIC KEY-----\n\(pemBody(lines: 4, seed: 11))\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\n\(pemBody(lines: 6, seed: 12))\n-----END CERTIFICATE-----",
                "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n<your key here>\n-----END OPENSSH PRIVATE KEY-----",
                "if line.hasPrefix(\"-----BEGIN PRIVATE KEY-----\") { inKey = true }",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\(pemBody(lines: 4, seed: 13))\n-----END PGP PUBLIC KEY BLOCK-----",
            ]),
        SecretRule(
            id: "putty-private-key",
            description: "PuTTY private key file",
            keywords: ["putty-user-key-file"],
            pattern: #"(PuTTY-User-Key-File-[23]: [a-z0-9\-]+\s+Encryption: [a-z0-9\-]+\s+Comment: [^\n]*\s+Public-Lines: \d+\s+[A-Za-z0-9+/=\s]+?Private-Lines: \d+\s+[A-Za-z0-9+/=\s]{40,})"#,
            severity: .critical, multiline: true, skipPlaceholderFilter: true,
            examples: [
                "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n\(pemBody(lines: 2, seed: 20))\nPrivate-Lines: 2\n\(pemBody(lines: 2, seed: 21))\nPrivate-MAC: 0a1b",
            ],
            counterExamples: ["PuTTY-User-Key-File-2 is the format PuTTYgen writes."]),
    ]
}

extension String {
    func replacingNewlines(with s: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: s)
    }
}
