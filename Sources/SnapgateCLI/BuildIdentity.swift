import Foundation

/// Identifies the running snapgate executable (its path, size and modification time), so state a
/// pass left behind is trusted only by the same build: a rebuilt snapgate may decide differently.
enum BuildIdentity {
    static let current: String? = {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(path)|\(size)|\(modified.timeIntervalSince1970)"
    }()
}
