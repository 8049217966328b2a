/// The command line of an example: `--full` for the documented size (the default is the
/// reduced size `make demo` and `make examples` run) and `--svg PATH` for the plot.
public struct ExampleOptions {
    public var full = false
    public var svgPath: String?

    public init(arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--full": full = true
            case "--svg": svgPath = rest.popFirst()
            default: fatalError("unknown argument \(argument); expected --full or --svg PATH")
            }
        }
    }

    public var sizeName: String { full ? "full size" : "reduced size (--full for the documented run)" }
}
