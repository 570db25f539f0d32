extension RuleFamilies {
    static let aws: [SecretRule] = [
        SecretRule(
            id: "aws-access-key-id",
            description: "AWS access key ID",
            keywords: ["akia", "asia", "abia", "acca", "a3t"],
            pattern: #"(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "aws_access_key_id = AKIA\(Synthetic.string(16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed: 30))",
                "export AWS_ACCESS_KEY_ID=\"ASIA\(Synthetic.string(16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed: 31))\"",
            ],
            counterExamples: [
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "AKIA\(Synthetic.string(16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed: 32))X9 is too long",
                "AKIAAAAAAAAAAAAAAAAA",
            ]),
        SecretRule(
            id: "aws-secret-access-key",
            description: "AWS secret access key",
            keywords: ["aws"],
            pattern: #"(?i)aws[A-Za-z0-9_.\-]{0,20}(?:secret|private)[A-Za-z0-9_.\-]{0,20}"# + assignment + #"["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "aws_secret_access_key = \(Synthetic.string(40, alphabet: Synthetic.base64, seed: 33))",
                "AWS_SECRET_ACCESS_KEY: \"\(Synthetic.string(40, alphabet: Synthetic.base64, seed: 34))\"",
                "\"awsSecretKey\": \"\(Synthetic.string(40, alphabet: Synthetic.base64, seed: 35))\",",
                "AWS_SECRET_ACCESS_KEY: str = \"\(Synthetic.string(40, alphabet: Synthetic.base64, seed: 42))\"",
            ],
            counterExamples: [
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
                "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']",
            ]),
        SecretRule(
            id: "aws-session-token",
            description: "AWS session token",
            keywords: ["aws_session_token", "awssessiontoken", "aws-session-token", "security_token"],
            pattern: #"(?i)(?:aws[_\-]?session[_\-]?token|aws[_\-]?security[_\-]?token)["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?([A-Za-z0-9/+=]{100,1200})(?![A-Za-z0-9/+=])"#,
            minEntropy: 4.5, severity: .high,
            examples: ["AWS_SESSION_TOKEN=FwoGZXIvYXdzE\(Synthetic.string(200, alphabet: Synthetic.base64, seed: 36))"],
            counterExamples: ["AWS_SESSION_TOKEN=$(aws sts get-session-token --query Credentials.SessionToken)"]),
        SecretRule(
            id: "aws-mws-key",
            description: "Amazon Marketplace Web Service auth token",
            keywords: ["amzn.mws."],
            pattern: #"(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#,
            severity: .high,
            examples: ["mws_token = amzn.mws.\(Synthetic.string(8, alphabet: Synthetic.lowerHex, seed: 37))-\(Synthetic.string(4, alphabet: Synthetic.lowerHex, seed: 38))-\(Synthetic.string(4, alphabet: Synthetic.lowerHex, seed: 39))-\(Synthetic.string(4, alphabet: Synthetic.lowerHex, seed: 40))-\(Synthetic.string(12, alphabet: Synthetic.lowerHex, seed: 41))"],
            counterExamples: ["amzn.mws.<token>"]),
    ]
}
