import XCTest
@testable import ADGenCore

/// The verifier the pipeline runs on every emitted function: it must flag each scoping
/// error Swift would reject, and accept what the transforms produce.
final class IRVerifierTests: XCTestCase {
    private func function(_ body: [IR.Statement]) -> IR.Function {
        IR.Function(name: "f", docComment: [], parameters: [IR.Parameter(label: nil, name: "x", type: .double)],
                    results: [IR.Result(label: nil, type: .double)], wrt: ["x"], body: body, location: .none)
    }

    private func declare(_ name: String, mutable: Bool = false) -> IR.Statement {
        IR.Statement(.declare(name: name, type: .double, mutable: mutable, value: .variable("x", .double), annotated: false))
    }

    func testReadOutsideTheDeclaringScopeIsFlagged() {
        let loop = IR.Statement(.forLoop(IR.ForLoop(index: "i", sequence: .range(lower: .int(0), upper: .int(2), closed: false),
                                                    body: [declare("dsumQ", mutable: true)])))
        let problems = IRVerifier.problems(in: function([loop, IR.Statement(.returnValues([.variable("dsumQ", .double)]))]))
        XCTAssertEqual(problems, ["f: 'dsumQ' is used outside the scope that declares it"])
    }

    func testRedeclarationInOneBlockIsFlagged() {
        let problems = IRVerifier.problems(in: function([declare("t"), declare("t"),
                                                         IR.Statement(.returnValues([.variable("t", .double)]))]))
        XCTAssertEqual(problems, ["f: 't' is declared twice in one block"])
    }

    func testAssigningAConstantIsFlagged() {
        let problems = IRVerifier.problems(in: function([
            declare("t"), IR.Statement(.assign(name: "t", op: .add, value: .lit(1))),
            IR.Statement(.returnValues([.variable("t", .double)])),
        ]))
        XCTAssertEqual(problems, ["f: 't' is a constant but is assigned"])
    }

    func testSiblingScopesAndShadowingAreAccepted() {
        let branch = IR.Statement(.ifElse(condition: IR.Expression(.bool(true), .bool), then: [declare("t")], else: [declare("t")]))
        let problems = IRVerifier.problems(in: function([branch, declare("t"), declare("x"),
                                                         IR.Statement(.returnValues([.variable("t", .double)]))]))
        XCTAssertEqual(problems, [])
    }

    /// Every fixture in every mode passes (the pipeline would report an internal error).
    func testEveryFixtureVerifiesInEveryMode() throws {
        for url in try TestSupport.fixtureURLs() {
            let output = TestSupport.compile(try String(contentsOf: url, encoding: .utf8), path: url.lastPathComponent,
                                             options: Pipeline.Options(modes: Set(Pipeline.Mode.allCases)))
            XCTAssertTrue(output.succeeded, "\(url.lastPathComponent): \(output.diagnostics.map(\.message))")
        }
    }
}
