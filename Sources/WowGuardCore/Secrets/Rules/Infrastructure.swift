extension RuleFamilies {
    static let infrastructure: [SecretRule] = [
    ]
}
