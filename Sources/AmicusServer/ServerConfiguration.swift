import Foundation

/// How the server listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// Localhost unless told otherwise: the server is meant for the lawyer's own machine.
    public var host: String
    public var port: Int
    /// The largest request body accepted (an uploaded case file with the form's other fields); more is refused
    /// with 413 before it is read.
    public var maxRequestBytes: Int

    public static let defaultMaxRequestBytes = 2 * 1_048_576

    public init(host: String = "127.0.0.1", port: Int = 8080, maxRequestBytes: Int = defaultMaxRequestBytes) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
    }

    /// `2 MB`, `512 KB`, `300 bytes`: a limit as a person reads it.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1_048_576 && bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }
}

extension ServerConfiguration {
    /// Reads a size as people write it: `2MB`, `512KB`, `2 M`, `300` (bytes). Nil for anything else or for 0.
    public static func parseSize(_ text: String) -> Int? {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        let units: [(String, Int)] = [("MB", 1_048_576), ("M", 1_048_576), ("KB", 1024), ("K", 1024), ("B", 1), ("", 1)]
        for (suffix, factor) in units where compact.hasSuffix(suffix) {
            guard let number = Int(compact.dropLast(suffix.count)), number > 0, number <= Int.max / factor else { return nil }
            return number * factor
        }
        return nil
    }
}
