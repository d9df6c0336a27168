import Hummingbird

/// Headers on every response, error pages and downloads included: a Content-Security-Policy that allows
/// scripts, styles and images from this server only (no inline code, no plug-ins, no framing, forms posted only
/// here), and no sniffing of content types or leaking of addresses.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// Refuses a request whose declared body is over the limit before reading any of it. Bodies without a declared
/// length are bounded where they are read (`collectBody(upTo:)`).
struct RequestSizeMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxRequestBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxRequestBytes {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
