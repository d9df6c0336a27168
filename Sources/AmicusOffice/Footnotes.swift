import AmicusTemplate
import Foundation

/// `{{ footnote("…") }}`: a real footnote where the tag stands, so that UN and ECtHR filings can give their
/// sources the way those bodies expect, from case data, in loops.
///
/// The function only marks its text with two noncharacters (U+FDD2 … U+FDD3). The body part's escaper turns the
/// marks into format markup around the escaped note text, and a pass over the rendered part finishes the job:
/// in DOCX the note text moves to word/footnotes.xml under a fresh id and the run that held the tag is reopened
/// with its own formatting after the reference; in ODT the note stays inline (`text:note`) and gets its id and
/// number. Anywhere else (a header, a property) the marks reach an escaper without note markup and the tag is
/// an error.
enum Footnotes {
    static let open = Unicode.Scalar(0xFDD2)!
    static let close = Unicode.Scalar(0xFDD3)!
    /// DOCX: where the formatting of the run that held the tag is copied back.
    static let runProperties = Unicode.Scalar(0xFDD4)!
    /// ODT: where the note's number goes.
    static let number = Unicode.Scalar(0xFDD5)!

    static let openBytes: [UInt8] = [0xEF, 0xB7, 0x92]
    static let closeBytes: [UInt8] = [0xEF, 0xB7, 0x93]
    static let runPropertiesBytes: [UInt8] = [0xEF, 0xB7, 0x94]
    static let numberBytes: [UInt8] = [0xEF, 0xB7, 0x95]

    static let function: TemplateFunction = { (args, kwargs) throws(TemplateCallError) -> Value in
        guard kwargs.isEmpty, args.count == 1 else {
            throw TemplateCallError("footnote() takes one argument, the text of the note: footnote('Source: …')")
        }
        let text: String
        switch args[0] {
        case .string(let s): text = s
        case .int, .double, .date: text = args[0].printed
        case .none: throw TemplateCallError("footnote() was given a null value: the note would be empty")
        default: throw TemplateCallError("footnote() needs text, not \(args[0].typeName)")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw TemplateCallError("footnote() was given empty text: the note would be empty")
        }
        if text.unicodeScalars.contains(where: { (0xFDD0...0xFDEF).contains($0.value) }) {
            throw TemplateCallError("the note text contains a Unicode noncharacter (U+FDD0–U+FDEF), which a document cannot hold")
        }
        var marked = String.UnicodeScalarView()
        marked.append(open)
        marked.append(contentsOf: text.unicodeScalars)
        marked.append(close)
        return .string(String(marked))
    }

    // MARK: markup the escapers write

    /// WordprocessingML: close the run, keep the note text between the marks, reopen the run (its properties are
    /// filled in by `resolveDocx`).
    static func docxMarkup(prefix w: String) -> NoteMarkup {
        NoteMarkup(open: Array("</\(w)t></\(w)r>".utf8) + openBytes,
                   close: closeBytes + Array("<\(w)r>".utf8) + runPropertiesBytes + Array("<\(w)t xml:space=\"preserve\">".utf8))
    }

    /// OpenDocument: the note inline; its id and citation number are filled in by `resolveOdf`.
    static func odfMarkup(prefix t: String) -> NoteMarkup {
        NoteMarkup(open: Array("<\(t)note \(t)id=\"amicus-note-".utf8) + numberBytes
                       + Array("\" \(t)note-class=\"footnote\"><\(t)note-citation>".utf8) + numberBytes
                       + Array("</\(t)note-citation><\(t)note-body><\(t)p \(t)style-name=\"Footnote\">".utf8),
                   close: Array("</\(t)p></\(t)note-body></\(t)note>".utf8))
    }

