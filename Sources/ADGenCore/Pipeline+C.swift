extension Pipeline {
    /// `--emit c`: the same stages up to the derived IR, then ``CTranslator`` and ``CRenderer``.
    static func compileC(_ inputs: [(file: SourceFile, options: Options)]) -> CombinedOutput {
        CombinedOutput(swift: nil, diagnostics: inputs.map { ($0.file, [Diagnostic(.error, "--emit c is not implemented yet", at: .none)]) })
    }
}
