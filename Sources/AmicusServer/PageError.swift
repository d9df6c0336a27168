import Hummingbird

/// An error that becomes a page: a status and a message the person can act on, in their language.
/// Anything else that goes wrong becomes a plain "could not complete" page, never a trace.
struct PageError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: Localized
    /// Said after the message as it is (a limit, a name); escaped like everything else.
    var detail: String?

    init(_ status: HTTPResponse.Status, _ message: Localized, detail: String? = nil) {
        self.status = status
        self.message = message
        self.detail = detail
    }
}
