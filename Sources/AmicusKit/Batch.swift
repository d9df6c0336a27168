import AmicusCase
import AmicusOffice
import AmicusTemplate
import Foundation

/// Many filings from one template at once, as an NGO needs after a mass raid. Every case is rendered (a bad one
/// is reported and the rest still go out), output names come from a pattern over case fields, and two cases that
/// would write the same file stop the batch before anything is written.
public struct Batch {
    public struct Options: Sendable {
        public var template: String
        public var cases: [String]
        public var outputFolder: String
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// `{case.id}-{template}.{ext}`: `{case.PATH}` a field of the case (`case.id` falls back to `case_id`),
        /// `{template}` the template's folder name, `{ext}` the format, `{n}` the case's number in the batch.
        public var namePattern: String = "{case.id}-{template}.{ext}"
        public var pdf = false
        public var lenient = false
        /// Hide people marked `pseudonymise: true` and all children, in the documents and their file names.
        public var pseudonymise = false
        public var precedents: PrecedentSource?
        /// How many bytes of case files are held parsed at once. A batch within it is read once; a larger one is
        /// read window by window twice (to name, then to render), so memory stays flat however large it grows.
        public var windowBytes = 64 << 20

        public init(template: String, cases: [String], outputFolder: String) {
            self.template = template
            self.cases = cases
            self.outputFolder = outputFolder
        }
    }

    public struct CaseResult: Sendable {
        public var label: String
        public var output: String?
        public var pdf: String?
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { output != nil && !diagnostics.hasErrors }
    }

    public struct Report: Sendable {
        /// Problems that stopped the whole batch before any case (the template, the output folder, clashing names).
        public var problems: [Diagnostic]
        public var cases: [CaseResult]
        public var seconds: Double
        public var rendered: Int { cases.filter(\.succeeded).count }
        public var failed: Int { cases.count - rendered }
        public var succeeded: Bool { problems.isEmpty && failed == 0 }
    }

    /// Called after each case, from the worker that finished it (one call at a time).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ result: CaseResult) -> Void

