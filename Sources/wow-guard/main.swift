import WowGuardCLI
WowGuard.main()
