/// The bits that multiplication by a rate `γ = n/d < 1` destroys, kept so the
/// multiplication can be undone exactly (Maclaurin, Duvenaud & Adams 2015, Algorithm 3),
/// in an asymmetric-numeral-system (rANS) stack whose every operation costs O(1).
///
/// ``multiply(_:)`` replaces a fixed-point integer `x` by `⌊x/d⌋·n + digit`: it pushes
/// `x mod d` (floor convention) as a digit in base `d`, then pops a digit in base `n` to
/// fill the low end freed by the multiplication, so the buffer grows by exactly
/// `log2(d/n)` bits per multiplication on average — the entropy bound — and the result
/// stays within `n` units of `γ·x`. ``divide(_:)`` runs the same four steps backwards.
///
/// The stack is one 64-bit state kept in `[L, 2¹⁶·L)` plus a stack of 16-bit words it
/// spills into (push) and refills from (pop). `L = n·d·2^k ≤ 2⁴⁸` is a multiple of both
/// bases, which is what makes push and pop exact inverses for non-power-of-two bases; so
/// it holds at most 64 bits more than the entropy bound, whatever the number of operations.
/// Operations are last in, first out: undo multiplications in the reverse order of the
/// multiplications. Words of 16 bits (rather than 32) leave room for `n·d` up to 2⁴⁸, so
/// denominators up to 2²⁴ (rates like 1 − 10⁻⁷) stay exact.
///
/// For example: with `var buffer = InformationBuffer(rate: ExactRate(0.9))` and
/// `var x: Int128 = 1000`, `buffer.multiply(&x)` makes `x` 900 (plus a digit below 9), and
/// `buffer.divide(&x)` makes it 1000 again and the buffer as it was.
public struct InformationBuffer: Equatable, Sendable {
    /// The rate this buffer multiplies by.
    public let rate: ExactRate
    /// Multiplications done minus multiplications undone.
    public private(set) var multiplications = 0
    /// The rANS state, in `[lower, lower << 16)`.
    private var state: UInt64
    /// The spilled words, oldest first.
    private var words: [UInt16] = []
    private let lower: UInt64
    /// A push in base `n` (or `d`) spills a word while the state is at least this.
    private let numeratorSpill: UInt64
    private let denominatorSpill: UInt64
    /// The bases as divisors by reciprocal multiplication.
    private let numeratorDivisor: InvariantDivisor
    private let denominatorDivisor: InvariantDivisor

    /// An empty buffer for multiplications by `rate`.
    public init(rate: ExactRate) {
        self.rate = rate
        var lower = rate.numerator * rate.denominator  // < 2^48
        while lower < (1 << 47) { lower <<= 1 }
        self.lower = lower
        state = lower
        numeratorSpill = (lower / rate.numerator) << 16
        denominatorSpill = (lower / rate.denominator) << 16
        numeratorDivisor = InvariantDivisor(rate.numerator)
        denominatorDivisor = InvariantDivisor(rate.denominator)
    }

    /// The bits stored: the spilled words and the 64-bit state.
    public var bufferBits: Int { 16 * words.count + 64 }

    /// The entropy bound for the multiplications held: `multiplications · log2(d/n)`.
    public var entropyBits: Double { Double(multiplications) * rate.entropyBits }

    /// Reserves room for `count` more multiplications, so they allocate nothing.
    public mutating func reserveCapacity(multiplications count: Int) {
        let words = Double(count) * rate.entropyBits / 16
        self.words.reserveCapacity(self.words.count + Int(words.rounded(.up)) + 4)
    }

    /// `x ← ⌊x/d⌋·n + digit`, the digit popped from the buffer: `γ·x` within `n` units,
    /// and undone exactly by ``divide(_:)``.
    @inline(__always)
    public mutating func multiply(_ x: inout Int128) {
        let (quotient, remainder) = floorDivision(x, by: denominatorDivisor)
        push(remainder, base: rate.denominator, spill: denominatorSpill)
        let digit = pop(numeratorDivisor)
        x = quotient * int128(rate.numerator) + int128(digit)
        multiplications += 1
    }

    /// Undoes the last ``multiply(_:)``: `x ← ⌊x/n⌋·d + r`, the remainder `r` popped back.
    @inline(__always)
    public mutating func divide(_ x: inout Int128) {
        precondition(multiplications > 0, "information buffer: more multiplications undone than done")
        let (quotient, digit) = floorDivision(x, by: numeratorDivisor)
        push(digit, base: rate.numerator, spill: numeratorSpill)
        let remainder = pop(denominatorDivisor)
        x = quotient * int128(rate.denominator) + int128(remainder)
        multiplications -= 1
    }

    /// Encodes `digit < base`: spill the low word while the state is too large for
    /// `state · base + digit` to stay below `lower << 16`, then append the digit.
    @inline(__always)
    private mutating func push(_ digit: UInt64, base: UInt64, spill: UInt64) {
        while state >= spill {
            words.append(UInt16(truncatingIfNeeded: state))
            state &>>= 16
        }
        state = state * base + digit
    }

    /// Decodes a digit in `base`: the state's last digit, then refill from the words while
    /// the state is below `lower`.
    @inline(__always)
    private mutating func pop(_ base: InvariantDivisor) -> UInt64 {
        let (quotient, digit) = base.divide(state)
        state = quotient
        while state < lower {
            precondition(!words.isEmpty, "information buffer underflow: it was not filled by the operations being undone")
            state = (state &<< 16) | UInt64(words.removeLast())
        }
        return digit
    }
}
