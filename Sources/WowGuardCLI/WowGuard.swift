public enum WowGuard { public static func main() {} }
