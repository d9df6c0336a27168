import Foundation
import Testing
@testable import AmicusCase

/// Files that are hostile, damaged or saved the wrong way end in a clear message, never a crash, a hang or
/// unbounded memory.
@Suite struct HostileInputTests {
    /// 10^10 values if expanded; refused after the first million, in one pass over a 700-byte file.
    @Test func aliasBombIsRefused() {
        #expect(lines(Fixture.errors("hostile/alias-bomb.yaml")) == [
            "alias-bomb.yaml:7:45: error: the file expands to more than 1,000,000 values (every use of an alias "
                + "`*name` counts its whole anchored value); reading stopped here",
        ])
    }

    /// An alias bomb used as a mapping key: Yams' own composer hashes such keys and never finishes.
    @Test func aliasBombAsAKeyIsRefused() {
        let diagnostics = Fixture.errors("hostile/alias-bomb-key.yaml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("the file expands to more than 1,000,000 values") == true)
    }

    @Test func aliasesWithinTheLimitExpand() throws {
        // root 1, key a 1, [1, 2, 3] 4, key b 1, *a 4 more: 11 values
        let limits = CaseLoader.Limits(maxNodes: 11)
        let text = "a: &a [1, 2, 3]\nb: *a\n"
        let document = try CaseLoader.parse(text, file: "case.yaml", limits: limits)
        #expect(document["b"]?.list?.count == 3)
        #expect(!parseErrors(text + "c: 1\n", limits: limits).isEmpty)
    }

    @Test func undefinedAliasIsAnError() {
        #expect(lines(parseErrors("a: *nowhere\n")) == [
            "case.yaml:1:4: error: a: *nowhere refers to no anchor &nowhere defined above it",
        ])
    }

    @Test func aListAsAKeyIsAnError() {
        #expect(lines(parseErrors("? [a, b]\n: c\n")) == ["case.yaml:1:3: error: a key must be text, not a list"])
    }

    @Test func anAliasToAListAsAKeyIsAnErrorNotAHang() {
        #expect(lines(parseErrors("a: &a [1, 2]\n*a : b\n")) == [
            "case.yaml:2:1: error: a key must be text, but *a is a list",
        ])
    }

    @Test func deepNestingIsRefused() {
        #expect(lines(Fixture.errors("hostile/deep-nesting.yaml")) == [
            "deep-nesting.yaml:1:103: error: values are nested more than 100 levels deep; reading stopped here",
        ])
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 16 * 1_048_576 + 1)
        do {
            _ = try CaseLoader.parse(bytes: bytes, file: "huge.yaml")
            Issue.record("a 16 MiB + 1 byte file was accepted")
        } catch {
            #expect(lines(error.diagnostics) == [
                "huge.yaml:1:1: error: the file is 16,777,217 bytes, more than the 16 MiB a case file may have",
            ])
        }
    }

    @Test func windows1251IsNamed() {
        #expect(lines(Fixture.errors("hostile/windows-1251.yaml")) == [
            "windows-1251.yaml:1:1: error: the file looks saved as Windows-1251 (Cyrillic); open it in an editor "
                + "and save it as UTF-8",
            "windows-1251.yaml:3:9: error: byte 0xC8 is not UTF-8 text; the file must be saved as UTF-8",
        ])
    }

    @Test func utf16IsNamed() {
        #expect(lines(Fixture.errors("hostile/utf16.yaml")) == [
            "utf16.yaml:1:1: error: the file is saved as UTF-16 or UTF-32 (\"Unicode\" in Notepad); save it as UTF-8",
        ])
    }

    @Test(arguments: ["hostile/empty.yaml", "hostile/comments-only.yaml"])
    func fileWithoutDataIsAnError(_ name: String) {
        let file = (name as NSString).lastPathComponent
        #expect(lines(Fixture.errors(name)) == [
            "\(file):1:1: error: the file holds no data; a case file is a list of `key: value` lines such as "
                + "`case_id: 5-123/2016`",
        ])
    }

    @Test func rootMustBeAMapping() {
        #expect(lines(Fixture.errors("hostile/root-list.yaml")) == [
            "root-list.yaml:1:1: error: the file must be a mapping of `key: value` lines at the top, but it is a list",
        ])
        #expect(lines(Fixture.errors("hostile/root-scalar.yaml")) == [
            "root-scalar.yaml:1:1: error: the file must be a mapping of `key: value` lines at the top, but it is text",
        ])
    }

    @Test func bareCarriageReturnIsAnError() {
        #expect(lines(Fixture.errors("hostile/bare-cr.yaml")) == [
            "bare-cr.yaml:2:11: error: a carriage return (CR) that is not followed by a line feed; save the file "
                + "with ordinary (LF or CRLF) line ends",
        ])
    }

    @Test func controlCharacterIsAnError() {
        #expect(lines(Fixture.errors("hostile/control-character.yaml")) == [
            "control-character.yaml:2:11: error: an invisible control character (code 0x07) is not allowed in "
                + "YAML text; delete it",
        ])
    }

    @Test func missingFileAndFolderAreErrors() {
        let missing = CaseLoader.read(path: Fixture.path("no-such-case.yaml"))
        #expect(missing.document == nil)
        #expect(missing.diagnostics.map(\.message) == ["no such file"])
        let folder = CaseLoader.read(path: Fixture.path("hostile"))
        #expect(folder.diagnostics.map(\.message) == ["this is a folder, not a file"])
    }

    @Test func loadReadsFromDisk() throws {
        let document = try CaseLoader.load(path: Fixture.path("dates.yaml"))
        #expect(document.file == Fixture.path("dates.yaml"))
        #expect(document["order_date"]?.value == date(2016, 2, 15))
    }
}
