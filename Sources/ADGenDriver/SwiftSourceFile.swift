/// One Swift source file to compile: a file name and its text.
///
/// With several files, the one holding top-level code must be named `main.swift`
/// (a single file may have any name).
public struct SwiftSourceFile: Sendable, Equatable {
    /// The file name, e.g. `"main.swift"`; no directories.
    public var name: String
    /// The Swift source text.
    public var text: String

    /// A source file named `name` holding `text`.
    public init(name: String, text: String) {
        precondition(!name.isEmpty && !name.contains("/"), "a plain file name is required")
        self.name = name
        self.text = text
    }
}
