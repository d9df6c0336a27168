// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Amicus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "amicus", targets: ["amicus"]),
        .library(name: "AmicusTemplate", targets: ["AmicusTemplate"]),
        .library(name: "AmicusOffice", targets: ["AmicusOffice"]),
        .library(name: "AmicusCase", targets: ["AmicusCase"]),
        .library(name: "AmicusPrecedents", targets: ["AmicusPrecedents"]),
        .library(name: "AmicusKit", targets: ["AmicusKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // System libraries. Installed by scripts/setup (libzip-dev, libxml2-dev, libsqlite3-dev).
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The one system call Swift's Glibc module hides (syncfs, for batch writes).
        .target(name: "CSystemCalls"),

        // The template language: pure Swift, no XML, no I/O.
        .target(name: "AmicusTemplate"),
        // DOCX (and later ODT) packages: zip, XML, tag scoping, escaping, rendering each part.
        .target(name: "AmicusOffice", dependencies: ["AmicusTemplate", "CLibzip", "CLibxml2", "CSystemCalls"]),
        // Case data: YAML with source positions, manifest checks.
        .target(name: "AmicusCase", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The precedent corpus and its SQLite FTS5 index.
        .target(name: "AmicusPrecedents", dependencies: [.product(name: "Yams", package: "Yams"), "CSQLite"]),
        // What the command line and the server call: ties case data, precedents and templates together.
        // Its Resources hold the forum data (OP3-CRC parties, the ECtHR's door, the Russian production calendar).
        .target(name: "AmicusKit", dependencies: ["AmicusTemplate", "AmicusOffice", "AmicusCase", "AmicusPrecedents"],
                resources: [.copy("Resources")]),
        // The web UI: precedent browser and render form, served by Hummingbird (`amicus serve`).
        .target(name: "AmicusServer", dependencies: [
            "AmicusKit", "AmicusPrecedents", "AmicusCase", "AmicusOffice",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "amicus", dependencies: [
            "AmicusKit", "AmicusOffice", "AmicusPrecedents", "AmicusServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Release-build benchmark harness (Benchmarks/run.sh runs it beside docxtpl).
        .executableTarget(name: "amicus-bench", dependencies: ["AmicusKit", "AmicusOffice"], path: "Benchmarks/AmicusBench"),
        .executableTarget(name: "precedents-bench", dependencies: ["AmicusPrecedents"], path: "Benchmarks/PrecedentsBench"),

        // Helpers the test targets share (LibreOffice conversion, temporary folders); not shipped.
        .target(name: "AmicusTestSupport", path: "Tests/AmicusTestSupport"),
        .testTarget(name: "AmicusTemplateTests", dependencies: ["AmicusTemplate"]),
        .testTarget(name: "AmicusOfficeTests", dependencies: ["AmicusOffice", "AmicusTemplate", "AmicusTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AmicusCaseTests", dependencies: ["AmicusCase"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AmicusPrecedentsTests", dependencies: ["AmicusPrecedents"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AmicusServerTests", dependencies: [
            "AmicusServer", "AmicusKit", "AmicusPrecedents", "AmicusOffice",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "AmicusKitTests", dependencies: ["AmicusKit", "amicus", "AmicusTestSupport"], resources: [.copy("Fixtures")]),
    ]
)
