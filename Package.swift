// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "adgen",
    products: [
        .executable(name: "adgen", targets: ["adgen"]),
        .library(name: "ADGenCore", targets: ["ADGenCore"]),
        // What generated code imports: complex-step builtins, exact training, checkpointing. Dynamic,
        // so that programs built outside SwiftPM can link it (make bench-checkpointing).
        .library(name: "ADGenRuntime", type: .dynamic, targets: ["ADGenRuntime"]),
        // The checks `adgen check` programs run (finite differences, dot-product tests, the check
        // session), with the runtime inside; dynamic, so those programs link it (Docs/Checking.md).
        .library(name: "ADGenCheckSupport", type: .dynamic, targets: ["ADGenCheckSupport"]),
        .plugin(name: "ADGenPlugin", targets: ["ADGenPlugin"]),
        .plugin(name: "ADGenGenerate", targets: ["ADGenGenerate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // Pure, in-memory compiler: source text in, Swift text and diagnostics out.
        .target(name: "ADGenCore"),
        // What generated code imports and users link: complex step (swift-numerics' Complex<Double>),
        // exact training (ExactRun), Revolve, hypergradients. No checking, process or compiler-driver code.
        .target(name: "ADGenRuntime", dependencies: [.product(name: "Numerics", package: "swift-numerics")]),
        // What `adgen check` programs run on top of the runtime: finite differences, complex step on
        // closures, dot-product tests, the check session and its JSON events, SplitMix64, FNV-1a.
        .target(name: "ADGenCheckSupport", dependencies: ["ADGenRuntime"]),
        // The swiftc driver and process runner that `adgen check` compiles and runs programs with.
        .target(name: "ADGenDriver", dependencies: ["ADGenCheckSupport"]),
        // `adgen check`: builds, compiles and runs the checking program, and reports.
        .target(name: "ADGenCheck", dependencies: ["ADGenCore", "ADGenDriver", "ADGenCheckSupport"]),
        // The C front end (Docs/C.md): libclang, opened at run time by the CLibClang shim,
        // lowers C into the syntax tree sema takes. Only the command-line tool links it.
        .target(name: "CLibClang"),
        .target(name: "ADGenC", dependencies: ["ADGenCore", "CLibClang"]),
        // The command-line tool: all file I/O lives here.
        .executableTarget(
            name: "adgen",
            dependencies: [
                "ADGenCore",
                "ADGenC",
                "ADGenCheck",
                "ADGenCheckSupport",
                "ADGenDriver",
                "ADGenRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-tool plugin: turns the .adg files of a target into Swift at build time.
        .plugin(name: "ADGenPlugin", capability: .buildTool(), dependencies: ["adgen"]),
        // `swift package --allow-writing-to-package-directory adgen-generate`: writes NAME.adg.swift
        // next to each .adg file, for packages that commit the generated code.
        .plugin(
            name: "ADGenGenerate",
            capability: .command(
                intent: .custom(verb: "adgen-generate", description: "Write NAME.adg.swift next to every NAME.adg"),
                permissions: [.writeToPackageDirectory(reason: "adgen-generate writes the generated Swift next to each .adg file")]),
            dependencies: ["adgen"]
        ),
        // `make bench`: generated gradients against the primal, hand-written code and Swift AD.
        .executableTarget(
            name: "ADGenBench",
            dependencies: ["ADGenRuntime"],
            path: "Benchmarks/ADGenBench",
            plugins: ["ADGenPlugin"]
        ),
        .testTarget(name: "ADGenCoreTests", dependencies: ["ADGenCore"]),
        // The C front end and the C renderer: diagnostics, goldens, and generated C compiled
        // with cc and checked against finite differences.
        .testTarget(name: "ADGenCTests", dependencies: ["ADGenC", "ADGenCore", "ADGenDriver"]),
        // Test support: seeded random .adg programs, their normalizer and reducer (Docs/Fuzzing.md).
        .target(name: "ADGenRandomPrograms", dependencies: ["ADGenCheckSupport"], path: "Tests/ADGenRandomPrograms"),
        // Compiles generated code for every fixture (and random programs) in one swiftc call
        // and checks it numerically.
        .testTarget(name: "ADGenIntegrationTests", dependencies: ["ADGenCore", "ADGenCheck", "ADGenDriver", "ADGenRandomPrograms"]),
        .testTarget(name: "ADGenRuntimeTests",
                    dependencies: ["ADGenRuntime", "ADGenCheckSupport", .product(name: "Numerics", package: "swift-numerics")]),
        .testTarget(name: "ADGenCheckSupportTests",
                    dependencies: ["ADGenCheckSupport", "ADGenRuntime", .product(name: "Numerics", package: "swift-numerics")]),
        .testTarget(name: "ADGenDriverTests", dependencies: ["ADGenDriver"]),
        // `adgen check` end to end: every fixture against complex step, mutants flagged.
        .testTarget(name: "ADGenCheckTests",
                    dependencies: ["ADGenCheck", "ADGenCore", "ADGenDriver", "ADGenCheckSupport", "ADGenRuntime"]),
        // The docs are tested: their code compiles, the config behaves as documented,
        // Troubleshooting lists every diagnostic.
        .testTarget(name: "ADGenDocsTests", dependencies: ["ADGenCore", "ADGenCheck", "adgen"]),
    ]
)
