extension RuleFamilies {
    static let packageRegistries: [SecretRule] = [
    ]
}
