import Foundation

/// Replaces the names of people marked for pseudonymisation (children always, when asked) with a pseudonym or
/// their initials, everywhere in the case data, and knows every form of the real names to look for afterwards:
/// the full name, each part of it, and the Russian case forms of each part (Рахмона, Рахмоны, Рахмоне, Рахмону…).
public struct Pseudonymisation: Sendable {
    public struct Person: Sendable, Hashable {
        /// Where the person is in the case file (`applicant`, `children[0]`).
        public var path: String
        /// The real names as written (`Каримова Рахмона`, `Karimova Rakhmona`).
        public var names: [String]
        /// The `pseudonym` the case file gives, if any; otherwise each name becomes its own initials.
        public var pseudonym: String?

        /// What stands in for `name` (one of `names`): the pseudonym, or the name's initials in its own script.
        public func replacement(for name: String) -> String { pseudonym ?? Pseudonymisation.initials(of: name) }
    }

    public var people: [Person]

    /// Finds the people to hide: every mapping with `pseudonymise: true`, and every item of the top-level
    /// `children` list when `children` is true (unless it says `pseudonymise: false`).
    public init(document: CaseDocument, children: Bool) {
        var found: [Person] = []
        func visit(_ node: CaseNode, path: String, isChild: Bool) {
            switch node.value {
            case .map(let entries):
                let flag = node["pseudonymise"]?.bool
                if flag == true || (isChild && flag != false), let person = Self.person(node, path: path) {
                    found.append(person)
                }
                for entry in entries where entry.key != "name" {
                    visit(entry.value, path: path.isEmpty ? entry.key : "\(path).\(entry.key)", isChild: false)
                }
            case .list(let items):
                for (index, item) in items.enumerated() {
                    visit(item, path: "\(path)[\(index)]", isChild: children && path == "children")
                }
            default:
                break
            }
        }
        visit(document.root, path: "", isChild: false)
        people = found
    }

    private static func person(_ node: CaseNode, path: String) -> Person? {
        var names: [String] = []
        func collect(_ node: CaseNode) {
            switch node.value {
            case .string(let text): names.append(text)
            case .map(let entries): entries.forEach { collect($0.value) }
            case .list(let items): items.forEach(collect)
            default: break
            }
        }
        if let name = node["name"] { collect(name) }
        for key in ["full_name", "surname", "given_name", "patronymic"] { if let part = node[key] { collect(part) } }
        names = names.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !names.isEmpty else { return nil }
        return Person(path: path, names: names, pseudonym: node["pseudonym"]?.string)
    }

    /// `Каримова Рахмона` → `К. Р.`
    public static func initials(of name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }

    /// The words of the real names worth searching for: two letters or more, not already an initial.
    public var nameParts: [String] {
        var parts: [String] = []
        for person in people {
            for name in person.names {
                for word in name.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }) where word.filter(\.isLetter).count >= 2 {
                    if !parts.contains(String(word)) { parts.append(String(word)) }
                }
            }
        }
        return parts
    }

    /// Every form to look for: each part of a name and its Russian case forms, longest first.
    public var forbiddenForms: [String] {
        var forms = Set<String>()
        for part in nameParts { forms.formUnion(Self.forms(of: part)) }
        return forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// A word and the forms Russian declension gives it: endings replaced on the stem (`Рахмона` → `Рахмоны`,
    /// `Рахмоне`, `Рахмону`, `Рахмоной`; `Каримова` → `Каримовой`, `Каримову`; `Назаров` → `Назарова`,
    /// `Назарову`, `Назаровым`, `Назарове`). Latin names come back as they are.
    public static func forms(of word: String) -> [String] {
        guard word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return [word] }
        let lower = word.lowercased()
        var stems: [String] = [word]
        if let last = lower.last, "аяоеьйы".contains(last) { stems.append(String(word.dropLast())) }
        let endings = ["", "а", "я", "ы", "и", "е", "у", "ю", "ой", "ою", "ей", "ею", "ом", "ем", "ым", "им", "ого", "ому",
                       "ую", "ая", "ий", "ой", "ов", "ев", "ах", "ям", "ами", "ями"]
        var forms = Set<String>()
        for stem in stems where stem.count >= 2 {
            for ending in endings { forms.insert(stem + ending) }
        }
        return forms.sorted()
    }

    /// The case data with every real name, and every form of every part of it, replaced by the pseudonym.
    public func apply(to document: CaseDocument) -> CaseDocument {
        guard !people.isEmpty else { return document }
        var replacements: [(String, String)] = []
        for person in people {
            for name in person.names.sorted(by: { $0.count > $1.count }) { replacements.append((name, person.replacement(for: name))) }
        }
        for person in people {
            for name in person.names {
                for word in name.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }) where word.filter(\.isLetter).count >= 2 {
                    for form in Self.forms(of: String(word)).sorted(by: { $0.count > $1.count }) {
                        replacements.append((form, person.replacement(for: name)))
                    }
                }
            }
        }
        func rewrite(_ node: CaseNode) -> CaseNode {
            var node = node
            switch node.value {
            case .string(let text):
                var result = text
                for (real, pseudonym) in replacements { result = Self.replaceWholeWords(real, with: pseudonym, in: result) }
                // "Каримовой Рахмоны" went word by word to "К. Р. К. Р.": one person, one pseudonym.
                for pseudonym in Set(replacements.map(\.1)) {
                    while result.contains(pseudonym + " " + pseudonym) {
                        result = result.replacingOccurrences(of: pseudonym + " " + pseudonym, with: pseudonym)
                    }
                }
                if result != text {
                    node.value = .string(result)
                    node.source = result
                }
            case .list(let items): node.value = .list(items.map(rewrite))
            case .map(let entries):
                node.value = .map(entries.map { CaseEntry(key: $0.key, keyPosition: $0.keyPosition, value: rewrite($0.value)) })
            default: break
            }
            return node
        }
        return CaseDocument(file: document.file, root: rewrite(document.root), warnings: document.warnings)
    }

    /// The forms of hidden names still present in `text`, as whole words, ignoring case.
    public func traces(in text: String) -> [String] {
        let lowered = text.lowercased()
        return forbiddenForms.filter { form in Self.wholeWordRange(of: form.lowercased(), in: lowered) != nil }
    }

    static func replaceWholeWords(_ target: String, with replacement: String, in text: String) -> String {
        guard text.contains(target) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = wholeWordRange(of: target, in: String(rest)).map({ r -> Range<Substring.Index> in
            let start = rest.index(rest.startIndex, offsetBy: r.lowerBound)
            return start..<rest.index(start, offsetBy: target.count)
        }) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Character offsets of `word` in `text` where neither neighbour is a letter.
    static func wholeWordRange(of word: String, in text: String) -> Range<Int>? {
        let characters = Array(text)
        let target = Array(word)
        guard !target.isEmpty, characters.count >= target.count else { return nil }
        var i = 0
        while i + target.count <= characters.count {
            if characters[i] == target[0] && Array(characters[i..<(i + target.count)]) == target {
                let before = i == 0 || !characters[i - 1].isLetter
                let after = i + target.count == characters.count || !characters[i + target.count].isLetter
                if before && after { return i..<(i + target.count) }
            }
            i += 1
        }
        return nil
    }
}
