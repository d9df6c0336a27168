import AmicusKit

enum PrecedentOptions {
    /// The corpus templates cite from: `--corpus`, then AMICUS_PRECEDENTS, then ./Precedents, then beside the binary.
    static func source(explicit: String? = nil) -> PrecedentSource {
        PrecedentSource.find(explicit: explicit)
    }
}
