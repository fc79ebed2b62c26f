import Foundation

/// The OpenAPI 3.0 description of the JSON API, served at `/api/openapi.json`: made from
/// ``APIOperations`` (the routes the API registers) and the request and response types their
/// handlers read and answer (``FieldReader``), never written by hand.
enum OpenAPIDocument {
    static let json: String = {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }()

    static let schemas = APISchema(APIOperations.named)

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in APIOperations.all {
            paths[operation.documentPath, default: [:]][operation.method.rawValue.lowercased()] = describe(operation)
        }
        paths["/api/openapi.json"] = ["get": ["summary": "This document", "security": [], "responses": ["200": ["description": "OpenAPI 3.0"]]]]
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "ChiSo API", "version": "1.0.0",
                "description": "The assessment cycle, the task register and monitoring for machine clients. Authenticate with "
                    + "`Authorization: Bearer <token>` (`chiso user token USERNAME`). The same policy as the pages decides every request; "
                    + "refusals carry a typed code.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas.components,
                "responses": ["Error": [
                    "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, "
                        + "self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
                    "content": json(["$ref": "#/components/schemas/Error"]),
                ]],
            ],
        ]
    }

    static func describe(_ operation: APIOperation) -> [String: Any] {
        var described: [String: Any] = ["summary": operation.summary]
        var parameters: [[String: Any]] = operation.path.filter { $0.hasPrefix(":") }.map {
            ["name": String($0.dropFirst()), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        if let query = operation.query {
            let fields = FieldReader.fields(of: query.type).filter { query.only.contains($0.name) }
            let object = schemas.object(fields, notes: query.notes, required: [])["properties"] as? [String: [String: Any]] ?? [:]
            for name in query.only {
                guard var schema = object[name] else { continue }
                let description = schema.removeValue(forKey: "description")
                var parameter: [String: Any] = ["name": name, "in": "query", "required": false, "schema": schema]
                parameter["description"] = description
                parameters.append(parameter)
            }
        }
        if !parameters.isEmpty { described["parameters"] = parameters }
        switch operation.body {
        case let .fields(type, only, required, notes):
            let fields = APIOperations.bodyFields(of: type).filter { only?.contains($0.name) ?? true }
            described["requestBody"] = ["required": true, "content": json(schemas.object(fields, notes: notes, required: required, closed: true))]
        case let .named(type):
            var schema = schemas.schema(of: type)
            if schema["$ref"] == nil { schema["additionalProperties"] = false }
            described["requestBody"] = ["required": true, "content": json(schema)]
        case let .file(required):
            var schema: [String: Any] = ["type": "object", "properties": ["file": ["type": "string", "format": "binary"]]]
            if required { schema["required"] = ["file"] }
            described["requestBody"] = ["required": true, "content": ["multipart/form-data": ["schema": schema]]]
        case .strings:
            described["requestBody"] = ["required": true, "content": json(["type": "object", "additionalProperties": ["type": "string"]])]
        case nil: break
        }
        var responses: [String: Any] = [:]
        switch operation.answer {
        case let .json(type, description, list):
            let schema = schemas.schema(of: type)
            responses["200"] = ["description": description, "content": json(list ? ["type": "array", "items": schema] : schema)]
        case let .done(description):
            responses["200"] = ["description": description, "content": json(["$ref": "#/components/schemas/Done"])]
        case let .other(description):
            responses["200"] = ["description": description]
        }
        for status in operation.errors { responses[String(status)] = ["$ref": "#/components/responses/Error"] }
        described["responses"] = responses
        return described
    }

    private static func json(_ schema: [String: Any]) -> [String: Any] { ["application/json": ["schema": schema]] }
}
