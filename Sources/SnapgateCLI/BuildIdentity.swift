import Foundation

/// Identifies the running snapgate executable (its path, size and modification time), so state a
/// pass left behind is trusted only by the same build: a rebuilt snapgate may decide differently.
enum BuildIdentity {
    static let current: String? = {
        // `stat` itself: `FileManager.attributesOfItem` also looks up the owner's user and group
        // names (reading nsswitch.conf, /etc/passwd and /etc/group) on every start of a pass.
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = status.st_mtimespec
        #else
            let modified = status.st_mtim
        #endif
        return "\(path)|\(status.st_size)|\(modified.tv_sec).\(modified.tv_nsec)"
    }()
}
