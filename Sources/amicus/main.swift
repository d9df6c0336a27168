import AmicusOffice
import ArgumentParser
import Foundation

ProcessSetup.prepareForRendering()

// Exit codes: 0 done, 1 a problem with the input, 2 a usage error (ArgumentParser's own would be 64).
do {
    var command = try AmicusCommand.parseAsRoot()
    try command.run()
} catch {
    let code = AmicusCommand.exitCode(for: error)
    if code == .success {
        print(AmicusCommand.fullMessage(for: error))
        exit(0)
    }
    if let exitCode = error as? ExitCode {
        exit(exitCode.rawValue)
    }
    printError(AmicusCommand.fullMessage(for: error))
    exit(code == .validationFailure ? 2 : code.rawValue)
}
