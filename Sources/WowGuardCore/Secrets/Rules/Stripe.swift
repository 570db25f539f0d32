extension RuleFamilies {
    static let stripe: [SecretRule] = [
    ]
}
