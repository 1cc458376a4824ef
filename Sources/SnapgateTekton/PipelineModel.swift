import SnapgateModel
import SnapgateNode

/// Why a pipeline cannot run at all: a Tekton condition reason and message.
struct RunFailure: Error, Sendable {
    var reason: String
    var message: String
}

/// A declared parameter of a Pipeline or a Task.
struct ParamSpec: Sendable {
    var name: String
    /// `string`, `array` or `object`.
    var type: String
    var defaultValue: ParamValue?

    static func list(_ node: YAMLNode) -> [ParamSpec] {
        node.items("params").compactMap { item in
            guard let name = item.string("name") else { return nil }
            let defaultValue = item["default"].flatMap(ParamValue.init(node:))
            let type =
                item.string("type") ?? defaultValue?.typeName ?? (item["properties"] != nil ? "object" : "string")
            return ParamSpec(name: name, type: type, defaultValue: defaultValue)
        }
    }

    /// The values of `specs` given `provided` ones (undeclared provided values are kept):
    /// defaults fill gaps, object values merge over object defaults. Throws `ParameterMissing` or
    /// `ParameterTypeMismatch` failures, naming `owner` in the message.
    static func resolve(
        _ specs: [ParamSpec], provided: [String: ParamValue], owner: String
    ) throws(RunFailure) -> [String: ParamValue] {
        var values = provided
        var missing: [String] = []
        var mismatched: [String] = []
        for spec in specs {
            if let given = provided[spec.name] {
                if given.typeName != spec.type {
                    mismatched.append("\(spec.name) (declared \(spec.type), given \(given.typeName))")
                } else if case .object(let map) = given, case .object(let defaults)? = spec.defaultValue {
                    values[spec.name] = .object(defaults.merging(map) { $1 })
                }
            } else if let defaultValue = spec.defaultValue {
                values[spec.name] = defaultValue
            } else {
                missing.append(spec.name)
            }
        }
        if !missing.isEmpty {
            throw RunFailure(
                reason: "ParameterMissing",
                message: "\(owner) is missing some required parameters: [\(missing.joined(separator: ", "))]")
        }
        if !mismatched.isEmpty {
            throw RunFailure(
                reason: "ParameterTypeMismatch",
                message: "\(owner) has parameters of the wrong type: \(mismatched.joined(separator: ", "))")
        }
        return values
    }
}

/// A `when` expression of a pipeline task.
struct WhenExpression: Sendable {
    var input: String
    var op: String
    var values: [String]
    var node: YAMLNode
}

/// A pipeline task's binding of a Task workspace to a Pipeline workspace.
struct WorkspaceBinding: Sendable {
    var name: String
    var workspace: String
    var subPath: String
}

/// One entry of a Pipeline's `tasks` or `finally`, read from its node.
struct PipelineTask: Sendable {
    var name: String
    var node: YAMLNode
    var taskRef: YAMLNode?
    var taskSpec: YAMLNode?
    var params: [(name: String, value: ParamValue)]
    var runAfter: [String]
    var when: [WhenExpression]
    var timeoutMilliseconds: Int64?
    var retries: Int
    var workspaces: [WorkspaceBinding]
    var isFinally: Bool
    /// Results of other tasks referenced by params and when expressions.
    var resultReferences: [ResultReference]

    /// Tasks that must end before this one starts: `runAfter` plus tasks whose results it reads.
    var dependencies: [String] {
        var seen = Set<String>()
        return (runAfter + resultReferences.map(\.task)).filter { seen.insert($0).inserted }
    }

