import Foundation

/// A tiny C program that runs a command and reports its peak memory, built with `cc` next to
/// the floor.
///
/// Linux charges a child's `ru_maxrss` with the memory of the process it was forked (or
/// vforked) from at the moment it calls `exec`, so a child spawned by the bench directly would
/// report at least the bench's own peak, which the warm passes make large. A child forked from
/// this helper (a megabyte or so) reports its own peak.
struct Meter: Sendable {
    /// The compiled helper: `meter REPORT PROGRAM ARGS…` writes `status maxrss seconds` to REPORT
    /// (`ru_maxrss` as the system reports it: kilobytes on Linux).
    let executable: URL

    /// What the helper measured of the program it ran.
    struct Reading: Sendable {
        /// The exit status, or 128 + the signal number.
        var status: Int32
        /// Peak resident memory, bytes.
        var peakBytes: Int64
        /// Seconds from fork to reaping, by the helper's monotonic clock.
        var seconds: Double
    }

    /// Builds the helper into `directory`.
    static func build(into directory: URL, spawner: Spawner) throws -> Meter {
        let source = directory.appendingPathComponent("meter.c")
        let output = directory.appendingPathComponent("meter")
        try Data(Self.source.utf8).write(to: source)
        let result = try spawner.run("cc", ["-O2", "-o", output.path, source.path])
        guard result.status == 0 else {
            throw SetupError(description: "cannot build the memory meter with cc: \(result.firstErrorLine)")
        }
        return Meter(executable: output)
    }

    /// Reads the report the helper wrote to `path`.
    static func reading(at path: String) -> Reading? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, let status = Int32(fields[0]), let kilobytes = Int64(fields[1]),
            let seconds = Double(fields[2])
        else { return nil }
        #if canImport(Darwin)
            return Reading(status: status, peakBytes: kilobytes, seconds: seconds)
        #else
            return Reading(status: status, peakBytes: kilobytes * 1024, seconds: seconds)
        #endif
    }

    private static let source = """
        #include <errno.h>
        #include <stdio.h>
        #include <sys/resource.h>
        #include <sys/wait.h>
        #include <time.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
          if (argc < 3) { fprintf(stderr, "usage: meter REPORT PROGRAM [ARG...]\\n"); return 125; }
          struct timespec t0, t1;
          clock_gettime(CLOCK_MONOTONIC, &t0);
          pid_t pid = fork();
          if (pid < 0) { perror("fork"); return 126; }
          if (pid == 0) { execvp(argv[2], argv + 2); perror(argv[2]); _exit(127); }
          int status = 0; struct rusage usage;
          while (wait4(pid, &status, 0, &usage) < 0) if (errno != EINTR) { perror("wait4"); return 126; }
          clock_gettime(CLOCK_MONOTONIC, &t1);
          int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
          FILE *report = fopen(argv[1], "w");
          if (!report) { perror(argv[1]); return 126; }
          fprintf(report, "%d %ld %.9f\\n", code, (long)usage.ru_maxrss,
                  (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
          fclose(report);
          return code;
        }
        """
}
