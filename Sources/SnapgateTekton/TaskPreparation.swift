import Foundation
import SnapgateModel
import SnapgateNode

/// A step with every variable substituted, ready to start.
struct PreparedStep: Sendable {
    var name: String
    var image: String
    /// The process to start; `logPath` is set by the runner.
    var process: ProcessRequest
    var workingDirectory: String { process.workingDirectory }
    var timeoutMilliseconds: Int64?
    /// `onError: continue`.
    var continueOnError: Bool
}

/// The steps of one attempt of a TaskRun.
struct PreparedTask: Sendable {
    var steps: [PreparedStep]
}

/// The `PATH` steps get when the allow-listed environment has none.
let defaultStepPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

extension TaskRunner {
    /// Resolves task params and workspaces, substitutes variables in every step and writes the
    /// scripts. Throws a `TaskRunValidationFailed` failure for what the local executor cannot run.
    static func prepare(
        _ request: TaskRunRequest, attempt: Int, base: String, resultsDirectory: String
    ) throws -> PreparedTask {
        let spec = request.taskSpec
        let name = request.taskRunName
        func invalid(_ message: String) -> RunFailure {
            RunFailure(reason: "TaskRunValidationFailed", message: message)
        }
        let params: [String: ParamValue]
        do {
            params = try ParamSpec.resolve(
                ParamSpec.list(spec), provided: Dictionary(request.params, uniquingKeysWith: { $1 }),
                owner: "TaskRun \"\(name)\"")
        } catch {
            throw invalid(error.message)
        }

        var scope = Scope(params: params, plain: request.context)
        scope.plain["context.taskRun.name"] = name
        scope.plain["context.taskRun.namespace"] = request.namespace
        scope.plain["context.taskRun.uid"] = request.uid
        scope.plain["context.task.name"] = request.taskName
        scope.plain["context.task.retry-count"] = String(attempt)
        for result in spec.items("results").compactMap({ $0.string("name") }) {
            scope.plain["results.\(result).path"] = "\(resultsDirectory)/\(result)"
        }
        var defaultDirectory: String?
        for workspace in spec.items("workspaces") {
            guard let workspaceName = workspace.string("name") else { continue }
            var path = ""
            if let binding = request.pipelineTask.workspaces.first(where: { $0.name == workspaceName }),
                let root = request.workspacePaths[binding.workspace]
            {
                path = binding.subPath.isEmpty ? root : "\(root)/\(binding.subPath)"
            } else if workspace.bool("optional") != true {
                path = "\(base)/workspaces/\(workspaceName)"
            }
            if !path.isEmpty {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                defaultDirectory = defaultDirectory ?? path
            }
            scope.plain["workspaces.\(workspaceName).path"] = path
            scope.plain["workspaces.\(workspaceName).bound"] = path.isEmpty ? "false" : "true"
            scope.plain["workspaces.\(workspaceName).claim"] = ""
            scope.plain["workspaces.\(workspaceName).volume"] = workspaceName
        }

        let template = spec.mapping("stepTemplate") ?? .mapping([])
        var steps: [PreparedStep] = []
        for (index, step) in spec.items("steps").enumerated() {
            let stepName = step.string("name") ?? "unnamed-\(index)"
            var stepScope = scope
            let stepResults = "\(base)/steps/\(stepName)/results"
            try FileManager.default.createDirectory(atPath: stepResults, withIntermediateDirectories: true)
            for result in step.items("results").compactMap({ $0.string("name") }) {
                stepScope.plain["step.results.\(result).path"] = "\(stepResults)/\(result)"
            }

            var environment = request.environment
            environment["HOME"] = "\(base)/home"
            environment["PATH"] = request.environment["PATH"] ?? defaultStepPath
            for variable in template.items("env") + step.items("env") {
                guard let variableName = variable.string("name") else { continue }
                if variable["valueFrom"] != nil {
                    throw invalid(
                        "step \"\(stepName)\": env \"\(variableName)\" uses valueFrom, which the local executor "
                            + "cannot resolve")
                }
                environment[variableName] = stepScope.substitute(variable.stringOrEmpty("value"))
            }
            if step["envFrom"] != nil || template["envFrom"] != nil {
                throw invalid("step \"\(stepName)\": envFrom is not supported by the local executor")
            }

            let args = stepScope.substitute(list: step["args"] != nil ? step.strings("args") : template.strings("args"))
            let executable: String
            let arguments: [String]
            if let script = step.string("script") {
                guard step["command"] == nil else {
                    throw invalid("step \"\(stepName)\" has both script and command")
                }
                let text = stepScope.substitute(script)
                let path = "\(base)/scripts/\(index)-\(stepName)"
                let contents = text.hasPrefix("#!") ? text : "#!/bin/sh\nset -e\n" + text
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
                // Start the interpreter as the kernel would, rather than exec the file: a file just
                // written may still be open in a process another thread is spawning (ETXTBSY).
                let interpreter = Self.interpreter(of: contents)
                executable = interpreter.first ?? "/bin/sh"
                arguments = interpreter + [path] + args
            } else {
                let command = stepScope.substitute(
                    list: step["command"] != nil ? step.strings("command") : template.strings("command"))
                guard let first = command.first else {
                    throw invalid(
                        "step \"\(stepName)\" has neither script nor command; the local executor does not run "
                            + "image entrypoints")
                }
                executable = StepProcess.resolve(command: first, path: environment["PATH"] ?? defaultStepPath) ?? first
                arguments = command + args
            }

            let fallback = defaultDirectory ?? "\(base)/work"
            var directory = stepScope.substitute(step.string("workingDir") ?? template.string("workingDir") ?? "")
            if directory.isEmpty {
                directory = fallback
            } else if !directory.hasPrefix("/") {
                directory = "\(fallback)/\(directory)"
            }
            steps.append(
                PreparedStep(
                    name: stepName,
                    image: stepScope.substitute(step.string("image") ?? template.stringOrEmpty("image")),
                    process: ProcessRequest(
                        executable: executable, arguments: arguments, environment: environment,
                        workingDirectory: directory, logPath: ""),
                    timeoutMilliseconds: step.string("timeout").flatMap(parseGoDuration),
                    continueOnError: step.string("onError") == "continue"))
        }
        if steps.isEmpty { throw invalid("Task of TaskRun \"\(name)\" has no steps") }
        return PreparedTask(steps: steps)
    }

    /// The interpreter and its optional argument from a script's `#!` line (Linux passes the rest
    /// of the line as one argument).
    static func interpreter(of script: String) -> [String] {
        let line = script.prefix { $0 != "\n" }.dropFirst(2).trimmingCharacters(in: .whitespaces)
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return [line] }
        let argument = line[space...].trimmingCharacters(in: .whitespaces)
        return [String(line[..<space])] + (argument.isEmpty ? [] : [argument])
    }
}
