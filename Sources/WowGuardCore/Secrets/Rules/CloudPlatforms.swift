extension RuleFamilies {
    static let cloudPlatforms: [SecretRule] = [
    ]
}
