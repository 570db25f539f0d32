extension RuleFamilies {
    static let gitlab: [SecretRule] = [
    ]
}
