import ArgumentParser
import ADGenCore

@main
struct ADGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adgen",
        abstract: "Source-to-source automatic differentiation: .adg functions in, Swift derivatives out.",
        discussion: """
            Each .adg file holds Swift functions of Double, Int, Bool, [Double] and [Int].
            For every function f adgen writes f, fJVP, fVJP, fGradient and fHVP.
            Example: adgen generate model.adg -o Model.swift
            Check the derivatives numerically: adgen check model.adg
            """,
        version: Pipeline.version,
        subcommands: [Generate.self, Check.self])
}
