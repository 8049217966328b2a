// The dataset this example ships: 100 students, the hours each studied and slept
// before an exam, and whether they passed (1) or not (0). It was drawn once from a
// logistic model (pass probability 1 / (1 + e^-(1.0 studied + 0.7 slept - 9))) with a
// fixed seed and is frozen here, so every run trains on exactly these numbers.

/// (hours studied, hours slept, passed) for each student.
let students: [(studied: Double, slept: Double, passed: Double)] = [
    ( 9.8, 6.8, 1), ( 6.8, 4.2, 1), ( 8.1, 4.9, 1), ( 5.2, 7.5, 1),
    ( 5.5, 9.2, 1), ( 5.4, 9.0, 1), ( 8.7, 6.2, 1), ( 4.0, 7.8, 1),
    ( 2.6, 7.5, 0), ( 2.6, 6.7, 0), ( 6.3, 5.4, 1), ( 4.8, 5.9, 1),
    ( 5.8, 8.2, 1), ( 3.0, 7.0, 1), ( 4.5, 7.2, 1), ( 1.3, 8.7, 0),
    ( 1.8, 6.5, 0), ( 3.9, 8.4, 1), ( 9.2, 6.2, 1), ( 2.0, 5.5, 0),
    ( 7.8, 4.7, 1), ( 5.1, 5.6, 0), ( 4.9, 5.3, 1), ( 4.3, 5.0, 1),
    ( 5.0, 7.6, 1), ( 6.8, 6.4, 1), ( 2.6, 4.5, 0), ( 2.5, 7.2, 0),
    ( 7.1, 5.9, 1), ( 7.7, 7.5, 1), ( 8.9, 6.2, 1), ( 1.0, 6.7, 0),
    ( 9.8, 4.4, 1), ( 6.7, 7.9, 1), ( 2.8, 9.4, 1), ( 2.5, 7.0, 0),
    ( 8.2, 9.4, 1), ( 0.9, 7.1, 0), ( 9.3, 8.5, 1), ( 0.8, 5.6, 0),
    ( 1.0, 6.3, 0), ( 7.9, 5.6, 1), ( 3.1, 6.7, 1), ( 7.7, 5.1, 1),
    ( 3.8, 7.5, 0), ( 4.2, 7.0, 0), ( 7.7, 5.6, 1), ( 5.1, 4.9, 0),
    ( 2.7, 7.1, 0), ( 8.4, 9.3, 1), ( 4.2, 4.0, 0), ( 8.9, 4.6, 1),
    ( 7.2, 4.6, 1), ( 3.5, 8.3, 0), ( 4.8, 5.7, 0), ( 6.4, 5.8, 1),
    ( 7.2, 4.6, 1), ( 3.7, 7.9, 0), ( 8.5, 4.4, 1), ( 6.1, 6.8, 1),
    ( 2.6, 7.7, 0), ( 7.6, 7.5, 1), ( 7.3, 9.4, 1), ( 0.9, 9.2, 0),
    ( 1.6, 4.6, 0), ( 2.3, 5.8, 0), ( 3.0, 7.0, 1), ( 2.2, 7.5, 0),
    ( 7.8, 8.3, 1), ( 3.8, 8.3, 0), ( 5.3, 9.0, 1), ( 4.5, 4.7, 0),
    ( 6.8, 6.9, 1), ( 4.1, 9.0, 1), ( 3.4, 5.5, 0), ( 9.7, 4.3, 1),
    ( 4.8, 6.4, 0), ( 3.1, 9.3, 1), ( 5.1, 7.5, 1), ( 3.7, 5.5, 0),
    ( 3.2, 4.9, 0), ( 7.1, 8.1, 1), ( 4.6, 9.4, 1), ( 3.3, 8.9, 1),
    ( 0.5, 5.1, 0), ( 9.1, 7.3, 1), ( 9.7, 4.5, 1), ( 9.7, 7.4, 1),
    ( 5.1, 9.0, 1), ( 8.5, 6.3, 1), ( 7.2, 4.7, 0), ( 4.7, 5.0, 0),
    ( 6.8, 9.3, 1), ( 9.5, 5.1, 1), ( 9.5, 6.2, 1), ( 4.0, 6.4, 0),
    ( 9.1, 5.5, 1), ( 2.9, 5.3, 0), ( 0.6, 4.6, 0), ( 0.6, 4.6, 0),]

/// The features as the model wants them: a row-major matrix (one row of
/// `featureCount` values per student), each column standardised to mean 0 and
/// standard deviation 1 so that one learning rate suits every weight.
struct Dataset {
    static let featureCount = 2
    var x: [Double]
    var y: [Double]
    var count: Int { y.count }

    init(_ rows: [(studied: Double, slept: Double, passed: Double)]) {
        let columns = [rows.map(\.studied), rows.map(\.slept)]
        let standardised = columns.map { column -> [Double] in
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
            return column.map { ($0 - mean) / variance.squareRoot() }
        }
        x = rows.indices.flatMap { i in standardised.map { $0[i] } }
        y = rows.map(\.passed)
    }

    /// The features of sample `i`.
    func row(_ i: Int) -> [Double] {
        Array(x[(i * Self.featureCount)..<((i + 1) * Self.featureCount)])
    }
}
