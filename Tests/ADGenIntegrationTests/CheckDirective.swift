import ADGenCheck

/// `// check:` directives (Fixtures/README.md, "Test directives") are parsed by the same
/// code `adgen check` uses for them and for `--point`.
typealias CheckDirective = PointSpec
