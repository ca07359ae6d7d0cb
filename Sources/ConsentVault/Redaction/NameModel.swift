/// A linear model that scores each word `NameModelFeatures.isCandidate` admits (a capitalized given
/// name or surname of the lists that is no ordinary word) as part of a person's name, from hashed
/// features of the word and its neighbours: its shape and ending, which name lists hold it, the words
/// around it (a capitalized neighbour only by its class, so no training name is learned by heart) and
/// the punctuation between them. It finds names no cue rule vouches for (`zu Hoffmann nach
/// Lindenweg 4`); the rules' names and every other detection come first. The weights
/// (`NameModelWeights.swift`) are an averaged perceptron's, trained by `consent-vault prompt
/// train-names` on labelled development corpora.
struct NameModel {
    /// Weight of each feature hash; features not listed weigh 0.
    private let weights: [UInt32: Float]
    /// The score a word needs to count as a name.
    let threshold: Float

    /// The shipped model.
    static let shipped = NameModel(encoded: Self.nameModelWeightList, threshold: Self.nameModelThreshold)

    /// A model with `weights`.
    init(weights: [UInt32: Float], threshold: Float) {
        self.weights = weights
        self.threshold = threshold
    }

    /// A model from the generated list: `hash:weight` pairs (hexadecimal hash, decimal weight) separated by whitespace.
    init(encoded: String, threshold: Float) {
        var weights: [UInt32: Float] = [:]
        for pair in encoded.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let hash = UInt32(parts[0], radix: 16), let weight = Float(parts[1]) else { continue }
            weights[hash] = weight
        }
        self.init(weights: weights, threshold: threshold)
    }

    /// The score of word `index` with features `features`.
    func score(_ features: [UInt32]) -> Float {
        features.reduce(0) { $0 + (weights[$1] ?? 0) }
    }

    /// Names the model finds among the words no detection in `taken` covers; adjacent words form one name.
    func names(in words: NameWords, text: ScalarText, taken: [Detection], ruleNames: [Detection]) -> [Detection] {
        let coveredBy = NameModelFeatures.wordsCovered(by: taken, in: words)
        let namedByRule = NameModelFeatures.wordsCovered(by: ruleNames, in: words)
        var isName = namedByRule
        var found: [Detection] = []
        // The word the last name found ends with.
        var lastFoundWord = -2
        for index in 0..<words.count where !coveredBy[index] && NameModelFeatures.isCandidate(index, in: words) {
            let previousIsName = index > 0 && isName[index - 1] && words.areAdjacent(index - 1, index)
            guard score(NameModelFeatures.features(at: index, in: words, text: text, previousIsName: previousIsName)) > threshold else { continue }
            isName[index] = true
            let end = words.nameEnd(index)
            if lastFoundWord == index - 1, words.areAdjacent(index - 1, index) {
                found[found.count - 1].end = end
            } else {
                found.append(Detection(type: .person, start: words[index].start, end: end, priority: DetectionPriority.modelName))
            }
            lastFoundWord = index
        }
        // A street or firm named for someone (`Victoria Road`, `Baker & Sons`) is no person.
        return found.filter { !NameDetector.namesStreetOrFirm($0, in: text) }
    }
}
