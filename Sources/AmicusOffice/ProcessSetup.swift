import Foundation
internal import CSystemCalls

/// Process-wide settings a command line makes once, first thing in `main`, before it starts any thread.
public enum ProcessSetup {
    /// Call once at start-up. Not thread-safe (`setenv`, `mallopt`).
    public static func prepareForRendering() {
        loadLocalTimeZoneOnce()
        keepFreedMemoryForTheNextRender()
    }

    /// libzip converts every entry's DOS date with `mktime`/`localtime` when it opens and writes a package. With `TZ`
    /// unset, glibc stats `/etc/localtime` again on each of those calls to see whether it changed: two system calls
    /// per entry, about 5 % of a render. Naming the same zone (`:/etc/localtime`, glibc's own default) lets glibc
    /// read it once. A `TZ` the user set is left alone.
    static func loadLocalTimeZoneOnce() {
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
    }

    /// A render allocates a few hundred kilobytes (the rendered parts, the package) and frees them at the end. With
    /// glibc's defaults the freed top of the heap goes back to the kernel each time and the next render faults the
    /// same pages in again (about 5 % of a render). Keeping up to 32 MiB of free heap, and serving blocks under
    /// 16 MiB from the heap rather than from fresh mappings, stops that churn; memory still peaks where it did.
    static func keepFreedMemoryForTheNextRender() {
        _ = amicus_keep_freed_heap(32 << 20, 4 << 20, 16 << 20)
    }
}
