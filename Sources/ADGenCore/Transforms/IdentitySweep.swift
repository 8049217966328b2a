/// One sweep of vector forward mode over columns of the identity: directions
/// `start ..< start + lanes` of the active entries, each a unit vector.
///
///     let start = sweep * 64
///     let lanes = columns - start < 64 ? columns - start : 64
///     let dw = ADGenLanes(repeating: 0.0, count: w.count * lanes)
///     for lane in 0..<lanes {
///         let column = start + lane
///         if column >= 0 && column < w.count { dw[column * lanes + lane] = 1.0 }
///     }
struct IdentitySweep {
    var statements: [IR.Statement]
    /// The seed arrays, one per active parameter, entry-major with `lanes` lanes.
    var seeds: [IR.Expression]
    var start: IR.Expression
    var lanes: IR.Expression

    /// The number of sweeps for `count` directions; one even for none, for the value.
    static func sweeps(_ b: DriverBuilder, count: IR.Expression) -> IR.Expression {
        let block = IR.Expression.int(DriverBuilder.block)
        let ceiling = IR.Expression.binary(.divide, b.add(count, .int(DriverBuilder.block - 1)), block)
        return .ternary(count == .int(0), .int(1), ceiling)
    }

    /// `start`, `lanes` and the direction arrays of a sweep, zeroed (`prefix` + name).
    static func block(_ b: inout DriverBuilder, sweep: IR.Expression, count: IR.Expression,
                      prefix: String) -> IdentitySweep {
        let start = b.fresh("start", .int)
        let lanes = b.fresh("lanes", .int)
        let block = IR.Expression.int(DriverBuilder.block)
        let remaining = b.subtract(count, start)
        var statements = [b.declare(start, b.multiply(sweep, block)), b.declare(lanes, b.smaller(remaining, block))]
        var seeds: [IR.Expression] = []
        for parameter in b.active {
            let seed = b.fresh(prefix + parameter.name, .lanes)
            statements.append(b.declare(seed, b.zeros(b.multiply(b.entries(parameter), lanes), .lanes), mutable: true))
            seeds.append(seed)
        }
        return IdentitySweep(statements: statements, seeds: seeds, start: start, lanes: lanes)
    }

    /// A sweep whose direction `lane` is column `start + lane` of the identity.
    static func seeds(_ b: inout DriverBuilder, sweep: IR.Expression, columns: IR.Expression,
                      prefix: String) -> IdentitySweep {
        var sweepBlock = block(&b, sweep: sweep, count: columns, prefix: prefix)
        let lane = b.fresh("lane", .int)
        let column = b.fresh("column", .int)
        var body = [b.declare(column, b.add(sweepBlock.start, lane))]
        for (position, (parameter, seed)) in zip(b.active, sweepBlock.seeds).enumerated() {
            let offset = b.offset(position)
            if parameter.type == .double {
                body.append(b.when(column == offset, [b.store(seed, lane, .lit(1))]))
                continue
            }
            let entry = b.subtract(column, offset)
            let inside = IR.Expression.binary(.and, column >= offset, column < b.add(offset, b.entries(parameter)))
            body.append(b.when(inside, [b.store(seed, b.add(b.multiply(entry, sweepBlock.lanes), lane), .lit(1))]))
        }
        sweepBlock.statements.append(b.loop(lane, to: sweepBlock.lanes, body))
        return sweepBlock
    }
}
