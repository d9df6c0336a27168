import AmicusCase
import Foundation

/// The facts about forums that change with time (who is party to what since when, which days are holidays) are
/// data, in YAML files shipped beside the program (Sources/AmicusKit/Resources), not code: a lawyer can read them
/// with their sources, and a new ratification or calendar is a data change.
enum ForumData {
    /// Where the data files are: `AMICUS_DATA` if set, else the resource folder SwiftPM builds beside the program.
    static func url(of name: String) -> URL? {
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment["AMICUS_DATA"], !override.isEmpty {
            folders.append(URL(fileURLWithPath: override))
        }
        let bundle = "Amicus_AmicusKit.resources"
        var programFolders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { programFolders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            programFolders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in programFolders {
            folders.append(folder.appendingPathComponent(bundle).appendingPathComponent("Resources"))
            folders.append(folder.appendingPathComponent(bundle))
        }
        return folders.map { $0.appendingPathComponent(name) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Reads one data file; a missing or broken file is a message, never a crash.
    static func load(_ name: String) -> Result<CaseDocument, Problems> {
        guard let url = url(of: name) else {
            return .failure(Problems([Diagnostic(.error, "\(name): Amicus's data file was not found beside the program (Amicus_AmicusKit.resources) or in AMICUS_DATA; reinstall Amicus or set AMICUS_DATA to a folder holding it")]))
        }
        do {
            return .success(try CaseLoader.load(path: url.path))
        } catch {
            return .failure(Problems(error.diagnostics.map(Diagnostic.init)))
        }
    }
}

/// Whole days since 1970-01-01 for a Gregorian date, and back: the arithmetic of deadlines.
struct DayNumber: Hashable, Comparable {
    var value: Int

    init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        value = era * 146097 + doe - 719468
    }

    init(_ date: CaseDate) { self.init(year: date.year, month: date.month, day: date.day) }

    private init(value: Int) { self.value = value }

    func adding(days: Int) -> DayNumber { DayNumber(value: value + days) }

    var civil: (year: Int, month: Int, day: Int) {
        let z = value + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int { ((value % 7) + 7 + 3) % 7 }

    var date: CaseDate { let c = civil; return CaseDate(year: c.year, month: c.month, day: c.day)! }

    static func < (a: DayNumber, b: DayNumber) -> Bool { a.value < b.value }
}
