extension RuleFamilies {
    static let aiProviders: [SecretRule] = [
    ]
}
