import Foundation

/// A JSON schema of the API document, made from a type's fields (``FieldReader``).
struct APISchema: Sendable {
    /// A type the document names under `components/schemas` (others are described in place).
    struct Named: Sendable {
        var name: String
        var type: any Decodable.Type
        var description: String?
        /// What the type alone cannot say about a field: a format, the values a string may take, a description.
        var notes: [String: FieldNote] = [:]
        /// A request type: no field beyond its own.
        var closed = false
    }

    struct FieldNote: Sendable {
        var description: String?
        var format: String?
        var values: [String]?
        var minimum: Int?
        var maximum: Int?

        static func described(_ text: String) -> FieldNote { FieldNote(description: text) }
        static func format(_ format: String) -> FieldNote { FieldNote(format: format) }
        static func values(_ values: [String]) -> FieldNote { FieldNote(values: values) }
    }

    /// The named types, by their Swift type's name.
    let named: [String: Named]

    init(_ named: [Named]) {
        self.named = Dictionary(uniqueKeysWithValues: named.map { (String(reflecting: $0.type), $0) })
    }

    /// `components/schemas`: every named type's object schema.
    var components: [String: Any] {
        Dictionary(uniqueKeysWithValues: named.values.map { type in
            var schema = object(type.closed ? APIOperations.bodyFields(of: type.type) : FieldReader.fields(of: type.type), notes: type.notes,
                                closed: type.closed)
            if let description = type.description { schema["description"] = description }
            return (type.name, schema)
        })
    }

    /// The schema of a value of `type`: a reference for a named type.
    func schema(of type: any Decodable.Type) -> [String: Any] { schema(of: FieldReader.kind(of: type)) }

    /// An object schema of `fields`: the non-optional ones required (`only` keeps some fields, as an operation documents them).
    func object(_ fields: [FieldReader.Field], notes: [String: FieldNote] = [:], required: [String]? = nil, closed: Bool = false) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in fields {
            var property = schema(of: field.kind)
            if field.optional, required == nil { property["nullable"] = true }
            if let note = notes[field.name] {
                if let description = note.description { property["description"] = description }
                if let format = note.format { property["format"] = format }
                if let values = note.values { property["enum"] = values }
                if let minimum = note.minimum { property["minimum"] = minimum }
                if let maximum = note.maximum { property["maximum"] = maximum }
            }
            properties[field.name] = property
        }
        var schema: [String: Any] = ["type": "object", "properties": properties]
        let mandatory = required ?? fields.filter { !$0.optional }.map(\.name)
        if !mandatory.isEmpty || closed { schema["required"] = mandatory }
        if closed { schema["additionalProperties"] = false }
        return schema
    }

    private func schema(of kind: FieldReader.Kind) -> [String: Any] {
        switch kind {
        case .string: ["type": "string"]
        case .integer: ["type": "integer"]
        case .number: ["type": "number"]
        case .boolean: ["type": "boolean"]
        case .uuid: ["type": "string", "format": "uuid"]
        case .dateTime: ["type": "string", "format": "date-time"]
        case let .enumeration(values): ["type": "string", "enum": values]
        case let .array(element): ["type": "array", "items": schema(of: element)]
        case let .dictionary(value): ["type": "object", "additionalProperties": schema(of: value)]
        case let .object(typeName, fields):
            if let named = named[typeName] { ["$ref": "#/components/schemas/\(named.name)"] } else { object(fields) }
        }
    }
}