    public static func run(_ options: Options, progress: Progress? = nil) -> Report {
        let start = Date()
        func stop(_ problems: [Diagnostic]) -> Report {
            Report(problems: problems, cases: [], seconds: Date().timeIntervalSince(start))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.outputFolder, isDirectory: &isFolder), isFolder.boolValue else {
            return stop([Diagnostic(.error, "\(options.outputFolder): the output folder does not exist")])
        }
        let template: DocumentTemplate
        do {
            template = try DocumentTemplate.open(path: options.template)
        } catch {
            return stop(error.diagnostics.map(Diagnostic.init))
        }
        var manifest: TemplateManifest?
        let manifestPath = TemplateManifest.path(besideTemplate: options.template)
        if FileManager.default.fileExists(atPath: manifestPath) {
            do { manifest = try TemplateManifest.load(path: manifestPath) } catch { return stop(error.diagnostics.map(Diagnostic.init)) }
        }

        let templateName = Self.templateName(options.template)
        let ext = template.format.rawValue
        let rules = manifest
        // The case files go by windows (`windowBytes`), read side by side (each file is parsed on its own). A batch
        // that fits in one window is read once and kept; a larger one is read window by window, once to name
        // every case and once more to render them, so memory holds one window of parsed cases, however many files
        // the batch has (a parsed case takes about two and a half times its YAML).
        let windows = Self.windows(of: options.cases, bytes: options.windowBytes)
        var kept: [[CaseBatchReader.Item]]?
        func read(_ window: Range<Int>) -> [[CaseBatchReader.Item]] {
            let files = Slots<[CaseBatchReader.Item]>(count: window.count)
            DispatchQueue.concurrentPerform(iterations: window.count) { k in
                files[k] = CaseBatchReader.read(path: options.cases[window.lowerBound + k])
            }
            return files.values
        }

        // Names first, all of them: a clash stops the batch before anything is written. Each case is validated
        // on its own, so the cases are prepared on all cores too. A batch read once keeps its prepared cases (a
        // validated case shares all it did not convert with the case as read, so this costs little); a larger one
        // keeps only the labels, names and problems, and a worker prepares its case again just before rendering it.
        var labels: [String] = [], names: [String?] = [], results: [CaseResult] = []
        var keptPrepared: [Prepared]?
        var casesPerFile = [Int](repeating: 0, count: options.cases.count)
        for window in windows {
            let perFile = read(window)
            if windows.count == 1 { kept = perFile }
            for (k, items) in perFile.enumerated() { casesPerFile[window.lowerBound + k] = items.count }
            let items = perFile.flatMap { $0 }
            let first = names.count
            let prepared = Slots<Prepared>(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                var made = Self.prepare(items[index], index: first + index, manifest: rules, options: options,
                                        templateName: templateName, ext: ext)
                if windows.count > 1 {
                    made.document = nil
                    made.plan = nil
                }
                prepared[index] = made
            }
            if windows.count == 1 { keptPrepared = prepared.values }
            for (item, made) in zip(items, prepared.values) {
                labels.append(item.label)
                names.append(made.name)
                results.append(made.result)
            }
        }
        var owners: [String: [String]] = [:]
        for (index, name) in names.enumerated() { if let name { owners[name, default: []].append(labels[index]) } }
        let clashes = owners.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        if !clashes.isEmpty {
            return stop(clashes.map { name, labels in
                Diagnostic(.error, "\(name): \(labels.count) cases would write this file (\(labels.joined(separator: ", "))); make --name tell them apart, e.g. --name '{case.id}-{n}-{template}.{ext}'")
            })
        }

        let notes = NoteCollector()
        var renderOptions = RenderOptions(lenient: options.lenient, locale: manifest?.language ?? "en")
        renderOptions.functions = TemplateFunctions.make(precedents: options.precedents, language: renderOptions.locale, notes: notes)
        let sharedOptions = renderOptions
        let checksText = rules.map(FilingChecks.readText) ?? false

        let state = BatchState(results: results, total: names.count)
        let plannedNames = names
        let preparedCases = keptPrepared
        // Asked of the file system once; each output's path is then joined as text (a name holds no slash).
        let outputFolder = URL(fileURLWithPath: options.outputFolder).path
        let reportProgress = options.pdf ? nil : progress
        let committer = Committer(state: state, progress: reportProgress)
        var first = 0
        for window in windows {
            // The window's files again; a file that no longer holds as many cases as when they were named has
            // changed under the batch, and its cases are not rendered from it.
            var reread: [CaseBatchReader.Item?] = []
            for (k, fileItems) in (kept ?? read(window)).enumerated() {
                let expected = casesPerFile[window.lowerBound + k]
                reread += fileItems.count == expected ? fileItems.map { $0 } : Array(repeating: nil, count: expected)
            }
            let items = reread
            let windowStart = first, end = first + items.count
            first = end
            let workers = max(1, min(options.jobs, items.count))
            DispatchQueue.concurrentPerform(iterations: items.isEmpty ? 0 : workers) { _ in
                while let index = state.next(below: end) {
                    var result = state.result(index)
                    guard let item = items[index - windowStart] else {
                        result.diagnostics.append(Self.changedWhileRunning(result.label))
                        state.finish(index, result, progress: reportProgress)
                        continue
                    }
                    if let name = plannedNames[index],
                       case let again = preparedCases?[index] ?? Self.prepare(item, index: index, manifest: rules, options: options,
                                                                              templateName: templateName, ext: ext, reporting: false) {
                        guard let document = again.document, again.name == name else {
                            // Not as it was when named: the file changed or went away in between.
                            result.diagnostics += again.result.diagnostics.filter(\.isError)
                            result.diagnostics.append(Self.changedWhileRunning(result.label))
                            state.finish(index, result, progress: reportProgress)
                            continue
                        }
                        let outcome = template.render(CaseContext.values(of: document), options: sharedOptions, collectingText: checksText)
                        result.diagnostics += outcome.errors.map(Diagnostic.init) + outcome.warnings.map(Diagnostic.init)
                        // The forum's rules on the finished text, then the pseudonyms: either stops the write.
                        var blocking: [Diagnostic] = []
                        if let rules, outcome.bytes != nil {
                            let checks = FilingChecks.check(outcome, of: template, manifest: rules, case: document, template: options.template)
                            result.diagnostics += checks
                            blocking += checks.filter(\.isError)
                        }
                        if blocking.isEmpty, let plan = again.plan, let bytes = outcome.bytes {
                            let traces = PseudonymScan.traces(in: bytes, format: template.format, fileName: name, plan: plan, template: options.template)
                            result.diagnostics += traces
                            blocking += traces
                        }
                        if let bytes = outcome.bytes, outcome.errors.isEmpty, blocking.isEmpty {
                            let path = outputFolder.hasSuffix("/") ? outputFolder + name : outputFolder + "/" + name
                            do {
                                // The writer flushes and renames it, then reports the case.
                                committer.add(try AtomicWrite.stage(bytes, to: path), index: index, result: result)
                                continue
                            } catch {
                                result.diagnostics.append(Diagnostic(.error, "\(error)"))
                            }
                        }
                    }
                    state.finish(index, result, progress: reportProgress)
                }
            }
        }
        committer.finish()
        var finished = state.results
        if options.pdf {
            let documents = finished.compactMap(\.output)
            let converted = PDFConversion.convert(documents)
            for index in finished.indices {
                if let output = finished[index].output, let outcome = converted[output] {
                    switch outcome {
                    case .success(let pdf): finished[index].pdf = pdf
                    case .failure(let problems): finished[index].diagnostics += problems.diagnostics
                    }
                }
                // Every case is reported once, the ones that failed before conversion too.
                progress?(index + 1, finished.count, finished[index])
            }
        }
        let citationNotes = notes.notes.map { Diagnostic(.warning, "\(options.template): warning: \($0)") }
        return Report(problems: citationNotes, cases: finished, seconds: Date().timeIntervalSince(start))
    }

