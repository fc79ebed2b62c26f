import Crypto
import Testing
@testable import App

@Suite("Digests as hexadecimal text")
struct HexDigitsTests {
    @Test("Two lower-case digits per byte, as digests were stored before")
    func digits() {
        #expect(SHA256.hash(data: Array("abc".utf8)).hexDigits == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect([UInt8]([0, 1, 0x0f, 0x10, 0xab, 0xff]).hexDigits == "00010f10abff")
        #expect([UInt8]().hexDigits == "")
    }
}
