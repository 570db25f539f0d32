import WowGuardCLI
WowGuard.runMain()
