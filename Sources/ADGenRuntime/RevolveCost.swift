/// The closed-form cost of binomial checkpointing (Griewank & Walther, ACM TOMS 2000,
/// Algorithm 799): with `c` snapshots and `T` steps, `r` is the least integer with
/// `C(c + r, c) ≥ T`, and the least number of forward (unrecorded) steps is
/// `r·T − C(c + r, r − 1)`.
///
/// For example: `RevolveCost.forwardSteps(steps: 100, snapshots: 5)` is 316.
public enum RevolveCost {
    /// The least `r` with `C(snapshots + r, snapshots) ≥ steps`: the most times any step is
    /// run forward by an optimal schedule.
    ///
    /// For example: `RevolveCost.repetitions(steps: 100, snapshots: 5)` is 4.
    public static func repetitions(steps: Int, snapshots: Int) -> Int {
        precondition(snapshots >= 1, "Revolve needs at least one snapshot")
        var r = 0
        var reach = 1  // C(snapshots + r, snapshots)
        while reach < steps {
            r += 1
            reach = reach * (snapshots + r) / r  // exact: C(n, k) · n' / r stays integral
        }
        return r
    }

    /// The least number of unrecorded forward steps that reverse `steps` steps with at most
    /// `snapshots` stored states (the initial state being one of them): `r·T − C(c + r, r − 1)`.
    ///
    /// For example: `RevolveCost.forwardSteps(steps: 1000, snapshots: 10)` is 3,636.
    public static func forwardSteps(steps: Int, snapshots: Int) -> Int {
        guard steps > 1 else { return 0 }
        let r = repetitions(steps: steps, snapshots: snapshots)
        // C(c + r, r − 1) = C(c + r, c + 1) = C(c + r, c) · r / (c + 1).
        var reach = 1
        for i in stride(from: 1, through: r, by: 1) { reach = reach * (snapshots + i) / i }
        return r * steps - reach * r / (snapshots + 1)
    }
}
