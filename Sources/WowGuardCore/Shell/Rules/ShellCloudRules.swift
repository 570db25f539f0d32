/// Destroying cloud and cluster resources. Irreversible, production-scale operations (deleting a
/// project, a resource group, databases, instances, whole buckets, terraform/pulumi destroy,
/// namespaces) are denied; other deletes ask.
enum CloudRules {
    static let awsS3RecursiveDelete = ShellRule("cloud.aws-s3-delete-recursive", .deny, "deletes every object under an S3 prefix or a whole bucket",
        examples: ["aws s3 rm s3://prod-bucket --recursive", "aws s3 rb s3://prod-bucket --force"], counterExamples: ["aws s3 ls", "aws s3 cp s3://my-bucket/data.csv ./data/"])
    static let awsTerminate = ShellRule("cloud.aws-terminate", .deny, "terminates EC2 instances",
        examples: ["aws ec2 terminate-instances --instance-ids i-123"], counterExamples: ["aws s3 ls", "aws s3 cp s3://my-bucket/data.csv ./data/"])
    static let awsDeleteData = ShellRule("cloud.aws-delete-data", .deny, "deletes a database, table, stack, cluster, key or secret without recovery",
        examples: ["aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot", "aws dynamodb delete-table --table-name users"], counterExamples: ["aws s3 ls", "aws s3 cp s3://my-bucket/data.csv ./data/"])
    static let awsDelete = ShellRule("cloud.aws-delete", .ask, "deletes AWS resources",
        examples: ["aws lambda delete-function --function-name f", "aws s3 rm s3://bucket/file.txt"], counterExamples: ["aws s3 ls", "aws s3 cp s3://my-bucket/data.csv ./data/"])
    static let gcloudProjectDelete = ShellRule("cloud.gcloud-project-delete", .deny, "deletes a whole Google Cloud project",
        examples: ["gcloud projects delete my-prod-project", "gcloud alpha projects delete x"], counterExamples: ["gcloud compute instances list"])
    static let gcloudDeleteData = ShellRule("cloud.gcloud-delete-data", .deny, "deletes a Cloud SQL instance, GKE cluster, bucket or database",
        examples: ["gcloud sql instances delete prod-db", "gcloud container clusters delete prod --zone us-east1-b"], counterExamples: ["gcloud compute instances list"])
    static let gcloudDelete = ShellRule("cloud.gcloud-delete", .ask, "deletes Google Cloud resources",
        examples: ["gcloud compute instances delete vm-1 --zone us-east1-b"], counterExamples: ["gcloud compute instances list"])
    static let azGroupDelete = ShellRule("cloud.az-group-delete", .deny, "deletes an Azure resource group and everything in it",
        examples: ["az group delete --name prod-rg --yes"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let azDelete = ShellRule("cloud.az-delete", .ask, "deletes Azure resources",
        examples: ["az vm delete -g rg -n vm1"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let azDeleteData = ShellRule("cloud.az-delete-data", .deny, "deletes an Azure storage account, container, database or vault for good")
    static let terraformDestroy = ShellRule("cloud.terraform-destroy", .deny, "destroys every resource the Terraform/OpenTofu state manages",
        examples: ["terraform destroy -auto-approve", "terraform apply -destroy -auto-approve"], counterExamples: ["terraform plan", "terraform apply"])
    static let terraformState = ShellRule("cloud.terraform-state", .ask, "removes resources from Terraform state or deletes a workspace",
        examples: ["terraform state rm aws_instance.web"], counterExamples: ["terraform plan", "terraform apply"])
    static let pulumiDestroy = ShellRule("cloud.pulumi-destroy", .deny, "destroys every resource in the Pulumi stack",
        examples: ["pulumi destroy --yes"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let pulumiStackRemove = ShellRule("cloud.pulumi-stack-rm", .ask, "removes a Pulumi stack")
    static let kubectlDeleteNamespace = ShellRule("cloud.kubectl-delete-namespace", .deny, "deletes a Kubernetes namespace and everything in it",
        examples: ["kubectl delete namespace production", "kubectl delete ns prod"], counterExamples: ["kubectl get pods -A", "kubectl apply -f k8s/"])
    static let kubectlDeleteAll = ShellRule("cloud.kubectl-delete-all", .deny, "deletes all resources of a kind (--all / --all-namespaces)",
        examples: ["kubectl delete pods --all -n prod"], counterExamples: ["kubectl get pods -A", "kubectl apply -f k8s/"])
    static let kubectlDelete = ShellRule("cloud.kubectl-delete", .ask, "deletes Kubernetes resources",
        examples: ["kubectl delete deployment web"], counterExamples: ["kubectl get pods -A", "kubectl apply -f k8s/"])
    static let helmUninstall = ShellRule("cloud.helm-uninstall", .ask, "uninstalls a Helm release",
        examples: ["helm uninstall web"], counterExamples: ["helm upgrade --install web ./chart"])
    static let dockerPruneVolumes = ShellRule("cloud.docker-volumes", .ask, "deletes Docker volumes, which hold data",
        examples: ["docker volume prune -f", "docker compose down -v"], counterExamples: ["docker compose down", "docker system prune -f"])
    static let storageDelete = ShellRule("cloud.storage-delete-recursive", .deny, "recursively deletes a storage bucket or prefix")
    static let appDestroy = ShellRule("cloud.app-destroy", .deny, "destroys a hosted app or project")

    static let all = [awsS3RecursiveDelete, awsTerminate, awsDeleteData, awsDelete, gcloudProjectDelete, gcloudDeleteData, gcloudDelete,
                      azGroupDelete, azDelete, azDeleteData, terraformDestroy, terraformState, pulumiDestroy, pulumiStackRemove, kubectlDeleteNamespace,
                      kubectlDeleteAll, kubectlDelete, helmUninstall, dockerPruneVolumes, storageDelete, appDestroy]

    static let awsGlobalWithArg: Set<String> = ["--profile", "--region", "--output", "--endpoint-url", "--query", "--color",
                                                "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format"]

    /// Operands, skipping the values of the given options.
    static func operands(_ args: [String], withArg: Set<String>) -> [String] {
        var out: [String] = []
        var k = 0
        while k < args.count {
            let t = args[k]
            if t.hasPrefix("-") {
                k += (withArg.contains(t) && !t.contains("=")) ? 2 : 1
                continue
            }
            out.append(t.lowercased())
            k += 1
        }
        return out
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        let lower = args.map { $0.lowercased() }
        switch inv.name {
        case "aws":
            let ops = operands(args, withArg: awsGlobalWithArg)
            guard ops.count >= 2 else { return }
            let (svc, op) = (ops[0], ops[1])
            if svc == "s3" && op == "rm" {
                a.report(lower.contains("--recursive") ? awsS3RecursiveDelete : awsDelete, inv.subject)
            } else if svc == "s3" && op == "rb" {
                a.report(lower.contains("--force") ? awsS3RecursiveDelete : awsDelete, inv.subject)
            } else if svc == "s3" && (op == "sync" || op == "mv") && lower.contains("--delete") {
                a.report(awsDelete, inv.subject)
            } else if op == "terminate-instances" {
                a.report(awsTerminate, inv.subject)
            } else if ["delete-db-instance", "delete-db-cluster", "delete-table", "delete-stack", "delete-cluster", "delete-bucket",
                       "schedule-key-deletion", "delete-file-system", "delete-backup-vault", "delete-repository", "delete-global-cluster",
                       "delete-replication-group", "delete-cache-cluster", "delete-domain", "delete-hosted-zone", "delete-vpc"].contains(op)
                        || (op == "delete-secret" && lower.contains("--force-delete-without-recovery")) {
                a.report(awsDeleteData, inv.subject)
            } else if op.hasPrefix("delete-") || op.hasPrefix("terminate-") || op.hasPrefix("remove-") || op.hasPrefix("deregister-") || op == "delete" || op == "purge-queue" {
                a.report(awsDelete, inv.subject)
            }
        case "gcloud":
            var ops = operands(args, withArg: ["--project", "--account", "--configuration", "--format", "--verbosity", "--zone", "--region", "--filter"])
            while let f = ops.first, f == "alpha" || f == "beta" { ops.removeFirst() }
            guard let di = ops.firstIndex(where: { $0 == "delete" || $0 == "rm" }) else { return }
            let path = ops[..<di]
            if path.first == "projects" { a.report(gcloudProjectDelete, inv.subject) }
            else if path.starts(with: ["sql", "instances"]) || path.starts(with: ["container", "clusters"]) || path.contains("buckets")
                        || path.starts(with: ["spanner"]) || path.starts(with: ["firestore", "databases"]) || path.starts(with: ["bigtable"]) || path.starts(with: ["sql", "databases"]) {
                a.report(gcloudDeleteData, inv.subject)
            } else {
                a.report(gcloudDelete, inv.subject)
            }
        case "gsutil", "gcloud-storage":
            if lower.contains("rm") && lower.contains(where: { $0.hasPrefix("-") && ($0.contains("r") || $0.contains("a")) }) || lower.contains("rb") {
                a.report(storageDelete, inv.subject)
            }
        case "az":
            let ops = operands(args, withArg: ["--subscription", "--output", "-o", "--query", "--resource-group", "-g", "--name", "-n"])
            guard ops.contains("delete") || ops.contains("purge") else { return }
            if ops.starts(with: ["group", "delete"]) || ops.starts(with: ["account", "delete"]) { a.report(azGroupDelete, inv.subject) }
            else if ops.first == "storage" && (ops.contains("container") || ops.contains("account")) || ops.first == "sql" || ops.first == "cosmosdb" || ops.starts(with: ["keyvault", "purge"]) {
                a.report(azDeleteData, inv.subject)
            } else {
                a.report(azDelete, inv.subject)
            }
        case "terraform":
            let ops = operands(args, withArg: [])
            guard let sub = ops.first(where: { !$0.hasPrefix("-chdir") }) else { return }
            if sub == "destroy" || ((sub == "apply" || sub == "run-all") && (lower.contains("-destroy") || lower.contains("--destroy") || ops.contains("destroy"))) {
                a.report(terraformDestroy, inv.subject)
            } else if (sub == "state" && (ops.contains("rm") || ops.contains("push"))) || (sub == "workspace" && ops.contains("delete")) || sub == "force-unlock" {
                a.report(terraformState, inv.subject)
            }
        case "pulumi":
            let ops = operands(args, withArg: ["--stack", "-s", "--cwd", "-C"])
            if ops.first == "destroy" || ops.first == "down" { a.report(pulumiDestroy, inv.subject) }
            if ops.starts(with: ["stack", "rm"]) { a.report(pulumiStackRemove, inv.subject) }
        case "cdk":
            if lower.contains("destroy") { a.report(terraformDestroy, inv.subject) }
        case "sam", "serverless", "sls", "copilot":
            if lower.contains("delete") || lower.contains("remove") { a.report(appDestroy, inv.subject) }
        case "kubectl":
            let ops = operands(args, withArg: ["-n", "--namespace", "--context", "--kubeconfig", "-l", "--selector", "-f", "--filename", "-o", "--output", "--cluster", "--user"])
            guard ops.first == "delete" else { return }
            let kinds = ops.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
            if kinds.contains(where: { $0 == "ns" || $0 == "namespace" || $0 == "namespaces" || $0.hasPrefix("namespace/") || $0.hasPrefix("ns/") || $0 == "pv" || $0 == "pvc" || $0 == "persistentvolumeclaim" || $0 == "persistentvolume" || $0 == "crd" || $0 == "customresourcedefinition" }) {
                a.report(kubectlDeleteNamespace, inv.subject)
            } else if lower.contains("--all") || lower.contains("-a") || lower.contains("--all-namespaces") {
                a.report(kubectlDeleteAll, inv.subject)
            } else {
                a.report(kubectlDelete, inv.subject)
            }
        case "helm":
            if let sub = lower.first(where: { !$0.hasPrefix("-") }), ["uninstall", "delete", "del", "un"].contains(sub) { a.report(helmUninstall, inv.subject) }
        case "docker", "podman":
            let ops = lower.filter { !$0.hasPrefix("-") }
            if ops.starts(with: ["volume", "rm"]) || ops.starts(with: ["volume", "prune"]) || (ops.starts(with: ["system", "prune"]) && lower.contains("--volumes"))
                || (ops.first == "compose" && ops.contains("down") && (lower.contains("-v") || lower.contains("--volumes"))) {
                a.report(dockerPruneVolumes, inv.subject)
            }
        case "docker-compose":
            if lower.contains("down") && (lower.contains("-v") || lower.contains("--volumes")) { a.report(dockerPruneVolumes, inv.subject) }
        case "vercel", "netlify", "firebase", "railway", "render", "doctl", "linode-cli", "hcloud", "scw":
            if lower.contains(where: { ["remove", "rm", "delete", "destroy", "projects:delete", "sites:delete", "hosting:disable"].contains($0) }) {
                a.report(appDestroy, inv.subject)
            }
        case "rclone":
            if lower.contains("purge") || (lower.contains("delete") && !lower.contains("--dry-run")) || (lower.contains("sync") && !lower.contains("--dry-run")) {
                a.report(storageDelete, inv.subject)
            }
        case "mc":
            if lower.contains("rm") && (lower.contains("--recursive") || lower.contains("-r")) || lower.contains("rb") { a.report(storageDelete, inv.subject) }
        default:
            break
        }
    }
}
