/// Generates the derived functions (JVP, VJP, Gradient, HVP) of a module.
public enum Derivatives {
    public static func generate(for module: IR.Module, modes: Set<Pipeline.Mode>, dumpAfter: Pipeline.Stage?,
                                dump: inout String?) -> [IR.Function] {
        []
    }
}
