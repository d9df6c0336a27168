import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `amicus serve` as a person starts it: help, bad options, and a real server on a free port of localhost.
@Suite struct ServeCommandTests {
    @Test func helpDescribesTheOptions() throws {
        let result = try runAmicus(["serve", "--help"])
        #expect(result.status == 0)
        for option in ["--host <host>", "--port <port>", "--max-request-size <max-request-size>", "--corpus <corpus>", "--templates <templates>",
                       "(default: 127.0.0.1)", "(default: 8080)", "(default: 2MB)"] {
            #expect(result.standardOutput.contains(option), "\(option) missing:\n\(result.standardOutput)")
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        let port = try runAmicus(["serve", "--port", "70000"])
        #expect(port.status == 2)
        #expect(port.standardError.contains("--port must be between 0 and 65535"))
        let size = try runAmicus(["serve", "--max-request-size", "lots"])
        #expect(size.status == 2)
        #expect(size.standardError.contains("expected a size like 2MB"))
    }

    @Test func itServesTheSearchPageOnLocalhostAndStopsOnInterrupt() async throws {
        let process = Process()
        process.executableURL = amicusExecutable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first line names the address actually bound.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let address = try #require(text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }, "\(text)")
        #expect(!address.hasSuffix(":0/"))
        #expect(text.contains("precedents"))

        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: address + "precedents?article=CRC-9")))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(String(decoding: body, as: UTF8.self).contains("eb-v-belgium-2022"))

        process.interrupt()
        process.waitUntilExit()
        #expect(!process.isRunning)
    }
}
