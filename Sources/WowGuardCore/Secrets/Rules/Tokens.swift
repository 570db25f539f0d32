extension RuleFamilies {
    static let tokens: [SecretRule] = [
    ]
}
