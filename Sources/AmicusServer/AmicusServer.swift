import Foundation
import Hummingbird
import NIOCore

/// The web app: a precedent browser for trainees and a render form for lawyers. `buildRouter` is what tests
/// drive in-process; `buildApplication` adds the listening address; `serve` runs it until interrupted.
public enum AmicusServer {
    /// Every route, behind the middleware that every response passes through (security headers outermost, then
    /// error pages, then the request-size check).
    public static func buildRouter(resources: ServerResources, maxRequestBytes: Int = ServerConfiguration.defaultMaxRequestBytes) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware(maxRequestBytes: maxRequestBytes))
        router.add(middleware: RequestSizeMiddleware(maxRequestBytes: maxRequestBytes))
        let render = RenderRoute(resources: resources, maxRequestBytes: maxRequestBytes)

        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/precedents"]) }
        router.get("/precedents") { request, _ in SearchPage.respond(PageRequest(request), index: resources.index) }
        router.get("/precedents/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try PrecedentPage.respond(PageRequest(request), id: id, index: resources.index)
        }
        router.get("/render") { request, _ in render.form(PageRequest(request)) }
        router.post("/render") { request, _ in try await render.submit(request) }
        router.get("/assets/:name") { _, context in try Assets.response(context.parameters.get("name") ?? "") }
        return router
    }

    /// The application listening on `configuration.host:port` (127.0.0.1:8080 by default).
    public static func buildApplication(configuration: ServerConfiguration, resources: ServerResources,
                                        onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return Application(
            router: buildRouter(resources: resources, maxRequestBytes: configuration.maxRequestBytes),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Amicus"),
            // The port actually bound, so that `--port 0` (any free port) says which one it got.
            onServerRunning: { channel in onRunning("http://\(host):\(channel.localAddress?.port ?? configuration.port)/") }
        )
    }

    /// Runs the server until SIGINT or SIGTERM, from synchronous code (the command line). Throws when the
    /// address cannot be bound.
    public static func serve(configuration: ServerConfiguration, resources: ServerResources,
                             onRunning: @escaping @Sendable (String) -> Void = { _ in }) throws {
        let app = buildApplication(configuration: configuration, resources: resources, onRunning: onRunning)
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { outcome.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }

    /// The error a background run ended with, handed back to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Error?
        var error: Error? { lock.withLock { stored } }
        func set(_ error: Error) { lock.withLock { stored = error } }
    }
}
