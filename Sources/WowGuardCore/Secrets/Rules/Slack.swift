extension RuleFamilies {
    static let slack: [SecretRule] = [
    ]
}
