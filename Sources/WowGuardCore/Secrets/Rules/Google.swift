extension RuleFamilies {
    static let google: [SecretRule] = [
    ]
}
