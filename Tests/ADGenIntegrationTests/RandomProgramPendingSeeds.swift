/// Seeds of `RandomProgramTests.sampleSeeds` whose programs still fail after the fixes of
/// 2026-12-01 (57 of the campaign's 66 failing sample seeds pass now), with their classes.
/// Remove a seed once its bug is fixed; `ADGEN_RANDOM_PENDING=1` runs only these.
/// (The generator's `break`/`continue` statements of 2026-12-02 shifted the random
/// stream, so two seeds reach known classes now: 1000073, whose program fails the
/// same way with the exit loop removed, and 1000109.)
extension RandomProgramTests {
    static let pendingSeeds: [UInt64: String] = [
        1000009: "generator: the program itself is not warning-free Swift (a constant condition)",
        1000023: "generator: the program itself is not warning-free Swift (a constant condition)",
        1000024: "generator: the program itself is not warning-free Swift (a constant condition)",
        1000045: "generated Swift does not compile: will never be executed (a condition Swift proves constant)",
        1000071: "generated Swift does not compile: will never be executed (a condition Swift proves constant)",
        1000073: "internal error: 'q' is used outside the scope that declares it (VJP; a copy of an array shadowed inside a nested loop)",
        1000074: "generator: the program itself is not warning-free Swift (a constant condition)",
        1000096: "generated Swift does not compile: will never be executed (a condition Swift proves constant)",
        1000105: "generator: the program itself is not warning-free Swift (a constant condition)",
        1000109: "generator: the program itself is not warning-free Swift (will never be executed)",
        1000149: "generator: the program itself is not warning-free Swift (a constant condition)",
    ]
}
