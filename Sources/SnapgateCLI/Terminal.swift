import Foundation
import SnapgateModel

/// Writing to the terminal: stdout, stderr, and colours only where a person is reading.
enum Terminal {
    static func writeOut(_ text: String) { write(text, to: .standardOutput) }

    static func writeErr(_ text: String) { write(text, to: .standardError) }

    /// The text's bytes copied in one piece: `Data(text.utf8)` went byte by byte (a cold
    /// reconcile of a large repository prints a line for each of 10,000 changes).
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { handle.write(Data(buffer: $0)) }
    }

    /// True when stdout is a terminal and `NO_COLOR` is not set (https://no-color.org).
    static var stdoutSupportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// `path:line:column: severity: message`, with the severity coloured when `colors`.
    static func format(_ diagnostic: Diagnostic, colors: Bool) -> String {
        guard colors else { return diagnostic.description }
        var location = diagnostic.path.isEmpty ? "<repository>" : diagnostic.path
        if diagnostic.line > 0 { location += ":\(diagnostic.line):\(diagnostic.column)" }
        let severity =
            diagnostic.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;35mwarning:\u{1B}[0m"
        return "\u{1B}[1m\(location):\u{1B}[0m \(severity) \(diagnostic.message)"
    }
}
