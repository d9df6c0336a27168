import AmicusServer
import ArgumentParser
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web app: the precedent browser and the render form.",
        discussion: """
            Open the address it prints in a browser: /precedents to search the case law, /render to fill a \
            template from a case file. It listens on 127.0.0.1 (this machine only) unless --host says otherwise. \
            Uploaded case data is kept in memory for the request only, never written to disk. The corpus comes \
            from --corpus, AMICUS_PRECEDENTS, ./Precedents or beside the binary; the templates from --templates, \
            ./Templates or beside the binary. Ctrl-C stops it.
            """
    )

    @Option(help: "The address to listen on; 0.0.0.0 lets other machines connect.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(name: .customLong("max-request-size"), help: "The largest request accepted, e.g. 2MB or 512KB.")
    var maxRequestSize = "2MB"
    @Option(help: "The precedent corpus folder.") var corpus: String?
    @Option(help: "The templates folder (one folder per template).") var templates: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard ServerConfiguration.parseSize(maxRequestSize) != nil else {
            throw ValidationError("--max-request-size: expected a size like 2MB, 512KB or 100000, got '\(maxRequestSize)'")
        }
    }

    func run() throws {
        let resources: ServerResources
        do {
            resources = try ServerResources.discover(corpus: corpus, templates: templates)
        } catch {
            printError("amicus serve: \(error.description)")
            throw ExitCode(1)
        }
        let limit = ServerConfiguration.parseSize(maxRequestSize) ?? ServerConfiguration.defaultMaxRequestBytes
        let configuration = ServerConfiguration(host: host, port: port, maxRequestBytes: limit)
        let precedents = (try? resources.index?.count()) ?? 0
        let templateCount = resources.templates.entries.count
        do {
            try AmicusServer.serve(configuration: configuration, resources: resources) { address in
                let line = "amicus serve: \(address) (\(precedents) precedents, \(templateCount) templates); Ctrl-C stops\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            printError("amicus serve: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}
