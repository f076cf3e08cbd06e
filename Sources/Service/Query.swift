import Hummingbird

/// A request's query parameters, read as typed values with a 400 naming the parameter when one is invalid.
struct Query {
    private let request: Request

    /// The query of `request`.
    init(_ request: Request) {
        self.request = request
    }

    /// The parameter's text, nil when absent or empty.
    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The parameter's text.
    /// - Throws: ``ServiceError/badRequest(_:)`` when it is missing.
    func required(_ name: String) throws -> String {
        guard let value = string(name) else { throw ServiceError.badRequest("missing query parameter '\(name)'") }
        return value
    }

    /// A number in `range`, or `fallback` when absent.
    func double(_ name: String, default fallback: Double, in range: ClosedRange<Double>) throws -> Double {
        guard let text = string(name) else { return fallback }
        guard let value = Double(text), range.contains(value) else {
            throw ServiceError.badRequest("query parameter '\(name)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// An integer in `range`, or `fallback` when absent.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ServiceError.badRequest("query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`), or `fallback` when absent.
    func bool(_ name: String, default fallback: Bool) throws -> Bool {
        switch string(name)?.lowercased() {
        case nil: return fallback
        case "true", "1": return true
        case "false", "0": return false
        default: throw ServiceError.badRequest("query parameter '\(name)' must be true or false")
        }
    }

    /// `WIDTHxHEIGHT` with even numbers from 16 up to `largest`, or `fallback` when absent.
    func size(_ name: String, default fallback: (Int, Int), largest: (Int, Int) = (3840, 3840)) throws -> (width: Int, height: Int) {
        guard let text = string(name) else { return fallback }
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts.allSatisfy({ $0 >= 16 && $0 % 2 == 0 }), parts[0] <= largest.0, parts[1] <= largest.1 else {
            throw ServiceError.badRequest("\(name) '\(text)' is not WIDTHxHEIGHT with even numbers from 16 to \(largest.0)x\(largest.1)")
        }
        return (parts[0], parts[1])
    }
}
