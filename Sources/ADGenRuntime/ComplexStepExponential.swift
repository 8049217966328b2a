import Foundation
import Numerics

/// `ln 2`.
let naturalLogOf2 = 0.693_147_180_559_945_309_417_232_121_458_176_568

/// `ln 10`.
let naturalLogOf10 = 2.302_585_092_994_045_684_017_991_454_684_364_208

/// Complex-step `exp`: `eˣ + i·eˣ·y`.
public func csExp(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, exp) { _, value in value }
}

/// Complex-step `exp2`: `2ˣ + i·ln 2·2ˣ·y`.
public func csExp2(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, exp2) { _, value in naturalLogOf2 * value }
}

/// Complex-step `expm1`: `(eˣ − 1) + i·eˣ·y`.
public func csExpm1(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, expm1) { x, _ in exp(x) }
}
