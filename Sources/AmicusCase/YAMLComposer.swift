internal import CYaml

/// Builds the case tree straight from libyaml's events (the C parser Yams wraps), keeping the position of every
/// node and key.
///
/// Why not `Yams.compose`: its duplicate-key check names only the first of the two lines, compares `1` and
/// `"1"` as different keys, and hashes whole subtrees used as keys, so a few lines of aliases used as a key
/// (`? *bomb`) hang it. Working from events lets this reader count every node an alias expands to and stop at a
/// limit before any expansion happens, report both lines of a duplicate key, and refuse keys that are not text.
struct YAMLComposer {
    /// Ends reading at once: the YAML cannot be parsed further, or a limit was hit.
    struct Abort: Error {
        let diagnostic: CaseDiagnostic
    }

    let file: String
    let limits: CaseLoader.Limits
    let source: SourceBytes
    private(set) var diagnostics: [CaseDiagnostic] = []

    private var parser: LibYAMLParser
    private var anchors: [String: (node: CaseNode, size: Int)] = [:]
    private var nodeCount = 0

    init(file: String, source: SourceBytes, limits: CaseLoader.Limits) {
        self.file = file
        self.source = source
        self.limits = limits
        self.parser = LibYAMLParser()
    }

    /// Reads the single document of the file. Returns nil for a file with no document (empty, or only
    /// comments); the non-fatal problems found are in `diagnostics`.
    mutating func composeDocument() throws(Abort) -> CaseNode? {
        guard !source.bytes.isEmpty else { return nil }
        let bytes = source.bytes
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Abort) -> CaseNode? in
            guard parser.ready, let base = buffer.baseAddress else {
                throw Abort(diagnostic: CaseDiagnostic(file: file, at: .start, "out of memory reading YAML"))
            }
            yaml_parser_set_input_string(&parser.state, base, buffer.count)
            _ = try nextEvent()  // stream start
            let first = try nextEvent()
            guard first.kind == .documentStart else { return nil }
            let root = try composeNode(from: try nextEvent(), path: .root, depth: 0).node
            _ = try nextEvent()  // document end
            let after = try nextEvent()
            if after.kind == .documentStart {
                throw Abort(diagnostic: CaseDiagnostic(file: file, at: after.start,
                    "a second YAML document starts here (after `---`); a case file holds one document"))
            }
            return root
        }
    }

    // MARK: - Nodes

    private mutating func composeNode(from event: Event, path: CasePath, depth: Int)
        throws(Abort) -> (node: CaseNode, size: Int) {
        switch event.kind {
        case .alias:
            return try resolveAlias(event, path: path)
        case .scalar:
            try count(1, at: event.start)
            let node = scalarNode(event, path: path)
            register(event.anchor, node: node, size: 1)
            return (node, 1)
        case .sequenceStart:
            try enter(depth, at: event.start)
            try count(1, at: event.start)
            checkCollectionTag(event, allowed: ["tag:yaml.org,2002:seq"], path: path)
            var items: [CaseNode] = []
            var size = 1
            while true {
                let next = try nextEvent()
                if next.kind == .sequenceEnd { break }
                let item = try composeNode(from: next, path: path.appending(index: items.count), depth: depth + 1)
                items.append(item.node)
                size += item.size
            }
            let node = CaseNode(.list(items), at: event.start)
            register(event.anchor, node: node, size: size)
            return (node, size)
        case .mappingStart:
            try enter(depth, at: event.start)
            try count(1, at: event.start)
            checkCollectionTag(event, allowed: ["tag:yaml.org,2002:map"], path: path)
            let (entries, size) = try composeMapping(path: path, depth: depth)
            let node = CaseNode(.map(entries), at: event.start)
            register(event.anchor, node: node, size: size)
            return (node, size)
        default:
            throw Abort(diagnostic: CaseDiagnostic(file: file, at: event.start, path: path,
                "unexpected YAML structure here"))
        }
    }

    private mutating func resolveAlias(_ event: Event, path: CasePath) throws(Abort) -> (node: CaseNode, size: Int) {
        let name = event.anchor ?? ""
        guard let target = anchors[name] else {
            diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                "*\(name) refers to no anchor &\(name) defined above it"))
            try count(1, at: event.start)
            return (CaseNode(.null, at: event.start), 1)
        }
        try count(target.size, at: event.start)
        var node = target.node
        node.position = event.start
        return (node, target.size)
    }

    /// A mapping's entries in file order. Keys must be text; a key written twice is an error naming both lines;
    /// `<<: *anchor` merges another mapping's entries, the mapping's own keys winning.
    private mutating func composeMapping(path: CasePath, depth: Int) throws(Abort) -> ([CaseEntry], Int) {
        enum Item { case own(CaseEntry), merged([CaseEntry]) }
        var items: [Item] = []
        var firstSeen: [String: SourcePosition] = [:]
        var size = 1
        while true {
            let keyEvent = try nextEvent()
            if keyEvent.kind == .mappingEnd { break }
            let keyText = try keyString(keyEvent, path: path, depth: depth)
            let isMerge = keyEvent.kind == .scalar && keyEvent.style == .plain && keyEvent.tag == nil
                && keyEvent.value == "<<"
            let childPath = path.appending(keyText ?? "?")
            let value = try composeNode(from: try nextEvent(), path: childPath, depth: depth + 1)
            size += value.size
            if isMerge {
                items.append(.merged(mergeEntries(value.node, path: path)))
                continue
            }
            guard let keyText else { continue }
            if let first = firstSeen[keyText] {
                diagnostics.append(CaseDiagnostic(file: file, at: keyEvent.start, path: childPath,
                    "duplicate key \"\(keyText)\": first written at line \(first.line), again at line "
                    + "\(keyEvent.start.line); a key may appear only once in a mapping, so keep one of them"))
                continue
            }
            firstSeen[keyText] = keyEvent.start
            items.append(.own(CaseEntry(key: keyText, keyPosition: keyEvent.start, value: value.node)))
        }
        var entries: [CaseEntry] = []
        var taken = Set(firstSeen.keys)
        for item in items {
            switch item {
            case .own(let entry):
                entries.append(entry)
            case .merged(let merged):
                for entry in merged where !taken.contains(entry.key) {
                    taken.insert(entry.key)
                    entries.append(entry)
                }
            }
        }
        return (entries, size)
    }

    /// The text of a key, or nil (with a diagnostic) when the key is a list or mapping.
    private mutating func keyString(_ event: Event, path: CasePath, depth: Int) throws(Abort) -> String? {
        switch event.kind {
        case .scalar:
            try count(1, at: event.start)
            if let tag = event.tag, !ScalarTags.isText(tag) {
                diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                    "the tag \(ScalarTags.display(tag)) is not supported on a key"))
            }
            register(event.anchor, node: CaseNode(.string(event.value), at: event.start, source: event.value), size: 1)
            return event.value
        case .alias:
            let target = try resolveAlias(event, path: path)
            if let text = target.node.scalarText, target.node.list == nil, target.node.entries == nil {
                return text
            }
            diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                "a key must be text, but *\(event.anchor ?? "") is \(target.node.kindDescription)"))
            return nil
        default:
            let what = event.kind == .sequenceStart ? "a list" : "a mapping"
            _ = try composeNode(from: event, path: path, depth: depth + 1)
            diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                "a key must be text, not \(what)"))
            return nil
        }
    }

    private mutating func mergeEntries(_ node: CaseNode, path: CasePath) -> [CaseEntry] {
        switch node.value {
        case .map(let entries):
            return entries
        case .list(let items) where items.allSatisfy({ $0.entries != nil }):
            return items.flatMap { $0.entries ?? [] }
        default:
            diagnostics.append(CaseDiagnostic(file: file, at: node.position, path: path,
                "`<<` merges a mapping (or a list of mappings) into this one, but here it is given "
                + node.kindDescription))
            return []
        }
    }

    private mutating func scalarNode(_ event: Event, path: CasePath) -> CaseNode {
        var style = event.style
        if let tag = event.tag {
            if ScalarTags.isText(tag) {
                style = .block  // `!!str 0123` and `! 0123`: the author asked for text
            } else {
                diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                    "the tag \(ScalarTags.display(tag)) is not supported in case files; remove it "
                    + "(use quotes to keep a value as text)"))
                return CaseNode(.string(event.value), at: event.start, source: event.value)
            }
        }
        switch ScalarTyping.type(event.value, style: style) {
        case .value(let value):
            return CaseNode(value, at: event.start, source: event.value)
        case .impossibleDate(let reason):
            diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
                "\"\(event.value)\" is not a real date: \(reason)"))
            return CaseNode(.string(event.value), at: event.start, source: event.value)
        }
    }

    private mutating func checkCollectionTag(_ event: Event, allowed: Set<String>, path: CasePath) {
        guard let tag = event.tag, !allowed.contains(tag), tag != "!" else { return }
        diagnostics.append(CaseDiagnostic(file: file, at: event.start, path: path,
            "the tag \(ScalarTags.display(tag)) is not supported in case files; remove it"))
    }

    // MARK: - Limits

    private mutating func register(_ anchor: String?, node: CaseNode, size: Int) {
        guard let anchor else { return }
        anchors[anchor] = (node, size)
    }

    /// Counts values as they would be if every alias were written out, and stops past the limit: an "alias
    /// bomb" of a few lines would otherwise expand to billions of values.
    private mutating func count(_ added: Int, at position: SourcePosition) throws(Abort) {
        nodeCount += added
        if nodeCount > limits.maxNodes {
            throw Abort(diagnostic: CaseDiagnostic(file: file, at: position,
                "the file expands to more than \(grouped(limits.maxNodes)) values (every use of an alias "
                + "`*name` counts its whole anchored value); reading stopped here"))
        }
    }

    private func enter(_ depth: Int, at position: SourcePosition) throws(Abort) {
        if depth >= limits.maxDepth {
            throw Abort(diagnostic: CaseDiagnostic(file: file, at: position,
                "values are nested more than \(limits.maxDepth) levels deep; reading stopped here"))
        }
    }

    // MARK: - Events

    private mutating func nextEvent() throws(Abort) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(&parser.state, &raw) == 1 else {
            throw Abort(diagnostic: YAMLSyntaxError.diagnostic(parser: parser.state, source: source, file: file))
        }
        defer { yaml_event_delete(&raw) }
        return Event(raw)
    }
}

