extension RuleFamilies {
    static let observability: [SecretRule] = [
    ]
}
