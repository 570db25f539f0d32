/// Raw disk devices: dd of=/dev/sdX, mkfs, wipefs, partitioning, secure erase, volume destruction,
/// redirections onto block devices.
enum DiskRules {
    static let dd = ShellRule("disk.dd", .deny, "dd writes straight onto a disk device, destroying its contents",
        examples: ["dd if=/dev/zero of=/dev/sda bs=1M", "dd if=image.iso of=/dev/nvme0n1"], counterExamples: ["dd if=/dev/zero of=disk.img bs=1M count=10"])
    static let mkfs = ShellRule("disk.mkfs", .deny, "creates a file system, erasing the device",
        examples: ["mkfs.ext4 /dev/sdb1", "mkfs -t xfs /dev/vdb"], counterExamples: ["mkfs.ext4 build/disk.img"])
    static let wipefs = ShellRule("disk.wipefs", .deny, "wipes file-system signatures from a device",
        examples: ["wipefs -a /dev/sda"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let partition = ShellRule("disk.partition", .deny, "changes a disk's partition table",
        examples: ["fdisk /dev/sda", "sgdisk --zap-all /dev/nvme0n1"], counterExamples: ["fdisk -l"])
    static let writeDevice = ShellRule("disk.write-device", .deny, "writes straight onto a disk device, destroying its contents",
        examples: ["cat /dev/zero > /dev/sda", "echo garbage > /dev/sdb"], counterExamples: ["cat <<'EOF' > notes.txt\nhello\nEOF", "cat install.sh | sh"])
    static let erase = ShellRule("disk.erase", .deny, "erases or discards a disk or volume",
        examples: ["diskutil eraseDisk JHFS+ Blank disk2", "blkdiscard /dev/nvme0n1"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let volume = ShellRule("disk.volume-destroy", .deny, "destroys a volume, pool or RAID member",
        examples: ["zpool destroy tank"], counterExamples: ["rm -rf ~/.cache/pip"])

    static let all = [dd, mkfs, wipefs, partition, writeDevice, erase, volume]

    static let devicePrefixes = [
        "sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "md", "dm-", "mapper", "loop", "sr", "nbd", "zram",
        "bcache", "ubd", "mem", "kmem", "port", "root", "sg", "st", "nst", "raw", "rbd", "emmc", "mtd", "vg", "zd",
    ]

    static func isBlockDevice(_ comps: [String]) -> Bool {
        guard comps.count >= 2, comps[0] == "dev" else { return false }
        let n = comps[1]
        if ["stdout", "stderr", "stdin", "null", "zero", "tty", "full", "random", "urandom", "shm", "pts", "fd", "tcp", "udp"].contains(n) { return false }
        return devicePrefixes.contains { n.hasPrefix($0) }
    }

    static func checkDeviceWrite(_ p: ShPath, _ f: ShField, _ a: inout ShellAnalysis) {
        if isBlockDevice(p.all) || (p.wild && p.comps == ["dev"]) { a.report(writeDevice, f.text) }
    }

    static func deviceOperand(_ inv: ShInvocation, _ a: ShellAnalysis, _ env: ShEnv) -> Bool {
        inv.args.contains { f in
            let t = f.text.hasPrefix("of=") || f.text.hasPrefix("if=") ? String(f.text.dropFirst(3)) : f.text
            let p = a.paths.resolve(ShField(text: t, glob: f.glob), cwd: env.cwd)
            return isBlockDevice(p.all) || (p.wild && p.comps == ["dev"])
        }
    }

    /// mkfs on an image file inside the project is fine; anything else is not.
    static func outsideProjectTarget(_ inv: ShInvocation, _ a: ShellAnalysis, _ env: ShEnv) -> Bool {
        let ops = inv.args.filter { !$0.text.hasPrefix("-") }
        if ops.isEmpty { return true }
        return ops.contains { f in
            let c = a.paths.classify(a.paths.resolve(f, cwd: env.cwd))
            return c != .project && c != .temp
        }
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let n = inv.name
        let args = inv.argTexts
        let lower = args.map { $0.lowercased() }
        switch n {
        case "dd":
            for f in inv.args where f.text.hasPrefix("of=") {
                let p = a.paths.resolve(ShField(text: String(f.text.dropFirst(3)), glob: f.glob), cwd: env.cwd)
                if isBlockDevice(p.all) || (p.wild && p.comps == ["dev"]) { a.report(dd, inv.subject) }
            }
        case "wipefs":
            if !args.contains("-n") && !args.contains("--no-act") && (args.contains { $0.hasPrefix("-a") || $0 == "--all" || $0.hasPrefix("-o") || $0.hasPrefix("--offset") } || deviceOperand(inv, a, env)) {
                a.report(wipefs, inv.subject)
            }
        case "fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "cgdisk", "parted", "gparted":
            let listOnly = args.contains { ["-l", "--list", "-d", "--dump", "-s", "--show-size", "-p", "--print", "-v", "--verify", "print", "-V", "--version", "-h", "--help"].contains($0) }
            if !listOnly && deviceOperand(inv, a, env) { a.report(partition, inv.subject) }
        case "diskutil":
            let destructive = ["erasedisk", "erasevolume", "partitiondisk", "zerodisk", "randomdisk", "secureerase", "reformat", "deletecontainer", "deletevolume", "splitpartition", "mergepartitions", "resizevolume"]
            if lower.contains(where: { destructive.contains($0) }) { a.report(erase, inv.subject) }
        case "blkdiscard", "nvme-format":
            a.report(erase, inv.subject)
        case "nvme":
            if lower.contains("format") || lower.contains("sanitize") { a.report(erase, inv.subject) }
        case "hdparm":
            if args.contains(where: { $0.hasPrefix("--security-erase") || $0 == "--trim-sector-ranges" || $0 == "--write-sector" || $0 == "--security-set-pass" }) { a.report(erase, inv.subject) }
        case "badblocks":
            if args.contains(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("w") }) { a.report(erase, inv.subject) }
        case "cryptsetup":
            if lower.contains(where: { ["luksformat", "erase", "lukserase", "luksremovekey", "luksksilkey"].contains($0) }) { a.report(erase, inv.subject) }
        case "zpool":
            if lower.contains("destroy") || lower.contains("labelclear") { a.report(volume, inv.subject) }
        case "zfs":
            if lower.contains("destroy") { a.report(volume, inv.subject) }
        case "lvremove", "vgremove", "pvremove", "lvreduce":
            a.report(volume, inv.subject)
        case "mdadm":
            if args.contains("--zero-superblock") || args.contains("--fail") { a.report(volume, inv.subject) }
        case "flashrom":
            if args.contains(where: { $0 == "-w" || $0 == "--write" || $0 == "-E" || $0 == "--erase" }) { a.report(erase, inv.subject) }
        case "shred":
            if deviceOperand(inv, a, env) { a.report(erase, inv.subject) }
        default:
            if n.hasPrefix("mkfs") || ["mke2fs", "mkswap", "mkdosfs", "mkntfs", "mkexfatfs", "mkisofs-dev", "newfs"].contains(n) || n.hasPrefix("newfs_") {
                if deviceOperand(inv, a, env) || outsideProjectTarget(inv, a, env) { a.report(mkfs, inv.subject) }
            }
        }
    }
}
