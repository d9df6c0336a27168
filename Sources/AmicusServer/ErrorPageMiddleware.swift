import Hummingbird
import NIOCore

/// Turns every error into a short page in the reader's language: what went wrong and where to go next. No
/// error text from inside the server reaches the page (it could hold a path or a trace); only `PageError`'s own
/// messages and the standard wording of an HTTP status do.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxRequestBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return Self.page(error, request: PageRequest(request))
        } catch let error as HTTPResponseError {
            return Self.page(pageError(for: error.status), request: PageRequest(request))
        } catch {
            context.logger.error("request failed: \(String(reflecting: type(of: error)))")
            return Self.page(PageError(.internalServerError, Strings.internalError), request: PageRequest(request))
        }
    }

    private func pageError(for status: HTTPResponse.Status) -> PageError {
        switch status {
        case .notFound: return PageError(.notFound, Strings.notFound)
        case .contentTooLarge: return PageError(.contentTooLarge, Strings.tooLarge, detail: ServerConfiguration.describe(bytes: maxRequestBytes))
        case .methodNotAllowed: return PageError(.methodNotAllowed, Strings.methodNotAllowed)
        case _ where status.code >= 400 && status.code < 500: return PageError(status, Strings.badRequest)
        default: return PageError(.internalServerError, Strings.internalError)
        }
    }

    static func page(_ error: PageError, request: PageRequest) -> Response {
        let t = request.text
        let body: HTML = """
            <section class="error-page" id="error">
            <h1>\(t(Strings.errorTitle)) <span class="status">\(Int(error.status.code))</span></h1>
            <p class="problem" role="alert">\(t(error.message))\(error.detail.map { " \($0)." })</p>
            <p><a href="/precedents">\(t(Strings.goToSearch))</a> · <a href="/render">\(t(Strings.goToRender))</a></p>
            </section>
            """
        return request.page(error.status, title: t(Strings.errorTitle), body: body)
    }
}
