import ChiSoCore
import Foundation
import Testing
import Vapor
@testable import App

/// The API document is made from the operations the API registers and the types their handlers use.
@Suite("API document")
struct OpenAPITests {
    enum Colour: String, Codable, CaseIterable, StringCases { case red, blue }

    struct Inner: Codable { var name: String }

    struct Sample: Codable {
        var text: String
        var maybe: String?
        var count: Int
        var maybeCount: Int?
        var flag: Bool
        var id: UUID
        var when: Date
        var colour: Colour
        var inner: Inner
        var maybeInner: Inner?
        var list: [Inner]
        var words: [String]
        var table: [String: String]
    }

    @Test("A type's fields are read from its own Decodable conformance: names, optionality and kinds")
    func fieldsOfAType() {
        let fields = FieldReader.fields(of: Sample.self)
        let inner = FieldReader.Kind.object(String(reflecting: Inner.self), [.init(name: "name", optional: false, kind: .string)])
        #expect(fields == [
            .init(name: "text", optional: false, kind: .string), .init(name: "maybe", optional: true, kind: .string),
            .init(name: "count", optional: false, kind: .integer), .init(name: "maybeCount", optional: true, kind: .integer),
            .init(name: "flag", optional: false, kind: .boolean), .init(name: "id", optional: false, kind: .uuid),
            .init(name: "when", optional: false, kind: .dateTime), .init(name: "colour", optional: false, kind: .enumeration(["red", "blue"])),
            .init(name: "inner", optional: false, kind: inner), .init(name: "maybeInner", optional: true, kind: inner),
            .init(name: "list", optional: false, kind: .array(inner)), .init(name: "words", optional: false, kind: .array(.string)),
            .init(name: "table", optional: false, kind: .dictionary(.string)),
        ])
    }

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    @Test("Every named type's schema has exactly the type's fields, the non-optional ones required")
    func schemasAreTheTypes() throws {
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        #expect(Set(schemas.keys) == Set(APIOperations.named.map(\.name)))
        for named in APIOperations.named {
            let schema = try #require(schemas[named.name])
            let fields = named.closed ? APIOperations.bodyFields(of: named.type) : FieldReader.fields(of: named.type)
            #expect(Set((schema["properties"] as? [String: Any] ?? [:]).keys) == Set(fields.map(\.name)), "\(named.name)")
            #expect(Set(schema["required"] as? [String] ?? []) == Set(fields.filter { !$0.optional }.map(\.name)), "\(named.name)")
            // A note about a field that does not exist is a mistake.
            #expect(Set(named.notes.keys).isSubset(of: Set(fields.map(\.name))), "\(named.name)")
        }
        // The leaf as the API answers it: a field added to APIController.Leaf is in the document with no one writing it.
        let leaf = try #require(schemas["Leaf"]?["properties"] as? [String: [String: Any]])
        #expect(leaf["selfInput"]?["nullable"] as? Bool == true && leaf["revision"]?["type"] as? String == "integer")
        let task = try #require(schemas["Task"]?["properties"] as? [String: [String: Any]])
        #expect(task["status"]?["enum"] as? [String] == TaskStatus.allCases.map(\.rawValue))
    }

    @Test("Every registered API route is in the document, and every documented operation is registered")
    func routesAndDocument() async throws {
        try await TestApp.run { app, _ in
            let registered = Set(app.routes.all.map(DeclaredFieldsOnly.operation).filter { $0.contains(" /api/") })
            let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(registered == documented)
            // Request bodies that allow no other field: what the document declares is what the middleware enforces.
            for operation in APIOperations.all {
                let item = try #require(paths[operation.documentPath]?[operation.method.rawValue.lowercased()] as? [String: Any])
                let body = ((item["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any]
                var schema = body?["schema"] as? [String: Any]
                if let reference = schema?["$ref"] as? String {
                    let name = String(reference.split(separator: "/").last!)
                    schema = ((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any]
                }
                let closed = schema?["additionalProperties"] as? Bool == false
                let declared = closed ? Set((schema?["properties"] as? [String: Any] ?? [:]).keys) : nil
                #expect(declared == DeclaredFieldsOnly.declared["\(operation.method.rawValue) \(operation.documentPath)"], "\(operation.documentPath)")
            }
        }
    }
}
