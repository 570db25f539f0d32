/// Microsoft Azure / Entra ID / Azure DevOps credentials.
///
/// Newer Azure keys are "identifiable": a fixed signature at a fixed offset (e.g. `+ASt` in
/// storage keys, `JQQJ9` + provider signature in 84-character common annotated security keys).
/// Older keys are plain base64 and are only reported in a telling context (connection strings,
/// `*_KEY=` names).
private func azB64(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base64, seed: seed) }
private func azB62(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base62, seed: seed) }
private func azHex(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }
/// A synthetic 64-byte account key (88 base64 characters).
private func azKey88(seed: UInt64) -> String { azB64(86, seed: seed) + "==" }
/// A synthetic 32-byte key (44 base64 characters).
private func azKey44(seed: UInt64) -> String { azB64(43, seed: seed) + "=" }
/// A synthetic common annotated security key with the given 4-character provider signature.
private func azCask(_ provider: String, seed: UInt64) -> String {
    azB62(52, seed: seed) + "JQQJ99" + "BF" + azB62(16, seed: seed &+ 1) + provider + azB62(4, seed: seed &+ 2)
}

private let azSep = #"["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?"#
private let azB64Start = #"(?<![A-Za-z0-9+/])"#
private let azB64End = #"(?![A-Za-z0-9+/=])"#
/// Well-known public development keys (Azurite storage emulator, Cosmos DB emulator).
private let azEmulatorKeys = [
    #"^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"#,
    #"^C2y6yDjf5/R\+ob0N8A7Cgv30VRDJIWEHLM\+4QDU5DE2nQ9nDuVTqobD4b8mGGyPM"#,
]
let azuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

