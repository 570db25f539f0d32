extension RuleFamilies {
    static let messaging: [SecretRule] = [
    ]
}
