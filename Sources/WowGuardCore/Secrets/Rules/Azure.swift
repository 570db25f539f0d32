extension RuleFamilies {
    static let azure: [SecretRule] = [
    ]
}
