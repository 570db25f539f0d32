/// AI / LLM platform API keys.
private func aiStr(_ n: Int, _ alphabet: String = Synthetic.base62, seed: UInt64) -> String {
    Synthetic.string(n, alphabet: alphabet, seed: seed)
}
private func aiHex(_ n: Int, seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }
private func aiUUID(seed: UInt64) -> String {
    "\(aiHex(8, seed: seed))-\(aiHex(4, seed: seed &+ 1))-4\(aiHex(3, seed: seed &+ 2))-a\(aiHex(3, seed: seed &+ 3))-\(aiHex(12, seed: seed &+ 4))"
}

/// The shared placeholder filter, applied to an OpenAI key without its `sk-` / `sk-None-` marker.
private func aiNotPlaceholderAfterNone(_ key: String) -> Bool {
    var rest = Substring(key)
    for marker in ["sk-None-", "sk-"] where rest.hasPrefix(marker) {
        rest = rest.dropFirst(marker.count)
        break
    }
    return !Placeholders.isPlaceholder(String(rest))
}

private let aiStart = #"(?<![A-Za-z0-9_\-])"#
private let aiEnd = #"(?![A-Za-z0-9_\-])"#
private let aiUUIDPattern = #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#

/// A key without a distinctive prefix, assigned to a provider-named setting or passed to a client
/// constructor: `COHERE_API_KEY=…`, `"mistralKey": "…"`, `cohere.Client("…")`, `X(key="…")`.
private func aiContext(_ names: String, _ value: String) -> String {
    #"(?<![A-Za-z0-9])(?i:"# + names + #")[A-Za-z0-9_.\-]{0,25}(?:["']?\s{0,5}(?:=>|:=|[:=])|\(\s{0,3}(?:[A-Za-z_]{1,16}\s{0,3}=\s{0,3})?)\s{0,5}["']?("#
        + value + #")(?![A-Za-z0-9_\-])"#
}

