import Foundation
import Numerics

/// Complex-step `sinh`: `sinh x + i·cosh x·y`.
public func csSinh(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, sinh) { x, _ in cosh(x) }
}

/// Complex-step `cosh`: `cosh x + i·sinh x·y`.
public func csCosh(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, cosh) { x, _ in sinh(x) }
}

/// Complex-step `tanh`: `tanh x + i·y/cosh²x` (accurate also where `tanh x ≈ ±1`).
public func csTanh(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, tanh) { x, _ in
        let c = cosh(x)
        return 1 / (c * c)
    }
}