extension RuleFamilies {
    static let azure: [SecretRule] = [
        SecretRule(
            id: "azure-storage-connection-string",
            description: "Azure Storage account connection string with an account key",
            keywords: ["accountkey="],
            pattern: #"AccountName=[A-Za-z0-9]{3,24};\s{0,2}AccountKey=([A-Za-z0-9+/]{86}==)"# + azB64End,
            minEntropy: 4.0, severity: .critical, allowPatterns: azEmulatorKeys,
            examples: [
                "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=prodassets;AccountKey=\(azKey88(seed: 1500));EndpointSuffix=core.windows.net",
                "\"Storage\": \"DefaultEndpointsProtocol=https;AccountName=logs01;AccountKey=\(azKey88(seed: 1501))\"",
            ],
            counterExamples: [
                "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=\(azuriteKey);BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
                "AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=<account-key>;EndpointSuffix=core.windows.net",
            ]),
        SecretRule(
            id: "azure-identifiable-key",
            description: "Azure identifiable service key (Storage, Cosmos DB, Service Bus, Event Hubs, Relay, Functions, Redis, IoT, APIM, Batch)",
            keywords: ["+ast", "acdb", "+asb", "+aeh", "+arm", "azfu", "azca", "aiot", "apim", "+aba"],
            pattern: #"(?<![A-Za-z0-9+/_\-])([A-Za-z0-9+/_\-]{33}(?:\+ASb|\+AEh|\+ARm|AzFu|AzCa|AIoT|APIM|\+ABa)[A-P][A-Za-z0-9+/_\-]{5}=|[A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ABa|APIM|AzCa|AIoT)[A-Za-z0-9+/]{5}[AQgw]==)(?![A-Za-z0-9+/=_\-])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "AZURE_STORAGE_KEY=\(azB64(76, seed: 1510))+ASt\(azB64(5, seed: 1511))w==",
                "SERVICEBUS_KEY=\"\(azB64(33, seed: 1512))+ASbC\(azB64(5, seed: 1513))=\"",
                "cosmos: \(azB64(76, seed: 1514))ACDb\(azB64(5, seed: 1515))A==",
                "x-functions-key: \(azB62(33, seed: 1516))AzFuD\(azB62(5, seed: 1517))=",
            ],
            counterExamples: [
                "AZURE_STORAGE_KEY=\(azB64(76, seed: 1518))+XYZ\(azB64(5, seed: 1519))w==",
                "SERVICEBUS_KEY=\(azB64(20, seed: 1520))+ASbC=",
            ]),
        SecretRule(
            id: "azure-storage-account-key",
            description: "Azure Storage account key assigned to a storage-named setting",
            keywords: ["storage"],
            pattern: #"(?<![A-Za-z])(?i:storage)[A-Za-z0-9_.\-]{0,25}(?i:key)[A-Za-z0-9_.\-]{0,10}"# + azSep + #"([A-Za-z0-9+/]{86}==)"# + azB64End,
            minEntropy: 4.0, severity: .critical, allowPatterns: azEmulatorKeys,
            examples: [
                "AZURE_STORAGE_KEY=\(azKey88(seed: 1530))",
                "  storageAccountKey: \"\(azKey88(seed: 1531))\"",
                "$env:AZURE_STORAGE_ACCESS_KEY = \"\(azKey88(seed: 1532))\"",
            ],
            counterExamples: [
                "AZURE_STORAGE_KEY=\(azuriteKey)",
                "AZURE_STORAGE_KEY=${{ secrets.AZURE_STORAGE_KEY }}",
                "storage_key_name = \"key1\"",
            ]),
        SecretRule(
            id: "azure-sas-token",
            description: "Azure shared access signature (SAS) token",
            keywords: ["sig="],
            pattern: #"(?|sv=\d{4}-\d{2}-\d{2}[^\s"'<>]{0,400}?[&?;]sig=([A-Za-z0-9%+/]{40,120}={0,2})|[&?;]sig=([A-Za-z0-9%+/]{40,120}={0,2})&[^\s"'<>]{0,400}?sv=\d{4}-\d{2}-\d{2})"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "https://acct.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig=\(azB62(43, seed: 1540))%3D",
                "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacup&se=2031-01-01T00:00:00Z&sig=\(azB62(20, seed: 1541))%2B\(azB62(21, seed: 1542))%3D",
                "url = \"https://acct.queue.core.windows.net/q?sig=\(azB62(43, seed: 1543))%3D&se=2030-01-01&sv=2020-08-04\"",
            ],
            counterExamples: [
                "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=<signature>",
                "?sv=2022-11-02&sig=REDACTED",
                "https://example.org/cb?sig=\(azB62(43, seed: 1544))",
            ]),
        SecretRule(
            id: "azure-ad-client-secret",
            description: "Microsoft Entra ID (Azure AD) application client secret",
            keywords: ["8q~", "7q~"],
            pattern: #"(?<![A-Za-z0-9_~.\-])([A-Za-z0-9_~.\-]{3}[78]Q~[A-Za-z0-9_~.\-]{34})(?![A-Za-z0-9_~.\-])"#,
            minEntropy: 3.5, severity: .critical,
            examples: [
                "AZURE_CLIENT_SECRET=\(azB62(3, seed: 1550))8Q~\(Synthetic.string(34, alphabet: Synthetic.base62 + "_~.-", seed: 1551))",
                "\"clientSecret\": \"\(azB62(3, seed: 1552))7Q~\(Synthetic.string(34, alphabet: Synthetic.base62 + "_~.-", seed: 1553))\"",
            ],
            counterExamples: [
                "AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "AZURE_CLIENT_SECRET=\(azB62(3, seed: 1554))8Q~\(azB62(12, seed: 1555))",
            ]),
        SecretRule(
            id: "azure-cosmosdb-connection-string",
            description: "Azure Cosmos DB connection string with an account key",
            keywords: ["documents.azure"],
            pattern: #"AccountEndpoint=https://[A-Za-z0-9\-]{3,60}\.documents\.azure\.(?:com|us|cn)(?::443)?/?;\s{0,2}AccountKey=([A-Za-z0-9+/]{86}==)"# + azB64End,
            minEntropy: 4.0, severity: .critical, allowPatterns: azEmulatorKeys,
            examples: [
                "COSMOS_CONNECTION=AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=\(azKey88(seed: 1560));",
                "\"CosmosDb\": \"AccountEndpoint=https://cat.documents.azure.com/;AccountKey=\(azKey88(seed: 1561))\"",
            ],
            counterExamples: [
                "AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=<primary-key>;",
                "AccountEndpoint=https://orders-db.documents.azure.com:443/;",
            ]),
        SecretRule(
            id: "azure-cosmosdb-key",
            description: "Azure Cosmos DB account key assigned to a Cosmos-named setting",
            keywords: ["cosmos"],
            pattern: #"(?<![A-Za-z])(?i:cosmos)[A-Za-z0-9_.\-]{0,25}(?i:key|secret)[A-Za-z0-9_.\-]{0,10}"# + azSep + #"([A-Za-z0-9+/]{86}==)"# + azB64End,
            minEntropy: 4.0, severity: .critical, allowPatterns: azEmulatorKeys,
            examples: [
                "COSMOS_KEY=\(azKey88(seed: 1570))",
                "  \"cosmosDbPrimaryKey\": \"\(azKey88(seed: 1571))\"",
            ],
            counterExamples: [
                "COSMOS_KEY=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
                "COSMOS_KEY=${COSMOS_KEY}",
            ]),
        SecretRule(
            id: "azure-service-bus-connection-string",
            description: "Azure Service Bus / Event Hubs / Relay connection string with a shared access key",
            keywords: ["sharedaccesskey="],
            pattern: #"Endpoint=sb://[A-Za-z0-9.\-]{1,120}/?;\s{0,2}SharedAccessKeyName=[^;\s"']{1,100};\s{0,2}SharedAccessKey=([A-Za-z0-9+/]{42,43}=)"# + azB64End,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "SERVICEBUS_CONNECTION=Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=\(azKey44(seed: 1580))",
                "\"EventHub\": \"Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=\(azKey44(seed: 1581));EntityPath=events\"",
            ],
            counterExamples: [
                "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>",
                "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
            ]),
        SecretRule(
            id: "azure-iot-connection-string",
            description: "Azure IoT Hub / device connection string with a shared access key",
            keywords: ["azure-devices.net"],
            pattern: #"HostName=[A-Za-z0-9\-]{1,60}\.azure-devices\.net;\s{0,2}(?:(?:DeviceId|ModuleId|SharedAccessKeyName)=[^;\s"']{1,128};\s{0,2}){1,2}SharedAccessKey=([A-Za-z0-9+/]{42,43}=)"# + azB64End,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "IOTHUB_CONNECTION_STRING=HostName=plant1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=\(azKey44(seed: 1590))",
                "DEVICE_CONN=\"HostName=plant1.azure-devices.net;DeviceId=press-7;SharedAccessKey=\(azKey44(seed: 1591))\"",
            ],
            counterExamples: [
                "HostName=plant1.azure-devices.net;DeviceId=press-7;SharedAccessKey={device key}",
                "HostName=plant1.azure-devices.net;DeviceId=press-7",
            ]),
        SecretRule(
            id: "azure-function-key",
            description: "Azure Functions URL with a function key",
            keywords: ["azurewebsites.net"],
            pattern: #"https://[A-Za-z0-9\-]{1,60}\.azurewebsites\.net/api/[^\s?"'<>]{1,200}\?(?:[^\s"'<>#]{0,300}&)?code=([A-Za-z0-9_\-]{40,100}(?:==|%3D%3D)?)(?![A-Za-z0-9_\-%=])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "WEBHOOK=https://billing-fn.azurewebsites.net/api/charge?code=\(Synthetic.string(54, alphabet: Synthetic.base64url, seed: 1600))==",
                "curl \"https://etl.azurewebsites.net/api/run?name=a&code=\(Synthetic.string(56, alphabet: Synthetic.base64url, seed: 1601))\"",
            ],
            counterExamples: [
                "https://billing-fn.azurewebsites.net/api/charge?code=<function-key>",
                "https://billing-fn.azurewebsites.net/api/charge",
            ]),
        SecretRule(
            id: "azure-devops-pat",
            description: "Azure DevOps personal access token (84-character identifiable format)",
            keywords: ["jqqj9"],
            pattern: #"(?<![A-Za-z0-9+/])([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9+/=])"#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "AZURE_DEVOPS_EXT_PAT=\(azCask("AZDO", seed: 1610))",
                "git clone https://pat:\(azCask("AZDO", seed: 1611))@dev.azure.com/org/proj/_git/repo",
            ],
            counterExamples: [
                "AZURE_DEVOPS_EXT_PAT=\(azB62(52, seed: 1612))JQQJ99",
                "AZURE_DEVOPS_EXT_PAT=<pat>",
            ]),
        SecretRule(
            id: "azure-devops-pat-legacy",
            description: "Azure DevOps personal access token (52-character base32 format) in context",
            keywords: ["devops", "vsts", "azdo", "ado_", "dev.azure.com", "visualstudio.com"],
            pattern: #"(?|(?<![A-Za-z])(?i:azure[_\-.]?devops|devops|vsts|azdo|ado)[A-Za-z0-9_.\-]{0,25}"# + azSep + #"([a-z2-7]{52})|https://[^:@\s/]{0,64}:([a-z2-7]{52})@(?:dev\.azure\.com|[A-Za-z0-9\-]{1,60}\.visualstudio\.com))(?![A-Za-z0-9])"#,
            minEntropy: 3.5, severity: .high,
            examples: [
                "AZURE_DEVOPS_PAT=\(Synthetic.string(52, alphabet: "abcdefghijklmnopqrstuvwxyz234567", seed: 1620))",
                "git remote add origin https://build:\(Synthetic.string(52, alphabet: "abcdefghijklmnopqrstuvwxyz234567", seed: 1621))@dev.azure.com/org/proj/_git/app",
                "ADO_TOKEN: '\(Synthetic.string(52, alphabet: "abcdefghijklmnopqrstuvwxyz234567", seed: 1622))'",
            ],
            counterExamples: [
                "AZURE_DEVOPS_PAT=\(String(repeating: "a", count: 52))",
                "AZURE_DEVOPS_PAT=$(System.AccessToken)",
                "https://dev.azure.com/org/proj/_git/app",
            ]),
        SecretRule(
            id: "azure-cask-key",
            description: "Microsoft common annotated security key (84-character identifiable Azure key)",
            keywords: ["jqqj9"],
            pattern: #"(?<![A-Za-z0-9+/])([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9+/=])"#,
            minEntropy: 4.0, severity: .high,
            examples: [
                "AZURE_AI_KEY=\(azCask("ACOG", seed: 1630))",
                "eventgrid_key: \"\(azCask("AZEG", seed: 1631))\"",
            ],
            counterExamples: [
                "KEY=\(azB62(52, seed: 1632))JQQJ99\(azB62(10, seed: 1633))",
                "signature JQQJ99 marks identifiable keys",
            ]),
        SecretRule(
            id: "azure-openai-key",
            description: "Azure OpenAI / Azure AI services key assigned to an Azure-AI-named setting",
            keywords: ["azure_openai", "azure-openai", "azureopenai", "aoai", "azure_ai", "cognitive", "openai.azure.com"],
            pattern: #"(?<![A-Za-z])(?i:azure[_\-.]?openai|aoai|azure[_\-.]?ai|cognitive[_\-.]?services?)[A-Za-z0-9_.\-]{0,25}"# + azSep + #"([0-9a-f]{32}|[A-Za-z0-9]{84})(?![A-Za-z0-9])"#,
            minEntropy: 3.0, severity: .high,
            examples: [
                "AZURE_OPENAI_API_KEY=\(azHex(32, seed: 1640))",
                "azure_openai_key: \"\(azHex(32, seed: 1641))\"",
                "COGNITIVE_SERVICES_KEY='\(azB62(84, seed: 1642))'",
            ],
            counterExamples: [
                "AZURE_OPENAI_API_KEY=\(String(repeating: "0", count: 32))",
                "AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com/",
                "AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}",
            ]),
        SecretRule(
            id: "azure-sql-connection-string",
            description: "Azure SQL Database connection string with a password",
            keywords: ["database.windows.net"],
            pattern: #"(?i)(?|database\.windows\.net[^\n]{0,300}?;\s{0,3}(?:Password|Pwd)\s{0,3}=\s{0,3}([^;"'\s]{6,128})|(?:Password|Pwd)\s{0,3}=\s{0,3}([^;"'\s]{6,128});[^\n]{0,300}?database\.windows\.net)"#,
            minEntropy: 2.5, severity: .high,
            examples: [
                "SQL_CONN=Server=tcp:shop.database.windows.net,1433;Initial Catalog=shop;User ID=app;Password=\(azB62(18, seed: 1650));Encrypt=True;",
                "\"Default\": \"Password=\(azB62(16, seed: 1651));User ID=app;Server=tcp:crm.database.windows.net,1433;Database=crm\"",
            ],
            counterExamples: [
                "Server=tcp:shop.database.windows.net,1433;Initial Catalog=shop;Authentication=Active Directory Default;",
                "Server=tcp:shop.database.windows.net,1433;User ID=app;Password={your_password};",
            ]),
        SecretRule(
            id: "azure-redis-connection-string",
            description: "Azure Cache for Redis connection string with an access key",
            keywords: ["redis.cache.windows.net", "redis.azure.net"],
            pattern: #"(?i)\.(?:redis\.cache\.windows\.net|redis\.azure\.net)(?::\d{2,5})?,[^\n"']{0,200}?password=([A-Za-z0-9+/]{42,43}=)"# + azB64End,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "REDIS=sessions.redis.cache.windows.net:6380,password=\(azKey44(seed: 1660)),ssl=True,abortConnect=False",
                "\"Redis\": \"cache01.redis.cache.windows.net:6380,ssl=True,password=\(azKey44(seed: 1661))\"",
            ],
            counterExamples: [
                "REDIS=sessions.redis.cache.windows.net:6380,password=<access-key>,ssl=True",
                "REDIS=sessions.redis.cache.windows.net:6380,ssl=True",
            ]),
    ]
}