    init(node: YAMLNode, isFinally: Bool) throws(RunFailure) {
        let name = node.stringOrEmpty("name")
        self.name = name
        self.node = node
        self.isFinally = isFinally
        taskRef = node.mapping("taskRef")
        taskSpec = node.mapping("taskSpec")
        if taskRef == nil && taskSpec == nil {
            throw RunFailure(
                reason: "PipelineValidationFailed",
                message: "pipeline task \"\(name)\" has neither taskRef nor taskSpec")
        }
        var params: [(name: String, value: ParamValue)] = []
        for item in node.items("params") {
            guard let paramName = item.string("name"), let value = item["value"].flatMap(ParamValue.init(node:)) else {
                throw RunFailure(
                    reason: "PipelineValidationFailed", message: "pipeline task \"\(name)\" has an invalid param")
            }
            params.append((paramName, value))
        }
        self.params = params
        runAfter = node.strings("runAfter")
        var when: [WhenExpression] = []
        for item in node.items("when") {
            guard let input = item.string("input"), let op = item.string("operator") else {
                throw RunFailure(
                    reason: "PipelineValidationFailed",
                    message:
                        "pipeline task \"\(name)\": only when expressions with input, operator and values are supported"
                )
            }
            guard op == "in" || op == "notin" else {
                throw RunFailure(
                    reason: "PipelineValidationFailed",
                    message: "pipeline task \"\(name)\": when operator \"\(op)\" is not in or notin")
            }
            when.append(WhenExpression(input: input, op: op, values: item.strings("values"), node: item))
        }
        self.when = when
        timeoutMilliseconds = node.string("timeout").flatMap(parseGoDuration)
        retries = max(0, node.int("retries") ?? 0)
        workspaces = node.items("workspaces").compactMap { item in
            guard let name = item.string("name") else { return nil }
            return WorkspaceBinding(
                name: name, workspace: item.string("workspace") ?? name, subPath: item.stringOrEmpty("subPath"))
        }
        var texts: [String] = []
        for param in params {
            switch param.value {
            case .string(let text): texts.append(text)
            case .array(let items): texts += items
            case .object(let map): texts += map.values
            }
        }
        for expression in when { texts += [expression.input] + expression.values }
        resultReferences = texts.flatMap(Scope.referencedResults(in:))
    }
}

/// A Pipeline spec read and checked: tasks in spec order, and what it declares.
struct PipelineModel: Sendable {
    var params: [ParamSpec]
    var tasks: [PipelineTask]
    var finally: [PipelineTask]
    var workspaces: [String]
    var results: [(name: String, value: ParamValue)]

    /// All tasks, `tasks` then `finally`, in spec order.
    var allTasks: [PipelineTask] { tasks + finally }

    init(spec: YAMLNode) throws(RunFailure) {
        params = ParamSpec.list(spec)
        var tasks: [PipelineTask] = []
        for node in spec.items("tasks") { tasks.append(try PipelineTask(node: node, isFinally: false)) }
        var finally: [PipelineTask] = []
        for node in spec.items("finally") { finally.append(try PipelineTask(node: node, isFinally: true)) }
        self.tasks = tasks
        self.finally = finally
        workspaces = spec.items("workspaces").compactMap { $0.string("name") }
        results = spec.items("results").compactMap { item in
            guard let name = item.string("name"), let value = item["value"].flatMap(ParamValue.init(node:)) else {
                return nil
            }
            return (name, value)
        }
        try validate()
    }

    private func validate() throws(RunFailure) {
        func fail(_ message: String) -> RunFailure { RunFailure(reason: "PipelineValidationFailed", message: message) }
        var names = Set<String>()
        for task in allTasks {
            guard !task.name.isEmpty else { throw fail("a pipeline task has no name") }
            guard names.insert(task.name).inserted else {
                throw fail("pipeline task \"\(task.name)\" is declared twice")
            }
        }
        let dagNames = Set(tasks.map(\.name))
        for task in allTasks {
            if task.isFinally && !task.runAfter.isEmpty {
                throw fail("finally task \"\(task.name)\" cannot use runAfter")
            }
            for dependency in task.dependencies where !dagNames.contains(dependency) {
                throw fail(
                    "pipeline task \"\(task.name)\" depends on \"\(dependency)\", which is not a task of the pipeline")
            }
            for binding in task.workspaces where !workspaces.contains(binding.workspace) {
                throw fail(
                    "pipeline task \"\(task.name)\" binds workspace \"\(binding.workspace)\", "
                        + "which the pipeline does not declare")
            }
        }
        // Kahn's algorithm: what remains after removing every task without pending dependencies is a cycle.
        var pending = Dictionary(uniqueKeysWithValues: tasks.map { ($0.name, Set($0.dependencies)) })
        while let ready = pending.first(where: { $0.value.isEmpty })?.key {
            pending[ready] = nil
            for key in pending.keys { pending[key]?.remove(ready) }
        }
        if !pending.isEmpty {
            throw fail("invalid graph: cycle detected among tasks \(pending.keys.sorted().joined(separator: ", "))")
        }
    }
}
