import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What stopped a process before it ended by itself; the most specific limit wins when several
/// fire together.
enum StopCause: Sendable, Hashable {
    /// The step's own `timeout`.
    case step
    /// The pipeline task's `timeout` (one attempt).
    case task
    /// The PipelineRun's `timeouts.tasks`.
    case tasks
    /// The PipelineRun's `timeouts.finally`.
    case finally
    /// The PipelineRun's `timeouts.pipeline`.
    case pipeline
    /// The Swift task running the pipeline was cancelled.
    case cancelled
}

/// A point on the monotonic clock after which work must stop, and why.
struct Deadline: Sendable {
    var instant: ContinuousClock.Instant
    var cause: StopCause
}

/// How a step's process ended.
struct ProcessOutcome: Sendable, Hashable {
    /// The exit status, or 128 + the signal number for a process killed by a signal.
    var exitCode: Int32
    /// Set when snapgate stopped the process (a deadline or cancellation).
    var stoppedBy: StopCause?
}

/// A process that could not be started.
struct SpawnFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What to run for one step.
struct ProcessRequest: Sendable {
    /// Absolute path of the program.
    var executable: String
    /// The full argument vector, `argv[0]` included.
    var arguments: [String]
    /// The complete environment of the process.
    var environment: [String: String]
    var workingDirectory: String
    /// stdout and stderr go here (truncated first).
    var logPath: String
}

/// Runs one step as a child process in its own process group, stdin from /dev/null, stdout and
/// stderr to a log file, and kills the whole group (SIGTERM, then SIGKILL after `grace`) when a
/// deadline passes or the calling task is cancelled. Never blocks a thread on `waitpid`: it polls
/// with `WNOHANG` between short sleeps.
enum StepProcess {
    static func run(
        _ request: ProcessRequest, deadlines: [Deadline], grace: Duration = .seconds(1)
    ) async throws(SpawnFailure) -> ProcessOutcome {
        let pid = try spawn(request)
        var status: Int32 = 0
        var stoppedBy: StopCause?
        var killAt: ContinuousClock.Instant?
        var interval = 5
        while true {
            // Look without reaping: while the leader is a zombie its pid (the group id) cannot be
            // reused, so killing the group below cannot hit an unrelated process.
            var info = siginfo_t()
            let looked = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if looked == 0 && info.si_signo == SIGCHLD {
                // Whatever the leader left behind in its group goes with it, as when a container's
                // PID 1 exits.
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                break
            }
            if looked == -1 && errno != EINTR {
                status = 0x7f  // not ours any more (ECHILD): report as killed by an unknown signal
                break
            }
            let now = ContinuousClock.now
            if stoppedBy == nil {
                if Task.isCancelled {
                    stoppedBy = .cancelled
                } else if let due = deadlines.filter({ $0.instant <= now }).min(by: { $0.instant < $1.instant }) {
                    stoppedBy = due.cause
                }
                if stoppedBy != nil {
                    kill(-pid, SIGTERM)
                    killAt = now + grace
                    interval = 5
                }
            } else if let deadline = killAt, now >= deadline {
                kill(-pid, SIGKILL)
                killAt = nil
            }
            await pause(milliseconds: interval)
            interval = min(interval * 2, 100)
        }
        let signal = status & 0x7f
        let exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return ProcessOutcome(exitCode: exitCode, stoppedBy: stoppedBy)
    }

    /// Sleeps without reacting to cancellation (the caller checks it and must keep reaping).
    private static func pause(milliseconds: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                continuation.resume()
            }
        }
    }

    private static func spawn(_ request: ProcessRequest) throws(SpawnFailure) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        posix_spawnattr_setpgroup(&attributes, 0)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, request.logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        _ = GNUSpawn.closeFrom.map { $0(&actions, 3) }
        var executable = request.executable
        var arguments = request.arguments
        if let addChdir = GNUSpawn.addChdir {
            _ = addChdir(&actions, request.workingDirectory)
        } else {
            // Without glibc's addchdir_np: change directory in a shell that then execs the program.
            arguments =
                ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", request.workingDirectory, executable]
                + request.arguments.dropFirst()
            executable = "/bin/sh"
        }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = request.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw SpawnFailure(message: "cannot start \(request.executable): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// The absolute path of `command`: itself when it holds a slash, else the first executable
    /// file of that name in `path` (a `PATH` value).
    static func resolve(command: String, path: String) -> String? {
        if command.contains("/") { return command }
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29) and `…_addclosefrom_np` (2.34), which
/// Swift's Glibc module does not import (they need `_GNU_SOURCE`): looked up once with `dlsym`.
private enum GNUSpawn {
    typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) ->
        Int32
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
