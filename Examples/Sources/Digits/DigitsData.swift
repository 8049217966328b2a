import ExampleSupport
import Foundation

/// Images of one split: `pixels` row-major (64 values in [0, 1] per image) and `labels`.
struct DigitImages {
    var pixels: [Double] = []
    var labels: [Int] = []
    var count: Int { labels.count }
}

/// The shipped digits (Examples/Data/digits.csv), shuffled with a fixed seed and cut into
/// training, validation and test images.
struct DigitsData {
    var training: DigitImages
    var validation: DigitImages
    var test: DigitImages

    /// Reads the CSV next to this package and splits it: `trainingCount` and
    /// `validationCount` images, then up to `testCount` for the test.
    init(trainingCount: Int, validationCount: Int, testCount: Int) throws {
        let all = try DigitsData.load()
        var order = Array(all.indices)
        var random = RandomNumbers(seed: 2026)
        order.shuffle(using: &random)
        let cuts = [0, trainingCount, trainingCount + validationCount,
                    min(trainingCount + validationCount + testCount, order.count)]
        let splits = (0..<3).map { k in
            order[cuts[k]..<cuts[k + 1]].reduce(into: DigitImages()) { images, i in
                images.pixels += all[i].pixels
                images.labels.append(all[i].label)
            }
        }
        (training, validation, test) = (splits[0], splits[1], splits[2])
    }

    /// Examples/Data/digits.csv, found from this source file's path.
    static var csvURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Data/digits.csv").standardized
    }

    /// Every row of the CSV: the label and the 64 pixels scaled from 0…16 to 0…1.
    static func load() throws -> [(label: Int, pixels: [Double])] {
        let text = try String(contentsOf: csvURL, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",").map { Int($0)! }
            return (label: fields[0], pixels: fields.dropFirst().map { Double($0) / 16 })
        }
    }
}
