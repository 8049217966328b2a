extension LoopCheckpoints {
    /// What the offline schedule of a loop of `steps` iterations will do under `tapeBudget`,
    /// before it runs: the frames that fit, and the steps its reverse sweep re-runs
    /// unrecorded (Revolve's optimum on `frames − 1` slots, less the opening sweep that the
    /// primal loop runs). nil when the budget cannot hold the two frames it needs.
    /// `adgen generate --tape-report --tape-sizes` prints it.
    ///
    /// For example: 100,000 steps of 816-byte snapshots under 1 MB are 1,285 frames and
    /// 98,715 recomputed steps.
    public static func plan(steps: Int, snapshotBytes: Int, tapeBudget: Int) -> (frames: Int, recomputedSteps: Int)? {
        let frames = tapeBudget / max(snapshotBytes, 8)
        guard steps > 1 else { return (min(frames, max(steps, 0)), 0) }
        guard frames >= 2 else { return nil }
        let slots = min(frames - 1, steps)
        return (min(frames, steps), RevolveCost.forwardSteps(steps: steps, snapshots: slots) - (steps - 1))
    }
}
