import ADGenC
import ADGenCore
import XCTest

final class CFrontEndTests: XCTestCase {}
