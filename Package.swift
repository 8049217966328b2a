// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "adgen",
    products: [
        .executable(name: "adgen", targets: ["adgen"]),
        .library(name: "ADGenCore", targets: ["ADGenCore"]),
        // Complex-step builtins, exact training, checkpointing and gradient checks. Dynamic, so that
        // `adgen check` can link the programs it compiles against it (see Docs/Checking.md).
        .library(name: "ADGenRuntime", type: .dynamic, targets: ["ADGenRuntime"]),
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
        // What generated code and `adgen check` programs link: complex step (swift-numerics'
        // Complex<Double>), exact training (ExactRun), Revolve, finite differences, dot-product
        // tests. No process or compiler-driver code.
        .target(name: "ADGenRuntime", dependencies: [.product(name: "Numerics", package: "swift-numerics")]),
        // The swiftc driver and process runner that `adgen check` compiles and runs programs with.
        .target(name: "ADGenDriver", dependencies: ["ADGenRuntime"]),
        // `adgen check`: builds, compiles and runs the checking program, and reports.
        .target(name: "ADGenCheck", dependencies: ["ADGenCore", "ADGenDriver", "ADGenRuntime"]),
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
                "ADGenDriver",
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
        .target(name: "ADGenRandomPrograms", dependencies: ["ADGenRuntime"], path: "Tests/ADGenRandomPrograms"),
        // Compiles generated code for every fixture (and random programs) in one swiftc call
        // and checks it numerically.
        .testTarget(name: "ADGenIntegrationTests", dependencies: ["ADGenCore", "ADGenCheck", "ADGenRandomPrograms"]),
        .testTarget(name: "ADGenRuntimeTests",
                    dependencies: ["ADGenRuntime", .product(name: "Numerics", package: "swift-numerics")]),
        .testTarget(name: "ADGenDriverTests", dependencies: ["ADGenDriver"]),
        // `adgen check` end to end: every fixture against complex step, mutants flagged.
        .testTarget(name: "ADGenCheckTests", dependencies: ["ADGenCheck", "ADGenCore", "ADGenDriver", "ADGenRuntime"]),
        // The docs are tested: their code compiles, the config behaves as documented,
        // Troubleshooting lists every diagnostic.
        .testTarget(name: "ADGenDocsTests", dependencies: ["ADGenCore", "ADGenCheck", "adgen"]),
    ]
)