extension RuleFamilies {
    static let aiProviders: [SecretRule] = [
        SecretRule(
            id: "openai-project-key",
            description: "OpenAI project API key (sk-proj-)",
            keywords: ["sk-proj-"],
            pattern: aiStart + #"(sk-proj-[A-Za-z0-9_\-]{40,250})"# + aiEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "OPENAI_API_KEY=sk-proj-\(aiStr(74, Synthetic.base64url, seed: 1700))T3BlbkFJ\(aiStr(74, Synthetic.base64url, seed: 1701))",
                "client = OpenAI(api_key=\"sk-proj-\(aiStr(48, seed: 1702))\")",
            ],
            counterExamples: [
                "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "OPENAI_API_KEY=sk-proj-...",
                "OPENAI_API_KEY=sk-proj-\(aiStr(20, seed: 1703))",
            ]),
        SecretRule(
            id: "openai-service-account-key",
            description: "OpenAI service-account API key (sk-svcacct-)",
            keywords: ["sk-svcacct-"],
            pattern: aiStart + #"(sk-svcacct-[A-Za-z0-9_\-]{40,250})"# + aiEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "OPENAI_API_KEY=sk-svcacct-\(aiStr(74, Synthetic.base64url, seed: 1705))T3BlbkFJ\(aiStr(74, Synthetic.base64url, seed: 1706))",
                "openai_key: 'sk-svcacct-\(aiStr(64, seed: 1707))'",
            ],
            counterExamples: [
                "OPENAI_API_KEY=sk-svcacct-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "OPENAI_API_KEY=sk-svcacct-\(aiStr(16, seed: 1708))",
            ]),
        SecretRule(
            id: "openai-admin-key",
            description: "OpenAI organization admin key (sk-admin-)",
            keywords: ["sk-admin-"],
            pattern: aiStart + #"(sk-admin-[A-Za-z0-9_\-]{40,250})"# + aiEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "OPENAI_ADMIN_KEY=sk-admin-\(aiStr(74, Synthetic.base64url, seed: 1710))T3BlbkFJ\(aiStr(74, Synthetic.base64url, seed: 1711))",
                "curl https://api.openai.com/v1/organization/users -H \"Authorization: Bearer sk-admin-\(aiStr(60, seed: 1712))\"",
            ],
            counterExamples: [
                "OPENAI_ADMIN_KEY=sk-admin-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "OPENAI_ADMIN_KEY=sk-admin-\(aiStr(12, seed: 1713))",
            ]),
        SecretRule(
            id: "openai-api-key",
            description: "OpenAI API key (user / legacy format with the T3BlbkFJ marker)",
            keywords: ["t3blbkfj"],
            pattern: aiStart + #"(sk-(?!proj-|svcacct-|admin-|ant-|or-)(?:None-)?[A-Za-z0-9_\-]{20,200}T3BlbkFJ[A-Za-z0-9_\-]{20,200})"# + aiEnd,
            // Legacy user keys may read `sk-None-…`, and "none" is a shared placeholder fragment:
            // apply the placeholder filter to the part after that marker instead.
            minEntropy: 4.0, severity: .critical, validator: .custom(aiNotPlaceholderAfterNone),
            skipPlaceholderFilter: true,
            examples: [
                "OPENAI_API_KEY=sk-\(aiStr(20, seed: 1715))T3BlbkFJ\(aiStr(20, seed: 1716))",
                "openai.api_key = \"sk-None-\(aiStr(40, seed: 1717))T3BlbkFJ\(aiStr(40, seed: 1718))\"",
            ],
            counterExamples: [
                "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx",
                "T3BlbkFJ is base64 for \"OpenAI\"",
                "OPENAI_API_KEY=sk-\(aiStr(8, seed: 1719))T3BlbkFJ\(aiStr(8, seed: 1720))",
            ]),
        SecretRule(
            id: "anthropic-api-key",
            description: "Anthropic API key (sk-ant-api03-)",
            keywords: ["sk-ant-api"],
            pattern: aiStart + #"(sk-ant-api0[0-9]-[A-Za-z0-9_\-]{80,120})"# + aiEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "ANTHROPIC_API_KEY=sk-ant-api03-\(aiStr(93, Synthetic.base64url, seed: 1725))AA",
                "client = anthropic.Anthropic(api_key=\"sk-ant-api03-\(aiStr(93, Synthetic.base64url, seed: 1726))AA\")",
            ],
            counterExamples: [
                "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "ANTHROPIC_API_KEY=sk-ant-api03-...",
                "ANTHROPIC_API_KEY=sk-ant-api03-\(aiStr(30, seed: 1727))",
            ]),
        SecretRule(
            id: "anthropic-admin-key",
            description: "Anthropic Admin API key (sk-ant-admin01-)",
            keywords: ["sk-ant-admin"],
            pattern: aiStart + #"(sk-ant-admin0[0-9]-[A-Za-z0-9_\-]{80,120})"# + aiEnd,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-\(aiStr(93, Synthetic.base64url, seed: 1730))AA",
                "x-api-key: sk-ant-admin01-\(aiStr(93, Synthetic.base64url, seed: 1731))AA",
            ],
            counterExamples: [
                "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...",
                "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-\(aiStr(20, seed: 1732))",
            ]),
        SecretRule(
            id: "anthropic-oauth-token",
            description: "Anthropic OAuth access or refresh token (sk-ant-oat01- / sk-ant-ort01-)",
            keywords: ["sk-ant-oat", "sk-ant-ort"],
            pattern: aiStart + #"(sk-ant-o[ar]t0[0-9]-[A-Za-z0-9_\-]{80,120})"# + aiEnd,
            minEntropy: 4.0, severity: .high,
            examples: [
                "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-\(aiStr(93, Synthetic.base64url, seed: 1735))AA",
                "\"refreshToken\": \"sk-ant-ort01-\(aiStr(93, Synthetic.base64url, seed: 1736))AA\"",
            ],
            counterExamples: [
                "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-...",
                "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-\(aiStr(25, seed: 1737))",
            ]),
        SecretRule(
            id: "huggingface-token",
            description: "Hugging Face user access token (hf_)",
            keywords: ["hf_"],
            pattern: aiStart + #"(hf_[A-Za-z0-9]{34})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "HF_TOKEN=hf_\(aiStr(34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed: 1740))",
                "login(token=\"hf_\(aiStr(34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed: 1741))\")",
            ],
            counterExamples: [
                "path = hf_hub_download(repo_id=\"org/model\", filename=\"config.json\")",
                "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "HF_TOKEN=hf_\(aiStr(20, seed: 1742))",
            ]),
        SecretRule(
            id: "huggingface-org-token",
            description: "Hugging Face organization API token (api_org_)",
            keywords: ["api_org_"],
            pattern: aiStart + #"(api_org_[A-Za-z0-9]{34})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "HF_ORG_TOKEN=api_org_\(aiStr(34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed: 1745))",
                "token: 'api_org_\(aiStr(34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", seed: 1746))'",
            ],
            counterExamples: [
                "HF_ORG_TOKEN=api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "api_org_settings = load()",
            ]),
        SecretRule(
            id: "cohere-api-key",
            description: "Cohere API key",
            keywords: ["cohere", "co_api_key"],
            pattern: aiContext(#"cohere|co_api_key"#, #"[A-Za-z0-9]{40}"#),
            minEntropy: 3.5, severity: .high,
            examples: [
                "COHERE_API_KEY=\(aiStr(40, seed: 1750))",
                "co = cohere.ClientV2(api_key=\"\(aiStr(40, seed: 1751))\")",
                "CO_API_KEY: '\(aiStr(40, seed: 1752))'",
            ],
            counterExamples: [
                "COHERE_API_KEY=\(String(repeating: "x", count: 40))",
                "co = cohere.ClientV2(api_key=os.environ[\"CO_API_KEY\"])",
                "COHERE_MODEL=command-r-plus-08-2024-and-more-text",
            ]),
        SecretRule(
            id: "replicate-api-token",
            description: "Replicate API token (r8_)",
            keywords: ["r8_"],
            pattern: aiStart + #"(r8_[A-Za-z0-9]{37})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "REPLICATE_API_TOKEN=r8_\(aiStr(37, seed: 1755))",
                "export REPLICATE_API_TOKEN=\"r8_\(aiStr(37, seed: 1756))\"",
            ],
            counterExamples: [
                "REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "REPLICATE_API_TOKEN=r8_\(aiStr(12, seed: 1757))",
            ]),
        SecretRule(
            id: "groq-api-key",
            description: "Groq API key (gsk_)",
            keywords: ["gsk_"],
            pattern: aiStart + #"(gsk_[A-Za-z0-9]{52})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "GROQ_API_KEY=gsk_\(aiStr(52, seed: 1760))",
                "client = Groq(api_key='gsk_\(aiStr(52, seed: 1761))')",
            ],
            counterExamples: [
                "GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "GROQ_API_KEY=gsk_\(aiStr(20, seed: 1762))",
            ]),
        SecretRule(
            id: "mistral-api-key",
            description: "Mistral AI API key",
            keywords: ["mistral"],
            pattern: aiContext(#"mistral"#, #"[A-Za-z0-9]{32}"#),
            minEntropy: 3.5, severity: .high,
            examples: [
                "MISTRAL_API_KEY=\(aiStr(32, seed: 1765))",
                "client = Mistral(api_key=\"\(aiStr(32, seed: 1766))\")",
            ],
            counterExamples: [
                "MISTRAL_API_KEY=\(String(repeating: "x", count: 32))",
                "MISTRAL_MODEL=mistral-large-latest",
                "client = Mistral(api_key=os.environ[\"MISTRAL_API_KEY\"])",
            ]),
        SecretRule(
            id: "perplexity-api-key",
            description: "Perplexity API key (pplx-)",
            keywords: ["pplx-"],
            pattern: aiStart + #"(pplx-[A-Za-z0-9]{48})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "PERPLEXITY_API_KEY=pplx-\(aiStr(48, seed: 1770))",
                "headers = {\"Authorization\": \"Bearer pplx-\(aiStr(48, seed: 1771))\"}",
            ],
            counterExamples: [
                "PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "model = \"pplx-70b-online\"",
            ]),
        SecretRule(
            id: "xai-api-key",
            description: "xAI (Grok) API key (xai-)",
            keywords: ["xai-"],
            pattern: aiStart + #"(xai-[A-Za-z0-9]{80})"# + aiEnd,
            minEntropy: 4.0, severity: .high,
            examples: [
                "XAI_API_KEY=xai-\(aiStr(80, seed: 1775))",
                "client = Client(api_key=\"xai-\(aiStr(80, seed: 1776))\")",
            ],
            counterExamples: [
                "XAI_API_KEY=xai-...",
                "XAI_API_KEY=xai-\(aiStr(30, seed: 1777))",
            ]),
        SecretRule(
            id: "deepseek-api-key",
            description: "DeepSeek API key",
            keywords: ["deepseek"],
            pattern: aiContext(#"deepseek"#, #"sk-[0-9a-f]{32}"#),
            minEntropy: 3.0, severity: .high,
            examples: [
                "DEEPSEEK_API_KEY=sk-\(aiHex(32, seed: 1780))",
                "deepseek_key: \"sk-\(aiHex(32, seed: 1781))\"",
            ],
            counterExamples: [
                "DEEPSEEK_API_KEY=sk-\(String(repeating: "0", count: 32))",
                "DEEPSEEK_BASE_URL=https://api.deepseek.com",
            ]),
        SecretRule(
            id: "elevenlabs-api-key",
            description: "ElevenLabs API key",
            keywords: ["elevenlabs", "eleven_labs", "eleven-labs", "xi-api-key", "xi_api_key"],
            pattern: aiContext(#"elevenlabs|eleven[_\-]labs|xi[_\-]api[_\-]key"#, #"sk_[0-9a-f]{48}|[0-9a-f]{32}"#),
            minEntropy: 3.0, severity: .high,
            examples: [
                "ELEVENLABS_API_KEY=sk_\(aiHex(48, seed: 1785))",
                "curl -H \"xi-api-key: \(aiHex(32, seed: 1786))\" https://api.elevenlabs.io/v1/voices",
                "client = ElevenLabs(api_key=\"sk_\(aiHex(48, seed: 1787))\")",
            ],
            counterExamples: [
                "ELEVENLABS_API_KEY=sk_\(String(repeating: "0", count: 48))",
                "ELEVENLABS_VOICE_ID=21m00Tcm4TlvDq8ikWAM",
            ]),
        SecretRule(
            id: "pinecone-api-key",
            description: "Pinecone API key (pcsk_ / pckey_)",
            keywords: ["pcsk_", "pckey_"],
            pattern: aiStart + #"(pc(?:sk|key)_[A-Za-z0-9]{4,12}_[A-Za-z0-9]{30,90})"# + aiEnd,
            minEntropy: 3.5, severity: .high,
            examples: [
                "PINECONE_API_KEY=pcsk_\(aiStr(6, seed: 1790))_\(aiStr(63, seed: 1791))",
                "pc = Pinecone(api_key=\"pcsk_\(aiStr(5, seed: 1792))_\(aiStr(60, seed: 1793))\")",
            ],
            counterExamples: [
                "PINECONE_API_KEY=pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "PINECONE_API_KEY=pcsk_...",
            ]),
        SecretRule(
            id: "pinecone-legacy-api-key",
            description: "Pinecone legacy API key (UUID) in a Pinecone context",
            keywords: ["pinecone"],
            pattern: aiContext(#"pinecone"#, aiUUIDPattern),
            minEntropy: 3.0, severity: .high,
            examples: [
                "PINECONE_API_KEY=\(aiUUID(seed: 1795))",
                "pinecone.init(api_key=\"\(aiUUID(seed: 1796))\", environment=\"us-west1-gcp\")",
            ],
            counterExamples: [
                "PINECONE_API_KEY=00000000-0000-0000-0000-000000000000",
                "PINECONE_ENVIRONMENT=us-west1-gcp",
            ]),
        SecretRule(
            id: "openrouter-api-key",
            description: "OpenRouter API key (sk-or-v1-)",
            keywords: ["sk-or-v1-"],
            pattern: aiStart + #"(sk-or-v1-[0-9a-f]{64})"# + aiEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "OPENROUTER_API_KEY=sk-or-v1-\(aiHex(64, seed: 1800))",
                "\"Authorization\": \"Bearer sk-or-v1-\(aiHex(64, seed: 1801))\"",
            ],
            counterExamples: [
                "OPENROUTER_API_KEY=sk-or-v1-\(String(repeating: "0", count: 64))",
                "OPENROUTER_API_KEY=sk-or-v1-...",
            ]),
        SecretRule(
            id: "langsmith-api-key",
            description: "LangSmith / LangChain API key (lsv2_pt_ / lsv2_sk_)",
            keywords: ["lsv2_"],
            pattern: aiStart + #"(lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})"# + aiEnd,
            minEntropy: 3.0, severity: .high,
            examples: [
                "LANGSMITH_API_KEY=lsv2_pt_\(aiHex(32, seed: 1805))_\(aiHex(10, seed: 1806))",
                "LANGCHAIN_API_KEY=\"lsv2_sk_\(aiHex(32, seed: 1807))_\(aiHex(10, seed: 1808))\"",
            ],
            counterExamples: [
                "LANGSMITH_API_KEY=lsv2_pt_...",
                "LANGSMITH_API_KEY=lsv2_pt_\(String(repeating: "0", count: 32))_\(String(repeating: "0", count: 10))",
            ]),
        SecretRule(
            id: "tavily-api-key",
            description: "Tavily search API key (tvly-)",
            keywords: ["tvly-"],
            pattern: aiStart + #"(tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})"# + aiEnd,
            minEntropy: 3.5, severity: .medium,
            examples: [
                "TAVILY_API_KEY=tvly-\(aiStr(32, seed: 1810))",
                "client = TavilyClient(api_key=\"tvly-dev-\(aiStr(32, seed: 1811))\")",
            ],
            counterExamples: [
                "TAVILY_API_KEY=tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "TAVILY_API_KEY=tvly-YOUR_API_KEY",
            ]),
        SecretRule(
            id: "deepgram-api-key",
            description: "Deepgram API key",
            keywords: ["deepgram"],
            pattern: aiContext(#"deepgram"#, #"[0-9a-f]{40}"#),
            minEntropy: 3.0, severity: .high,
            examples: [
                "DEEPGRAM_API_KEY=\(aiHex(40, seed: 1815))",
                "deepgram = DeepgramClient(\"\(aiHex(40, seed: 1816))\")",
            ],
            counterExamples: [
                "DEEPGRAM_API_KEY=\(String(repeating: "0", count: 40))",
                "deepgram = DeepgramClient(os.getenv(\"DEEPGRAM_API_KEY\"))",
            ]),
        SecretRule(
            id: "assemblyai-api-key",
            description: "AssemblyAI API key",
            keywords: ["assemblyai", "assembly_ai"],
            pattern: aiContext(#"assembly_?ai"#, #"[0-9a-f]{32}"#),
            minEntropy: 3.0, severity: .high,
            examples: [
                "ASSEMBLYAI_API_KEY=\(aiHex(32, seed: 1820))",
                "assemblyai.settings.api_key = \"\(aiHex(32, seed: 1821))\"",
            ],
            counterExamples: [
                "ASSEMBLYAI_API_KEY=\(String(repeating: "0", count: 32))",
                "ASSEMBLYAI_API_KEY=<key>",
            ]),
        SecretRule(
            id: "wandb-api-key",
            description: "Weights & Biases API key",
            keywords: ["wandb"],
            pattern: aiContext(#"wandb"#, #"[0-9a-f]{40}"#),
            minEntropy: 3.0, severity: .high,
            examples: [
                "WANDB_API_KEY=\(aiHex(40, seed: 1825))",
                "wandb.login(key=\"\(aiHex(40, seed: 1826))\")",
            ],
            counterExamples: [
                "WANDB_API_KEY=\(String(repeating: "0", count: 40))",
                "WANDB_PROJECT=my-experiments",
            ]),
    ]
}
