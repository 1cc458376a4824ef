public enum YAMLEmitter {
    public enum KeyOrder: Sendable { case canonical, preserve }
    public static func emit(_ node: YAMLNode, keyOrder: KeyOrder = .canonical) -> String { "" }
    public static func emit(documents: [YAMLNode], keyOrder: KeyOrder = .canonical) -> String { "" }
}
