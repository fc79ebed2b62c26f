import Foundation
import Vapor

/// Refuses a JSON request body that names a field its operation does not
/// declare (``APIOperations``; `additionalProperties: false` in the API document):
/// 422 `unknown_field`, naming the fields. A misspelt field (`untill`) is
/// thus an error the client sees, never a value silently ignored.
struct DeclaredFieldsOnly: AsyncMiddleware {
    /// "POST /api/v1/assessments/{assessmentID}/exception" → its body's declared fields, for
    /// every operation whose JSON body is an object that allows no other field.
    static let declared: [String: Set<String>] = Dictionary(uniqueKeysWithValues: APIOperations.all.compactMap { operation in
        operation.declaredFields.map { ("\(operation.method.rawValue) \(operation.documentPath)", $0) }
    })

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.headers.contentType == .json, let route = request.route,
              let allowed = Self.declared[Self.operation(route)],
              let data = request.body.data, data.readableBytes > 0,
              let object = try? JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any]
        else { return try await next.respond(to: request) }
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw APIError(status: .unprocessableEntity, code: "unknown_field",
                           reason: "Not a field of this operation: \(unknown.joined(separator: ", ")) (declared: \(allowed.sorted().joined(separator: ", ")))")
        }
        return try await next.respond(to: request)
    }

    /// The route as the OpenAPI document names it: `POST /api/v1/tasks/{taskID}`.
    static func operation(_ route: Route) -> String {
        let path = route.path.map { component -> String in
            switch component {
            case let .constant(text): text
            case let .parameter(name): "{\(name)}"
            case .anything: "*"
            case .catchall: "**"
            }
        }
        return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
    }
}
