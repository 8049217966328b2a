import ExampleSupport
import Foundation

/// Points of one split: `points` row-major (x, y per point) and `labels` (0 or 1).
struct LabelledPoints {
    var points: [Double] = []
    var labels: [Double] = []
    var count: Int { labels.count }
}

/// The synthetic two-class problem: class 1 on a ring of radius 1, class 0 on a ring of
/// radius 1.7 around it, both with Gaussian noise of 0.3 in the radius, so the classes
/// overlap and no line separates them. Half of each split is each class.
func rings(count: Int, random: inout RandomNumbers) -> LabelledPoints {
    var set = LabelledPoints()
    for k in 0..<count {
        let label = Double(k % 2)
        let radius = (label == 1 ? 1.0 : 1.7) + 0.3 * random.normal()
        let angle = Double.random(in: 0..<(2 * Double.pi), using: &random)
        set.points += [radius * cos(angle), radius * sin(angle)]
        set.labels.append(label)
    }
    return set
}

/// Training, validation and test points, from one fixed seed.
struct RingsData {
    var training: LabelledPoints
    var validation: LabelledPoints
    var test: LabelledPoints

    init(trainingCount: Int, validationCount: Int, testCount: Int) {
        var random = RandomNumbers(seed: 7)
        training = rings(count: trainingCount, random: &random)
        validation = rings(count: validationCount, random: &random)
        test = rings(count: testCount, random: &random)
    }
}
