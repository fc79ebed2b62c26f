import Testing
@testable import ChiSoCore

@Suite("Exact decimal numbers")
struct DecimalNumberTests {
    @Test("0,5 and 0.5 read alike", arguments: [("0,5", "0.5"), ("12,75", "12.75"), ("-3,0", "-3"), ("007", "7")])
    func commaAndPoint(comma: String, point: String) throws {
        #expect(try DecimalNumber.parse(comma) == DecimalNumber.parse(point))
    }

    @Test("Only -?[0-9]+([.,][0-9]+)? is a number",
          arguments: ["", "-", ".5", "5.", "+1", "1e3", "1E3", "1.2.3", "1,2,3", " 1", "1 ", "0x10", "١", "abc", "1/2", "--1", "1.-2", "∞"])
    func rejects(text: String) {
        #expect(throws: DecimalNumber.ParseError.notANumber) { try DecimalNumber.parse(text) }
    }

    @Test func tooManyDigitsIsItsOwnError() throws {
        #expect(throws: DecimalNumber.ParseError.tooManyDigits) { try DecimalNumber.parse("1234567890123456789") }
        #expect(throws: DecimalNumber.ParseError.tooManyDigits) { try DecimalNumber.parse("0.12345678901") }
        #expect(throws: DecimalNumber.ParseError.notANumber) { try DecimalNumber.parse("0.12345678901x") }
        #expect(try DecimalNumber.parse("000000000000000000001.5") == .of("1.5"))
        #expect(try DecimalNumber.parse("123456789012345678") == DecimalNumber(significand: 123456789012345678, scale: 0))
    }

    @Test("Rounding is half away from zero", arguments: [
        ("1.005", 2, "1.01"), ("1.0049", 2, "1.00"), ("2.675", 2, "2.68"), ("-2.675", 2, "-2.68"),
        ("0.00005", 4, "0.0001"), ("0.00004999", 4, "0.0000"), ("82.905", 2, "82.91"), ("82.9049", 2, "82.90"),
        ("7", 2, "7.00"), ("99.995", 2, "100.00"), ("-0.5", 0, "-1"), ("0.5", 0, "1"),
    ])
    func rounding(value: String, places: Int, expected: String) {
        #expect(DecimalNumber.of(value).fixed(places) == expected)
    }

    @Test("Division rounds once, exactly", arguments: [
        ("1", "3", 4, "0.3333"), ("2", "3", 4, "0.6667"), ("1", "8", 2, "0.13"), ("1", "16", 4, "0.0625"),
        ("0.15", "4.8", 4, "0.0313"), ("-1", "8", 2, "-0.13"), ("100", "0.003", 4, "33333.3333"),
        ("1", "300000000000", 4, "0.0000"), ("5", "0.1", 0, "50"), ("0.0001", "2", 4, "0.0001"),
    ])
    func quotient(numerator: String, denominator: String, places: Int, expected: String) {
        let q = DecimalNumber.quotient(.of(numerator), .of(denominator), places: places)
        #expect(q.fixed(places) == expected)
        #expect(q.scale == places)
    }

    @Test func sumsAndProductsAreExact() {
        var sum = DecimalNumber.zero
        for _ in 0..<10 { sum = sum + .of("0.1") }
        #expect(sum == 1)
        #expect(DecimalNumber.of("0.1") * .of("0.2") == .of("0.02"))
        #expect(DecimalNumber.of("8") - .of("8.25") == .of("-0.25"))
        #expect(DecimalNumber.of("2.50") == .of("2.5"))
        #expect(Set([DecimalNumber.of("2.50"), .of("2.5")]).count == 1)
        #expect(DecimalNumber.of("2.5") < .of("2.51"))
    }

    @Test func wholeNumbers() {
        #expect(DecimalNumber.of("2.0").intValue == 2)
        #expect(DecimalNumber.of("2.5").intValue == nil)
        #expect(DecimalNumber.of("2,00").isWholeNumber)
        #expect(DecimalNumber.of("1.25").isMultiple(of: .of("0.25")))
        #expect(!DecimalNumber.of("1.3").isMultiple(of: .of("0.25")))
        #expect(DecimalNumber.of("3").isMultiple(of: .of("0.01")))
    }

    @Test("Text in both conventions")
    func text() {
        #expect(DecimalNumber.of("85.5").vietnamese(places: 2) == "85,50")
        #expect(DecimalNumber.of("1234567.5").vietnamese() == "1.234.567,5")
        #expect(DecimalNumber.of("1234567.5").english() == "1,234,567.5")
        #expect(DecimalNumber.of("17.0").description == "17")
        #expect(DecimalNumber.of("0.05").description == "0.05")
        #expect(DecimalNumber.of("-0.05").fixed(1) == "-0.1")
        #expect(DecimalNumber.of("83").fixed(2) == "83.00")
    }
}
