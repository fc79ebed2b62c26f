import Foundation

/// The fields of a `Decodable` type as its own `init(from:)` reads them: every key it asks for,
/// whether it asks with `decodeIfPresent` (an optional field), and the kind of value. The API
/// document is made from this, so a field added to a request or response type is in the document
/// without anyone restating it.
enum FieldReader {
    struct Field: Sendable, Equatable {
        var name: String
        var optional: Bool
        var kind: Kind
    }

    indirect enum Kind: Sendable, Equatable {
        case string, integer, number, boolean, uuid, dateTime
        /// A string with these values only (a `CaseIterable` string enum).
        case enumeration([String])
        case array(Kind)
        /// An object with string keys and values of one kind.
        case dictionary(Kind)
        /// A nested type, by its name, with its own fields.
        case object(String, [Field])
    }

    static func fields(of type: any Decodable.Type) -> [Field] {
        guard case let .object(_, fields) = kind(of: type) else { return [] }
        return fields
    }

    /// What a value of `type` is, read without any value of it.
    static func kind(of type: any Decodable.Type) -> Kind {
        switch type {
        case is String.Type, is Substring.Type: return .string
        case is Bool.Type: return .boolean
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
             is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type: return .integer
        case is Double.Type, is Float.Type, is Decimal.Type: return .number
        case is UUID.Type: return .uuid
        case is Date.Type: return .dateTime
        default: break
        }
        if let optional = type as? any OptionalShape.Type { return kind(of: optional.wrappedType) }
        if let array = type as? any ArrayShape.Type { return .array(kind(of: array.elementType)) }
        if let dictionary = type as? any DictionaryShape.Type { return .dictionary(kind(of: dictionary.valueType)) }
        if let cases = type as? any StringCases.Type { return .enumeration(cases.rawValues) }
        let recording = Recording()
        _ = try? type.init(from: RecordingDecoder(recording: recording))
        return .object(String(reflecting: type), recording.fields)
    }

    /// A value to hand back to the `init(from:)` being read, so that it goes on to its next key.
    static func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return "" as! T
        case is Bool.Type: return false as! T
        case is UUID.Type: return UUID() as! T
        case is Date.Type: return Date(timeIntervalSince1970: 0) as! T
        default: break
        }
        if let empty = (type as? any EmptyShape.Type)?.empty as? T { return empty }
        if let first = (type as? any StringCases.Type)?.firstCase as? T { return first }
        if let number = (type as? any BinaryInteger.Type)?.init(0) as? T { return number }
        if let number = (type as? any BinaryFloatingPoint.Type)?.init(0) as? T { return number }
        return try T(from: RecordingDecoder(recording: Recording()))
    }
}

/// Types the reader looks inside without decoding them.
protocol OptionalShape { static var wrappedType: any Decodable.Type { get } }
extension Optional: OptionalShape where Wrapped: Decodable { static var wrappedType: any Decodable.Type { Wrapped.self } }

protocol EmptyShape { static var empty: Self { get } }
protocol ArrayShape: EmptyShape { static var elementType: any Decodable.Type { get } }
extension Array: EmptyShape, ArrayShape where Element: Decodable {
    static var empty: Self { [] }
    static var elementType: any Decodable.Type { Element.self }
}

protocol DictionaryShape: EmptyShape { static var valueType: any Decodable.Type { get } }
extension Dictionary: EmptyShape, DictionaryShape where Key == String, Value: Decodable {
    static var empty: Self { [:] }
    static var valueType: any Decodable.Type { Value.self }
}

/// A string enum whose values the document lists.
protocol StringCases {
    static var rawValues: [String] { get }
    static var firstCase: Self? { get }
}
extension StringCases where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var rawValues: [String] { allCases.map(\.rawValue) }
    static var firstCase: Self? { allCases.first }
}

private final class Recording {
    var fields: [FieldReader.Field] = []

    func note<Key: CodingKey>(_ key: Key, _ type: any Decodable.Type, optional: Bool) {
        guard !fields.contains(where: { $0.name == key.stringValue }) else { return }
        fields.append(.init(name: key.stringValue, optional: optional, kind: FieldReader.kind(of: type)))
    }
}

private struct RecordingDecoder: Decoder {
    let recording: Recording
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedRecorder<Key>(recording: recording))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { EmptyUnkeyed() }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { PlaceholderValue() }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recording: Recording
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        recording.note(key, type, optional: false)
        return try FieldReader.placeholder(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        recording.note(key, type, optional: true)
        return nil
    }

    // The standard library's own overloads for these types would otherwise read them as required.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { optional(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { optional(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { optional(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { optional(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { optional(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { optional(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { optional(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { optional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { optional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { optional(type, key) }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        recording.note(key, type, optional: true)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedRecorder<NestedKey>(recording: Recording()))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { EmptyUnkeyed() }
    func superDecoder() throws -> any Decoder { RecordingDecoder(recording: Recording()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RecordingDecoder(recording: Recording()) }
}

private struct EmptyUnkeyed: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey] = []
    var count: Int? { 0 }
    var isAtEnd: Bool { true }
    var currentIndex: Int { 0 }

    mutating func decodeNil() throws -> Bool { true }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try FieldReader.placeholder(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedRecorder<NestedKey>(recording: Recording()))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { EmptyUnkeyed() }
    mutating func superDecoder() throws -> any Decoder { RecordingDecoder(recording: Recording()) }
}

private struct PlaceholderValue: SingleValueDecodingContainer {
    var codingPath: [any CodingKey] = []
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try FieldReader.placeholder(type) }
}