    /// One case read, validated against the manifest and the forum's rules, pseudonymised when asked, and named.
    struct Prepared {
        var name: String?
        var document: CaseDocument?
        var plan: Pseudonymisation?
        var result: CaseResult
    }

    /// With `reporting: false` (the second time, just before rendering) the checks that only add to the case's
    /// report, whose problems the first time already gave, are left out.
    static func prepare(_ item: CaseBatchReader.Item, index: Int, manifest: TemplateManifest?, options: Options,
                        templateName: String, ext: String, reporting: Bool = true) -> Prepared {
        var reading = item.reading
        if let manifest { reading = manifest.validate(reading) }
        var diagnostics = reading.diagnostics.map(Diagnostic.init)
        if reporting, let rule = manifest?.admissibility, let document = reading.document, !diagnostics.hasErrors {
            diagnostics += Admissibility.check(rule, case: document, manifest: manifest?.file ?? "manifest.yaml")
        }
        var name: String? = nil
        var plan: Pseudonymisation? = nil
        if options.pseudonymise, let document = reading.document {
            let made = Pseudonymisation(document: document, children: true)
            plan = made
            reading.document = made.apply(to: document)
        }
        if let document = reading.document {
            switch outputName(options.namePattern, case: document, index: index + 1, template: templateName, ext: ext) {
            case .success(let made): name = made
            case .failure(let problem): diagnostics.append(Diagnostic(.error, "\(item.label): \(problem.message)"))
            }
        }
        return Prepared(name: diagnostics.hasErrors ? nil : name, document: reading.document, plan: plan,
                        result: CaseResult(label: item.label, output: nil, pdf: nil, diagnostics: diagnostics))
    }

    /// A case whose file no longer reads as it did when the cases were named.
    static func changedWhileRunning(_ label: String) -> Diagnostic {
        Diagnostic(.error, "\(label): the file changed while the batch was running; run the batch again")
    }

