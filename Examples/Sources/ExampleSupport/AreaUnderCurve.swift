/// The area under the ROC curve of `scores` for binary `labels` (1 positive, 0 negative):
/// the probability that a random positive scores above a random negative (ties count half).
public func areaUnderCurve(scores: [Double], labels: [Double]) -> Double {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var rankSumPositive = 0.0
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
        let averageRank = Double(i + j) / 2 + 1
        for k in i...j where labels[order[k]] == 1 { rankSumPositive += averageRank }
        i = j + 1
    }
    let positives = Double(labels.filter { $0 == 1 }.count)
    let negatives = Double(labels.count) - positives
    return (rankSumPositive - positives * (positives + 1) / 2) / (positives * negatives)
}
