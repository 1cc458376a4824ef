public import Foundation

/// Where the package and its neighbours are, found from this file's path.
public enum PackagePaths {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` beside the package (present in development and in CI).
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The sample repository.
    public static let sampleRepository = root.appendingPathComponent("sample-repo")
}