    static func containsNotes(_ part: String) -> Bool {
        part.utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: openBytes, in: $0) != nil || ByteSearch.firstIndex(of: numberBytes, in: $0) != nil } ?? part.unicodeScalars.contains { $0 == open || $0 == number }
    }

    // MARK: DOCX

    /// Replaces every marked note in a rendered document part by a footnote reference numbered from `firstID`,
    /// and returns the part with the notes' (escaped) texts in order.
    static func resolveDocx(_ part: String, prefix w: String, firstID: Int) -> (part: String, notes: [String]) {
        let bytes = Array(part.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var notes: [String] = []
        var referenceStart = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if matches(bytes, at: i, openBytes), let end = ByteSearch.firstIndex(of: closeBytes, in: bytes, from: i + 3) {
                notes.append(String(decoding: bytes[(i + 3)..<end], as: UTF8.self))
                let id = firstID + notes.count - 1
                referenceStart = out.count
                out.append(contentsOf: Array("<\(w)r><\(w)rPr><\(w)rStyle \(w)val=\"FootnoteReference\"/></\(w)rPr><\(w)footnoteReference \(w)id=\"\(id)\"/></\(w)r>".utf8))
                i = end + 3
                continue
            }
            if matches(bytes, at: i, runPropertiesBytes) {
                out.append(contentsOf: runProperties(ofRunBefore: referenceStart, in: out, prefix: w))
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), notes)
    }

    /// The `<w:rPr>…</w:rPr>` of the run that held the tag: the last run opened before the note's reference.
    /// Empty when that run had no properties.
    private static func runProperties(ofRunBefore end: Int, in bytes: [UInt8], prefix w: String) -> [UInt8] {
        let plain = Array("<\(w)r>".utf8)
        let withAttributes = Array("<\(w)r ".utf8)
        var k = end - 1
        while k >= 0 && !matches(bytes, at: k, plain) && !matches(bytes, at: k, withAttributes) { k -= 1 }
        guard k >= 0, let gt = bytes[k..<end].firstIndex(of: 0x3E) else { return [] }
        let open = Array("<\(w)rPr>".utf8)
        let close = Array("</\(w)rPr>".utf8)
        guard matches(bytes, at: gt + 1, open), let stop = ByteSearch.firstIndex(of: close, in: bytes, from: gt + 1), stop < end else { return [] }
        return Array(bytes[(gt + 1)..<(stop + close.count)])
    }

    /// Adds the notes to word/footnotes.xml before its closing tag.
    static func appendDocx(_ notes: [String], to footnotes: String, prefix w: String, firstID: Int) -> String? {
        guard let closing = footnotes.range(of: "</\(w)footnotes>", options: .backwards) else { return nil }
        var added = ""
        for (offset, text) in notes.enumerated() {
            added += "<\(w)footnote \(w)id=\"\(firstID + offset)\"><\(w)p><\(w)pPr><\(w)pStyle \(w)val=\"FootnoteText\"/></\(w)pPr>"
                + "<\(w)r><\(w)rPr><\(w)rStyle \(w)val=\"FootnoteReference\"/></\(w)rPr><\(w)footnoteRef/></\(w)r>"
                + "<\(w)r><\(w)t xml:space=\"preserve\"> \(text)</\(w)t></\(w)r></\(w)p></\(w)footnote>"
        }
        return footnotes.replacingCharacters(in: closing.lowerBound..<closing.lowerBound, with: added)
    }

    /// The first id free for new notes: one more than the largest `w:id` of a footnote already in the part.
    static func firstFreeID(in footnotes: String, prefix w: String) -> Int {
        var largest = 0
        var rest = Substring(footnotes)
        let marker = "<\(w)footnote "
        while let range = rest.range(of: marker) {
            rest = rest[range.upperBound...]
            if let idRange = rest.range(of: "\(w)id=\""), let endTag = rest.firstIndex(of: ">"), idRange.lowerBound < endTag {
                let digits = rest[idRange.upperBound...].prefix { $0 == "-" || $0.isNumber }
                if let value = Int(digits) { largest = max(largest, value) }
            }
        }
        return largest + 1
    }

    // MARK: ODT

    /// Numbers the notes written inline: ids `amicus-note-N`, citations counting every footnote of the part in
    /// document order (notes already in the template included).
    static func resolveOdf(_ part: String, prefix t: String) -> String {
        let bytes = Array(part.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        let footnoteClass = Array("\(t)note-class=\"footnote\"".utf8)
        var footnotesSeen = 0
        var ours = 0
        var i = 0
        while i < bytes.count {
            if matches(bytes, at: i, footnoteClass) { footnotesSeen += 1 }
            if matches(bytes, at: i, numberBytes) {
                // The first mark of a note is its id (before note-class), the second its citation.
                let isID = i + 3 < bytes.count && bytes[i + 3] == 0x22
                if isID { ours += 1 }
                out.append(contentsOf: Array(String(isID ? ours : footnotesSeen).utf8))
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: bytes

    /// Whether `needle` (three bytes: a noncharacter's UTF-8) occurs. memchr finds its lead byte 0xEF, which
    /// Cyrillic and Latin text never contain, so a part without notes costs one vectorised pass.
    private static func matches(_ bytes: [UInt8], at index: Int, _ needle: [UInt8]) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[index + k] != needle[k] { return false }
        return true
    }
}

/// The markup an escaper writes for the start and the end of a footnote's text; nil where notes cannot go.
struct NoteMarkup: Sendable {
    var open: [UInt8]
    var close: [UInt8]
}