/// Owns libyaml's parser state and frees it.
private final class LibYAMLParser {
    var state = yaml_parser_t()
    let ready: Bool

    init() {
        ready = yaml_parser_initialize(&state) == 1
        if ready { yaml_parser_set_encoding(&state, YAML_UTF8_ENCODING) }
    }

    deinit {
        if ready { yaml_parser_delete(&state) }
    }
}

/// The parts of a libyaml event this reader uses, copied out before the event is freed.
private struct Event {
    enum Kind { case streamStart, streamEnd, documentStart, documentEnd, alias, scalar,
                     sequenceStart, sequenceEnd, mappingStart, mappingEnd, other }

    var kind: Kind = .other
    var start: SourcePosition
    var anchor: String?
    var tag: String?
    var value = ""
    var style: ScalarTyping.Style = .plain

    init(_ event: yaml_event_t) {
        start = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias
            anchor = cString(event.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let scalar = event.data.scalar
            anchor = cString(scalar.anchor)
            tag = cString(scalar.tag)
            if let bytes = scalar.value {
                value = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(scalar.length)), as: UTF8.self)
            }
            switch scalar.style {
            case YAML_PLAIN_SCALAR_STYLE: style = .plain
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
            default: style = .block
            }
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            anchor = cString(event.data.sequence_start.anchor)
            tag = cString(event.data.sequence_start.tag)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            anchor = cString(event.data.mapping_start.anchor)
            tag = cString(event.data.mapping_start.tag)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .other
        }
    }
}

private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
}

/// Which explicit tags a case file may carry: only the ones that ask for text.
enum ScalarTags {
    static func isText(_ tag: String) -> Bool { tag == "tag:yaml.org,2002:str" || tag == "!" }

    static func display(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// 1000000 → "1,000,000", for limits in messages.
func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var text = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return text
}
