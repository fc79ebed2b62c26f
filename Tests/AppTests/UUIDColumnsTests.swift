import Foundation
import Testing
@testable import App

@Suite("UUID text read from SQLite")
struct UUIDColumnsTests {
    @Test("Reads what Foundation writes, in either case, and refuses anything else")
    func parse() {
        for _ in 0..<500 {
            let uuid = UUID()
            #expect(UUIDColumns.parse(uuid.uuidString) == uuid)
            #expect(UUIDColumns.parse(uuid.uuidString.lowercased()) == uuid)
        }
        let text = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        #expect(UUIDColumns.parse(text) == UUID(uuidString: text))
        for bad in ["", "E621E1F8C36C495A93FC0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F",
                    "E621E1F8-C36C-495A-93FC_0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF"] {
            #expect(UUIDColumns.parse(bad) == nil, "\(bad)")
        }
    }
}
