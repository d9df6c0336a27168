import AmicusPrecedents
import Foundation

// Builds the precedent index over a synthetic corpus (generated here, never committed) and times searches.
//     precedents-bench [COUNT]        (release build; Benchmarks/run.sh runs it with 100,000)
// Prints build time and search latencies (p50/p95 per query kind and overall). Asserts nothing.
let requested = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
do {
    try Benchmark().run(count: requested)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

struct Benchmark {
    /// Deterministic generator (SplitMix64).
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        /// Roughly Zipf-distributed index in 0..<n.
        mutating func zipf(_ n: Int) -> Int { min(n - 1, Int(Double(n) * pow(Double(int(1_000_000)) / 1_000_000, 3))) }
    }

    static let syllables = ["ka", "ro", "mi", "tan", "vel", "os", "dri", "lu", "ne", "zar", "po", "shi", "bek", "ul", "gor",
                            "ta", "le", "vin", "mar", "sa", "kov", "ev", "ri", "dan", "ol", "im", "ber", "qu", "ax", "no"]
    static let countries = ["RU", "RU", "RU", "RU", "FR", "BE", "ES", "TR", "PL", "GR", "CH", "HR", "KZ", "KG", "UA", "BY",
                            "GE", "AM", "AZ", "MD", "UZ", "TJ", "DE", "IT", "general"]
    static let articles = ["ECHR-2", "ECHR-3", "ECHR-5-1-f", "ECHR-5-1", "ECHR-5-4", "ECHR-5-3", "ECHR-6-1", "ECHR-8",
                           "ECHR-13", "ECHR-14", "ECHR-34", "ECHR-46", "ECHR-P4-4", "ECHR-P7-1", "ECHR-P1-1", "ECHR-10",
                           "ECHR-11", "ECHR-9", "ECHR-5-1-c", "ECHR-5-2"]
    static let unArticles = ["CRC-3", "CRC-3-1", "CRC-9", "CRC-10", "CRC-20", "CRC-22", "CRC-37", "CRC-37-b", "CRC-8",
                             "CRC-12", "CRC-2", "CRC-27", "ICCPR-7", "ICCPR-9-1", "ICCPR-17-1", "ICCPR-23-1", "ICCPR-24-1"]

    static func word(_ r: inout Rng, _ rank: Int) -> String {
        // rank → a stable pseudo-word
        var n = rank + 7, w = ""
        repeat { w += syllables[n % syllables.count]; n /= syllables.count } while n > 0
        return w
    }

    static func synthetic(count: Int) -> [Precedent] {
        var r = Rng(state: 42)
        var out: [Precedent] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let forum: Forum
            switch r.int(20) { case 0..<14: forum = .ecthr; case 14..<18: forum = .crc; case 18: forum = .hrc; default: forum = .ksrf }
            let country = CountryCode(code: countries[r.int(countries.count)])!
            let pool = forum == .ecthr || forum == .ksrf ? articles : unArticles
            var codes: [ArticleCode] = []
            for _ in 0..<(1 + r.int(5)) {
                let c = ArticleCode(canonical: pool[r.zipf(pool.count)])!
                if !codes.contains(c) { codes.append(c) }
            }
            let outs: [ArticleOutcome] = codes.compactMap { c in
                switch r.int(10) {
                case 0..<6: return ArticleOutcome(article: c, outcomes: [.violation])
                case 6..<8: return ArticleOutcome(article: c, outcomes: [.noViolation])
                case 8: return ArticleOutcome(article: c, outcomes: [.violation, .noViolation])
                default: return nil
                }
            }
            let name = (word(&r, 5000 + r.int(200_000)) + word(&r, r.int(900))).capitalized
            let summary = (0..<(40 + r.int(30))).map { _ in word(&r, r.zipf(20_000)) }.joined(separator: " ") + "."
            let date = PrecedentDate(year: 1990 + r.int(36), month: 1 + r.int(12), day: 1 + r.int(28))!
            out.append(Precedent(
                id: "synthetic-\(i)", title: "\(name) v. \(country.englishName)", forum: forum,
                forumName: forum.englishName, number: "\(10000 + r.int(90000))/\(10 + r.int(15))",
                date: date, decisionType: .judgment, country: country, articles: codes, outcomes: outs,
                keywords: (0..<3).map { _ in word(&r, r.int(300)) + " " + word(&r, r.int(300)) },
                summary: summary,
                keyParagraphs: r.int(3) == 0 ? [KeyParagraph(pinpoint: "\(10 + r.int(150))", text: word(&r, r.zipf(20_000)) + " " + word(&r, r.zipf(20_000)))] : [],
                source: "https://example.org/\(i)", verified: true))
        }
        return out
    }

    func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        return s[min(s.count - 1, Int(Double(s.count) * p))]
    }

    func run(count n: Int) throws {
        let clock = ContinuousClock()
        var records: [Precedent] = []
        let gen = clock.measure { records = Benchmark.synthetic(count: n) }
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("amicus-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // AMICUS_PRECEDENT_BENCH_KEEP=PATH keeps the built index there, to study queries with the sqlite3 shell.
        let kept = ProcessInfo.processInfo.environment["AMICUS_PRECEDENT_BENCH_KEEP"].map { URL(fileURLWithPath: $0) }
        let file = kept ?? dir.appendingPathComponent("bench.sqlite")
        var index: PrecedentIndex?
        let build = try clock.measure { index = try PrecedentIndex.build(from: records, at: file) }
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("BENCH records=\(n) generate=\(gen) build=\(build) file=\(size / 1_048_576) MiB")
        let idx = index!

        var r = Rng(state: 7)
        var kinds: [String: [Double]] = [:]
        var all: [Double] = []
        var totalHits = 0
        for round in 0..<3000 {
            let kind: String
            var q: PrecedentQuery
            switch round % 10 {
            case 9: kind = "article+country+text-frequent"
                q = PrecedentQuery(articles: [Benchmark.articles[r.int(8)]], country: "RU",
                                   text: Benchmark.word(&r, 100 + r.int(900)), limit: 20)
            case 7: kind = "article+country+text-mid"
                q = PrecedentQuery(articles: [Benchmark.articles[r.int(8)]], country: "RU",
                                   text: Benchmark.word(&r, 2000 + r.int(10_000)), limit: 20)
            case 8: kind = "text-frequent+country"   // words ranked 100-1,000: 600-5,000 matching records
                q = PrecedentQuery(country: "RU", text: Benchmark.word(&r, 100 + r.int(900)), limit: 20)
            case 6: kind = "text-mid+country no snippet"
                q = PrecedentQuery(country: "RU", text: Benchmark.word(&r, 2000 + r.int(10_000)), limit: 20, snippets: false)
            case 0: kind = "article+country"
                q = PrecedentQuery(articles: [Benchmark.articles[r.int(Benchmark.articles.count)]], country: Benchmark.countries[r.int(24)], limit: 20)
            case 1: kind = "article+outcome"
                q = PrecedentQuery(articles: ["ECHR-5"], outcome: "violation", limit: 20)
            case 2: kind = "forum+dates"
                let y = 1990 + r.int(30)
                q = PrecedentQuery(forum: "CRC", from: "\(y)", to: "\(y + 3)", limit: 20)
            case 3: kind = "text-rare (title name)"
                q = PrecedentQuery(text: records[r.int(records.count)].title.split(separator: " ").first.map(String.init), limit: 20)
            case 4: kind = "text-mid+country"
                q = PrecedentQuery(country: "RU", text: Benchmark.word(&r, 2000 + r.int(10_000)), limit: 20)
            default: kind = "two articles+country+dates"
                q = PrecedentQuery(articles: ["ECHR-3", "ECHR-5-4"], country: "FR", from: "2000", to: "2020", limit: 20)
            }
            var hits = 0
            let d = try clock.measure { hits = try idx.search(q).count }
            totalHits += hits
            if round < 300 { continue }   // warm-up
            let ms = Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000
            kinds[kind, default: []].append(ms)
            all.append(ms)
        }
        for (k, v) in kinds.sorted(by: { $0.key < $1.key }) {
            print(String(format: "BENCH %-28@ p50=%.3f ms p95=%.3f ms max=%.3f ms", k as NSString, percentile(v, 0.5), percentile(v, 0.95), v.max()!))
        }
        print(String(format: "BENCH overall (%d queries, %d hits) p50=%.3f ms p95=%.3f ms", all.count, totalHits, percentile(all, 0.5), percentile(all, 0.95)))

        // Words ranked 2,000-12,000 ("mid") match 130-430 records; "frequent" words 600-5,000; the top-5 words match
        // 20,000-87,000 records, stop words in all but name, and bm25 must score every match: reported, not in the bar.
        var common: [Double] = []
        for i in 0..<50 {
            let q = PrecedentQuery(text: Benchmark.word(&r, i % 5), limit: 20)
            let d = try clock.measure { _ = try idx.search(q) }
            common.append(Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000)
        }
        print(String(format: "BENCH text-very-common (top-5 word) p50=%.3f ms p95=%.3f ms", percentile(common, 0.5), percentile(common, 0.95)))

        // Fingerprint cost: stat vs reading every file, on n small files.
        if ProcessInfo.processInfo.environment["AMICUS_PRECEDENT_BENCH_FILES"] != nil {
            let corpus = dir.appendingPathComponent("files")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            let text = String(repeating: "x", count: 1500)
            for i in 0..<n { _ = FileManager.default.createFile(atPath: corpus.appendingPathComponent("r-\(i).yaml").path, contents: Data(text.utf8)) }
            var listed: [URL] = []
            let list = try clock.measure { listed = try PrecedentCorpus.files(in: corpus) }
            let statTime = clock.measure { for u in listed { _ = try? FileManager.default.attributesOfItem(atPath: u.path) } }
            var bytes = 0
            let read = clock.measure { for u in listed { bytes += FileManager.default.contents(atPath: u.path)?.count ?? 0 } }
            print("BENCH fingerprint over \(n) files: list=\(list) stat(FileManager)=\(statTime) read-all=\(read) (\(bytes / 1_048_576) MiB)")
        }
    }
}
