import ADGenCore

/// The `"training"` key of `adgen-config.json`: training declarations (contract, section 7).
///
///     "training": [{"loss": "trainLoss", "weights": "w", "optimizer": "adam", "validation": "validationLoss"}]
///
/// The shape is checked here, at the offending text; the names are checked against the
/// program by the compiler, which reports them at the same positions.
extension Config {
    static let trainingKeys = ["loss", "weights", "optimizer", "validation"]

    func trainingDeclarations(_ value: Any) throws -> [TrainingDeclaration] {
        let positions = JSONPositions(text)
        guard let entries = value as? [Any] else {
            throw invalid("'training' must be an array of declarations, such as "
                              + #"[{"loss": "trainLoss", "weights": "w", "optimizer": "adam"}]"#, at: "training")
        }
        return try entries.indices.map { index in
            try declaration(entries[index], at: "training[\(index)]", positions: positions)
        }
    }

    private func declaration(_ value: Any, at entry: String, positions: JSONPositions) throws -> TrainingDeclaration {
        guard let object = value as? [String: Any] else {
            throw invalid("'\(entry)' must be an object with the keys loss, weights, optimizer and (optionally) validation",
                          offset: positions.offsets[entry])
        }
        for key in object.keys.sorted() where !Self.trainingKeys.contains(key) {
            throw invalid("unknown key '\(key)' in '\(entry)'\(Self.suggestion(for: key, among: Self.trainingKeys)); "
                              + "keys are \(Self.trainingKeys.joined(separator: ", "))", offset: positions.keyOffsets["\(entry).\(key)"])
        }
        var strings: [String: String] = [:]
        for key in Self.trainingKeys {
            guard let field = object[key] else { continue }
            guard let string = field as? String, !string.isEmpty else {
                throw invalid("'\(entry).\(key)' must be a non-empty string", offset: positions.offsets["\(entry).\(key)"])
            }
            strings[key] = string
        }
        for key in Self.trainingKeys.dropLast() where strings[key] == nil {
            throw invalid("'\(entry)' has no '\(key)'; a training declaration needs loss, weights and optimizer",
                          offset: positions.offsets[entry])
        }
        var locations: [TrainingDeclaration.Field: SourceLocation] = [:]
        for field in TrainingDeclaration.Field.allCases {
            if let offset = positions.offsets["\(entry).\(field.rawValue)"], let place = position(ofOffset: offset) {
                locations[field] = SourceLocation(line: place.line, column: place.column, offset: offset)
            }
        }
        return TrainingDeclaration(loss: strings["loss"]!, weights: strings["weights"]!, optimizer: strings["optimizer"]!,
                                   validation: strings["validation"],
                                   origin: .configuration(file: SourceFile(path: path, text: text), positions: locations))
    }

    /// An error at a UTF-8 offset of the file.
    func invalid(_ message: String, offset: Int?) -> Invalid {
        Invalid(path: path, position: position(ofOffset: offset), message: message)
    }
}