    /// Consecutive runs of case files holding about `bytes` of YAML or CSV together (a larger file is a window on its
    /// own), at most `files` of them: what one window of the batch holds parsed at once.
    static func windows(of paths: [String], bytes: Int, files: Int = 4096) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        var start = 0, size = 0
        for (index, path) in paths.enumerated() {
            let fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
            if index > start && (size + fileSize > bytes || index - start >= files) {
                windows.append(start..<index)
                start = index
                size = 0
            }
            size += fileSize
        }
        if start < paths.count { windows.append(start..<paths.count) }
        return windows
    }

    /// The folder name of `Templates/NAME/template.docx`, else the file's own name.
    static func templateName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        return stem == "template" ? url.deletingLastPathComponent().lastPathComponent : stem
    }

    struct NameProblem: Error { var message: String }

    static func outputName(_ pattern: String, case document: CaseDocument, index: Int, template: String, ext: String) -> Result<String, NameProblem> {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                return .failure(NameProblem(message: "--name '\(pattern)' has a '{' that is never closed"))
            }
            let key = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            switch key {
            case "template": result += template
            case "ext": result += ext
            case "n": result += String(index)
            default:
                guard key.hasPrefix("case.") else {
                    return .failure(NameProblem(message: "--name: unknown placeholder {\(key)}; use {case.FIELD}, {template}, {ext} or {n}"))
                }
                let path = String(key.dropFirst(5))
                var node = document.lookup(path: path)
                if node == nil && path == "id" { node = document.lookup(path: "case_id") }
                guard let text = node?.scalarText, !text.isEmpty else {
                    return .failure(NameProblem(message: "--name uses {\(key)}, but this case has no such field"))
                }
                result += text
            }
        }
        result += rest
        let safe = String(result.unicodeScalars.map { scalar -> Character in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar == ":" ? "_" : Character(scalar)
        })
        let trimmed = safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe
        guard !trimmed.isEmpty, trimmed.utf8.count <= 240 else {
            return .failure(NameProblem(message: "--name gives an empty or overlong file name"))
        }
        return .success(trimmed)
    }
}

/// The work list shared by the batch's workers.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private var done = 0
    private(set) var results: [CaseResult]
    let total: Int
    typealias CaseResult = Batch.CaseResult

    init(results: [CaseResult], total: Int) {
        self.results = results
        self.total = total
    }

    /// The next case to render, if it comes before `limit` (the end of the window being rendered).
    func next(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < min(total, limit) else { return nil }
        cursor += 1
        return cursor - 1
    }

    func result(_ index: Int) -> CaseResult {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }

    func finish(_ index: Int, _ result: CaseResult, progress: Batch.Progress?) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
        done += 1
        progress?(done, total, result)
    }
}

/// Staged filings waiting to be flushed and renamed. One writer (a serial queue) takes what is waiting in groups
/// of `group`, so the renderers never wait for the disk and one flush serves many files.
private final class Committer: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [(staged: AtomicWrite.Staged, index: Int, result: Batch.CaseResult)] = []
    private let writer = DispatchQueue(label: "amicus.batch.writer")
    private let state: BatchState
    private let progress: Batch.Progress?

    init(state: BatchState, progress: Batch.Progress?) {
        self.state = state
        self.progress = progress
    }

    /// Files flushed together: enough that flushing costs little per file, few enough that progress moves.
    private let group = 32

    func add(_ staged: AtomicWrite.Staged, index: Int, result: Batch.CaseResult) {
        lock.lock()
        pending.append((staged, index, result))
        let full = pending.count >= group
        lock.unlock()
        if full { writer.async { self.drain() } }
    }

    /// Waits until every staged file is in place (or reported as failed).
    func finish() { writer.sync { drain() } }

    private func drain() {
        lock.lock()
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        lock.unlock()
        guard !batch.isEmpty else { return }
        let outcomes = AtomicWrite.commit(batch.map(\.staged))
        for (item, outcome) in zip(batch, outcomes) {
            var result = item.result
            switch outcome {
            case .success: result.output = item.staged.path
            case .failure(let failure): result.diagnostics.append(Diagnostic(.error, "\(failure)"))
            }
            state.finish(item.index, result, progress: progress)
        }
    }
}

/// One value per index, each written by exactly one worker of a concurrentPerform.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value {
        get { lock.lock(); defer { lock.unlock() }; return storage[index]! }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [Value] { lock.lock(); defer { lock.unlock() }; return storage.map { $0! } }
}
