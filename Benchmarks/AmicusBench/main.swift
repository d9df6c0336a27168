import AmicusKit
import AmicusOffice
import Foundation

ProcessSetup.prepareForRendering()   // as `amicus` does

// Renders one template with one case N times in process and prints one JSON line, the same shape as
// Benchmarks/docxtpl_render.py --bench, so Benchmarks/run.sh can put the two side by side.
//   amicus-bench TEMPLATE CASE N
let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[3]), runs > 0 else {
    FileHandle.standardError.write(Data("usage: amicus-bench TEMPLATE CASE N\n".utf8))
    exit(2)
}
do {
    let prepared = try BenchmarkSubject(template: arguments[1], case: arguments[2], precedents: PrecedentSource.find(explicit: nil))
    // One untimed render warms caches and checks that the render succeeds at all.
    let size = try prepared.renderOnce()
    let cpuStart = processCPUSeconds()
    let wallStart = ContinuousClock.now
    for _ in 0..<runs { _ = try prepared.renderOnce() }
    let wall = ContinuousClock.now - wallStart
    let cpu = processCPUSeconds() - cpuStart
    let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
    let line = String(
        format: "{\"tool\":\"amicus\",\"n\":%d,\"ms_per_doc\":%.4f,\"cpu_ms_per_doc\":%.4f,\"docs_per_sec\":%.1f,\"bytes\":%d,\"max_rss_mb\":%.1f}",
        runs, wallSeconds * 1000 / Double(runs), cpu * 1000 / Double(runs), Double(runs) / wallSeconds, size, maxResidentMegabytes())
    print(line)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func maxResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
