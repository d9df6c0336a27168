import AmicusOffice
import Foundation

/// A `multipart/form-data` body, parsed in memory: the render form's upload never touches the disk. Hummingbird
/// ships no multipart parser, so this one reads exactly what browsers send (RFC 7578) and refuses anything else
/// with a clear error rather than guessing.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        /// Present for a file field (empty when no file was chosen).
        var fileName: String?
        var bytes: [UInt8]
    }

    enum Failure: Error, Equatable { case noBoundary, malformed, tooManyParts }

    static let maximumParts = 64

    private(set) var parts: [Part] = []

    /// - Parameter contentType: the request's `Content-Type`, which carries the boundary.
    init(body: [UInt8], contentType: String) throws(Failure) {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw .noBoundary
        }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var position = ByteSearch.firstIndex(of: delimiter, in: body, from: 0) else { throw .malformed }
        position += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if Self.matches(Array("--".utf8), in: body, at: position) { return }
            guard Self.matches([13, 10], in: body, at: position) else { throw .malformed }
            position += 2
            guard let headerEnd = ByteSearch.firstIndex(of: [13, 10, 13, 10], in: body, from: position) else { throw .malformed }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = ByteSearch.firstIndex(of: separator, in: body, from: contentStart) else { throw .malformed }
            guard parts.count < Self.maximumParts else { throw .tooManyParts }
            parts.append(try Self.part(headers: headers, bytes: Array(body[contentStart..<contentEnd])))
            position = contentEnd + separator.count
        }
    }

    /// The first part named `name`.
    subscript(name: String) -> Part? { parts.first { $0.name == name } }

    /// A text field's value, decoded as UTF-8; nil when missing.
    func text(_ name: String) -> String? { self[name].map { String(decoding: $0.bytes, as: UTF8.self) } }

    private static func part(headers: String, bytes: [UInt8]) throws(Failure) -> Part {
        for line in headers.split(separator: "\r\n") {
            let halves = line.split(separator: ":", maxSplits: 1)
            guard halves.count == 2, halves[0].lowercased() == "content-disposition" else { continue }
            let value = String(halves[1])
            guard let name = parameter("name", in: value) else { throw .malformed }
            return Part(name: name, fileName: parameter("filename", in: value), bytes: bytes)
        }
        throw .malformed
    }

    /// A `key=value` or `key="quoted value"` parameter of a header value (`form-data; name="case_file"`).
    static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = rest[rest.index(after: equals)...]
            var parsed = ""
            if value.first == "\"" {
                value = value.dropFirst()
                var escaped = false
                var end = value.endIndex
                for index in value.indices {
                    let character = value[index]
                    if escaped { parsed.append(character); escaped = false; continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { end = index; break }
                    parsed.append(character)
                }
                rest = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                parsed = value[..<end].trimmingCharacters(in: .whitespaces)
                rest = value[end...]
            }
            if name == key { return parsed }
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], in haystack: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= haystack.count else { return false }
        for offset in 0..<needle.count where haystack[index + offset] != needle[offset] { return false }
        return true
    }
}
