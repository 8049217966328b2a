import ADGenCore
import CLibClang
import Foundation

/// A node of libclang's tree, with what the C front end asks of it.
struct Cursor {
    let raw: ADGenCursor
    let unit: TranslationUnit

    /// `CXCursorKind` (see ``CursorKind``).
    var kind: Int32 { raw.kind }

    var children: [Cursor] {
        let count = adgen_clang_children(raw, nil, 0)
        guard count > 0 else { return [] }
        var buffer = [ADGenCursor](repeating: ADGenCursor(), count: Int(count))
        _ = adgen_clang_children(raw, &buffer, count)
        return buffer.map { Cursor(raw: $0, unit: unit) }
    }

    var spelling: String { LibClang.string(adgen_clang_spelling(raw)) }

    var location: SourceLocation { Self.location(adgen_clang_position(raw)) }

    var isInMainFile: Bool { adgen_clang_position(raw).inMainFile != 0 }

    /// Byte offsets of the first and one past the last character of the cursor's text.
    var extent: (start: Int, end: Int) {
        var start = ADGenPosition()
        var end = ADGenPosition()
        adgen_clang_extent(raw, &start, &end)
        return (Int(start.offset), Int(end.offset))
    }

    var isDefinition: Bool { adgen_clang_is_definition(raw) != 0 }

    /// The lines of the `/* */`, `/** */` and `///` comments before a declaration, without
    /// comment markers; plain `//` lines are notes (test directives, say) and left out.
    ///
    /// For example: `// check: f(1)` then `/* Sum of x. */` gives `["Sum of x."]`.
    var commentLines: [String] {
        var lines: [String] = []
        var inBlock = false
        for raw in LibClang.string(adgen_clang_comment(raw)).components(separatedBy: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if !inBlock {
                if line.hasPrefix("///") {
                    line = String(line.dropFirst(3))
                } else if line.hasPrefix("//") {
                    continue
                } else if line.hasPrefix("/*") {
                    line = String(line.dropFirst(line.hasPrefix("/**") ? 3 : 2))
                    inBlock = true
                }
            } else if line.hasPrefix("*"), !line.hasPrefix("*/") {
                line = String(line.dropFirst())
            }
            if inBlock, let end = line.range(of: "*/") {
                line = String(line[..<end.lowerBound])
                inBlock = false
            }
            line = line.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    var referenced: Cursor? {
        let target = adgen_clang_referenced(raw)
        return adgen_clang_is_null(target) != 0 ? nil : Cursor(raw: target, unit: unit)
    }

    var type: CType { CType(raw: adgen_clang_type(raw)) }
    var resultType: CType { CType(raw: adgen_clang_result_type(raw)) }

    /// The value of a constant expression (literals, `#define` constants, `2 * N`).
    var constant: Constant? {
        var integer: Int64 = 0
        var real = 0.0
        switch adgen_clang_evaluate(raw, &integer, &real) {
        case 1: return .integer(Int(integer))
        case 2: return .real(real)
        default: return nil
        }
    }

    enum Constant { case integer(Int), real(Double) }

    /// The tokens of the cursor's text (of a macro's name, where it expands one).
    var tokens: [(spelling: String, offset: Int)] {
        var spellings: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var offsets: UnsafeMutablePointer<UInt32>?
        let count = Int(adgen_clang_tokens(unit.handle, raw, &spellings, &offsets))
        defer { free(spellings); free(offsets) }
        return (0..<count).map { (LibClang.string(spellings![$0]), Int(offsets![$0])) }
    }

    static func location(_ position: ADGenPosition) -> SourceLocation {
        SourceLocation(line: Int(position.line), column: Int(position.column), offset: Int(position.offset))
    }
}

/// The `CXCursorKind` values the front end distinguishes (clang-c/Index.h).
enum CursorKind {
    static let structDecl: Int32 = 2, unionDecl: Int32 = 3, enumDecl: Int32 = 5
    static let functionDecl: Int32 = 8, varDecl: Int32 = 9, parmDecl: Int32 = 10, typedefDecl: Int32 = 20
    static let typeRef: Int32 = 43
    static let unexposedExpr: Int32 = 100, declRefExpr: Int32 = 101, memberRefExpr: Int32 = 102, callExpr: Int32 = 103
    static let integerLiteral: Int32 = 106, floatingLiteral: Int32 = 107, stringLiteral: Int32 = 109
    static let characterLiteral: Int32 = 110, parenExpr: Int32 = 111, unaryOperator: Int32 = 112
    static let arraySubscriptExpr: Int32 = 113, binaryOperator: Int32 = 114, compoundAssignOperator: Int32 = 115
    static let conditionalOperator: Int32 = 116, cStyleCastExpr: Int32 = 117, initListExpr: Int32 = 119
    static let compoundStmt: Int32 = 202, caseStmt: Int32 = 203, defaultStmt: Int32 = 204, ifStmt: Int32 = 205
    static let switchStmt: Int32 = 206, whileStmt: Int32 = 207, doStmt: Int32 = 208, forStmt: Int32 = 209
    static let gotoStmt: Int32 = 210, continueStmt: Int32 = 212, breakStmt: Int32 = 213, returnStmt: Int32 = 214
    static let labelStmt: Int32 = 201, nullStmt: Int32 = 230, declStmt: Int32 = 231
}
