extension RuleFamilies {
    static let collaboration: [SecretRule] = [
    ]
}
