import SnapgateModel
import SnapgateYAML

/// Parses one YAML document for a test; fails the test's expectations loudly if it does not parse.
func document(_ text: String, index: Int = 0) -> YAMLDocument {
    let stream = YAMLParser.parse(Array(text.utf8), path: "test.yaml")
    precondition(stream.errors.isEmpty, "test input does not parse: \(stream.errors)")
    return stream.documents[index]
}

/// Decodes the first document of `text` as `path`.
func decode(_ text: String, path: String = "test.yaml", namespace: String = "default") -> DecodedDocument {
    ObjectDecoder.decode(document(text), path: path, defaultNamespace: namespace)
}

extension DecodedDocument {
    var object: ManifestObject? {
        if case .object(let object, _) = self { return object }
        return nil
    }

    var diagnostics: [Diagnostic] {
        switch self {
        case .object(_, let found), .invalid(_, let found): return found
        case .foreign: return []
        }
    }

    var isForeign: Bool {
        if case .foreign = self { return true }
        return false
    }
}
