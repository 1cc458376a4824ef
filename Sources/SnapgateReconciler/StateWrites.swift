import Foundation
import Synchronization

/// A reconciler's writes of its state files (the pass index and memo under `.git/snapgate/state`),
/// one after the other and off the pass's path: a cold pass of a large repository spent ~7 ms
/// writing its index after publishing, while the report that follows could use the other core.
/// One queue per process: the next pass of any reconciler waits for them before it reads.
final class StateWrites: Sendable {
    /// The process's queue.
    static let process = StateWrites()

    private let last = Mutex<Task<Void, Never>?>(nil)

    /// Runs `write` on another thread, after every write started before it.
    func start(_ write: @escaping @Sendable () -> Void) {
        last.withLock { last in
            let previous = last
            last = Task.detached {
                await previous?.value
                write()
            }
        }
    }

    /// Waits for every write started so far.
    func settle() async {
        let pending = last.withLock { $0 }
        await pending?.value
    }

    /// Replaces the file at `path` with `pieces`, written one after the other to a temporary
    /// file beside it that is then renamed over it (creating its folder if need be). A failure
    /// leaves nothing behind, and costs the next pass only its head start.
    ///
    /// Not flushed to disk (`fsync`): state files are caches that say whether they are whole —
    /// the index ends with an `end` line, the memo is JSON — and one that a crash cut short
    /// reads as no file, so the next pass does everything. Flushing the index (2 MB for the
    /// benchmark's largest repository) and the memo cost ~2.5 ms at the end of every pass.
    static func replaceFile(at path: String, with pieces: [[UInt8]]) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var written = true
        for piece in pieces where written {
            written = piece.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { return false }
                    offset += count
                }
                return true
            }
        }
        if close(descriptor) != 0 { written = false }
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }
}
