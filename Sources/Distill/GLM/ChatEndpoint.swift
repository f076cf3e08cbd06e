import Foundation

/// Where an OpenAI-compatible chat-completions API lives (Zhipu BigModel, vLLM, Ollama, llama.cpp server).
///
/// Nothing is sent anywhere unless an endpoint is built: from options or from `SIGNANCHOR_GLM_URL`.
public struct ChatEndpoint: Sendable, Equatable {
    /// The API base, e.g. `https://open.bigmodel.cn/api/paas/v4` or `http://127.0.0.1:8000/v1`.
    public var baseURL: String
    /// The path under the base, normally `/chat/completions`.
    public var path: String
    /// The model name sent in the request.
    public var model: String
    /// The bearer token, if the server needs one.
    public var apiKey: String?
    /// How long one request may take, s.
    public var timeout: Double
    /// Further attempts after a failed or rejected answer before falling back to the rules.
    public var retries: Int

    /// Creates an endpoint.
    public init(baseURL: String, path: String = "/chat/completions", model: String, apiKey: String? = nil,
                timeout: Double = 20, retries: Int = 1) {
        self.baseURL = baseURL
        self.path = path
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.retries = retries
    }

    /// Zhipu BigModel API v4 with glm-4-flash; needs an API key.
    public static func zhipu(apiKey: String?) -> ChatEndpoint {
        ChatEndpoint(baseURL: "https://open.bigmodel.cn/api/paas/v4", model: "glm-4-flash", apiKey: apiKey)
    }

    /// The full request URL.
    public var url: String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + path
    }

    /// The endpoint the user configured: options first, then `SIGNANCHOR_GLM_URL`, `SIGNANCHOR_GLM_MODEL`,
    /// `SIGNANCHOR_GLM_KEY`. A URL of `zhipu` selects the Zhipu preset. Nil when no URL is configured.
    public static func configured(url: String?, model: String?, apiKey: String?,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> ChatEndpoint? {
        func pick(_ option: String?, _ name: String) -> String? {
            [option, environment[name]].compactMap { $0 }.first { !$0.isEmpty }
        }
        guard let base = pick(url, "SIGNANCHOR_GLM_URL") else { return nil }
        let key = pick(apiKey, "SIGNANCHOR_GLM_KEY")
        var endpoint = base.lowercased() == "zhipu" ? zhipu(apiKey: key) : ChatEndpoint(baseURL: base, model: "glm-4-flash", apiKey: key)
        if let model = pick(model, "SIGNANCHOR_GLM_MODEL") { endpoint.model = model }
        return endpoint
    }
}
