// swift-tools-version:6.1
// A package of your own that uses adgen: it depends on adgen by path and applies
// the ADGenPlugin build-tool plugin to a target holding `.adg` files.
import PackageDescription

let package = Package(
    name: "adgen-examples",
    dependencies: [
        // `name:` pins the package's identity to "adgen" whatever the folder is called
        // (by default SwiftPM names a path dependency after its last path component).
        .package(name: "adgen", path: ".."),
    ],
    targets: [
        // Logistic regression trained by gradient descent with an adgen-generated gradient.
        .executableTarget(
            name: "LogisticRegression",
            plugins: [.plugin(name: "ADGenPlugin", package: "adgen")]
        ),
        // Plotting (hand-written SVG), seeded random numbers, AUC and Adam on hyperparameters.
        .target(name: "ExampleSupport"),
        // Per-weight L2 strengths of a digits classifier tuned by hypergradient descent in windows.
        .executableTarget(
            name: "Digits",
            dependencies: ["ExampleSupport", .product(name: "ADGenRuntime", package: "adgen")],
            plugins: [.plugin(name: "ADGenPlugin", package: "adgen")]
        ),
        // Kernel width and strength of an RBF kernel logistic regression tuned by .implicit.
        .executableTarget(
            name: "KernelLogisticRegression",
            dependencies: ["ExampleSupport", .product(name: "ADGenRuntime", package: "adgen")],
            plugins: [.plugin(name: "ADGenPlugin", package: "adgen")]
        ),
    ]
)
