extension RuleFamilies {
    static let commerce: [SecretRule] = [
    ]
}
