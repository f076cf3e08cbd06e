/// The program's version, as `signanchor --version`, `GET /health` and the HTTP `Server` header give it.
public enum SignAnchorVersion {
    /// Semantic version of the package.
    public static let current = "0.1.0"
}
