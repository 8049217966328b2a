/// One instruction of a binomial checkpointing schedule (``Revolve``).
///
/// The executor keeps one *current state*, the state after some number of steps (its
/// position), and at most `snapshots` stored states in numbered slots. Steps are numbered
/// from 0: step `i` takes the state at position `i` to position `i + 1`.
///
/// For example: `.advance(from: 0, to: 3)` runs steps 0, 1 and 2 without recording.
public enum RevolveAction: Equatable, Hashable, Sendable {
    /// Run steps `from ..< to` forward without recording; the position goes from `from` to `to`.
    case advance(from: Int, to: Int)
    /// Store the current state, at position `step`, in slot `slot` (overwriting the slot).
    case takeSnapshot(step: Int, slot: Int)
    /// Make the state stored in slot `slot`, at position `step`, the current state.
    case restore(step: Int, slot: Int)
    /// The first reversal: step `step` (the last one) from the current state, recording it,
    /// seeding the adjoint with the output's and pulling it back through the step.
    case firstReverse(step: Int)
    /// Pull the adjoint back through step `step`, recomputed with recording from the current
    /// state (at position `step`). The current state is unchanged.
    case reverse(step: Int)
}
