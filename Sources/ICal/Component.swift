import CLibical
import Planning

/// Owns one root `icalcomponent*` and frees it, with everything added to it, exactly once in `deinit`.
///
/// Properties and child components are created and handed to the root in the same call
/// (`add...`), so no libical pointer ever escapes unowned. The class is internal: the public API
/// of `ICal` speaks only Swift values.
final class Component {
    let pointer: OpaquePointer

    init(_ kind: icalcomponent_kind) {
        pointer = icalcomponent_new(kind)
    }

    /// Parses iCalendar text; nil when libical finds no component at all.
    init?(parsing text: String) {
        guard let root = text.withCString({ icalparser_parse_string($0) }) else { return nil }
        pointer = root
    }

    deinit { icalcomponent_free(pointer) }

    /// Adds a property made by one of libical's `icalproperty_new_...` constructors, with parameters.
    func add(_ property: OpaquePointer?, _ parameters: OpaquePointer?...) {
        guard let property else { return }
        for parameter in parameters { if let parameter { icalproperty_add_parameter(property, parameter) } }
        icalcomponent_add_property(pointer, property)
    }

    /// Adds a text property; libical escapes commas, semicolons, backslashes and newlines. Control
    /// characters (but tab and newline) and bidi overrides are dropped: no reader should meet them.
    func add(_ make: (UnsafePointer<CChar>?) -> OpaquePointer?, _ text: String, _ parameters: OpaquePointer?...) {
        guard let property = text.withoutControlCharacters.withCString({ make($0) }) else { return }
        for parameter in parameters { if let parameter { icalproperty_add_parameter(property, parameter) } }
        icalcomponent_add_property(pointer, property)
    }

    /// Adds an `X-` property. libical writes its value with backslashes escaped and reads it back
    /// unchanged; a TEXT-typed value instead would be split at commas when read back.
    func addX(_ name: String, _ text: String) {
        guard let property = icalproperty_new_x(text) else { return }
        icalproperty_set_x_name(property, name)
        icalcomponent_add_property(pointer, property)
    }

    /// Adds a deep copy of `other` (which keeps its own tree) as a child.
    func addCopy(of other: OpaquePointer) {
        icalcomponent_add_component(pointer, icalcomponent_new_clone(other))
    }

    /// Appends libical's serialisation (CRLF lines, folded at 75 octets) to `output`.
    /// `_r` returns a buffer we own; the ring-buffer variant must never be freed, this one must.
    func serialize(into output: inout [UInt8]) {
        guard let buffer = icalcomponent_as_ical_string_r(pointer) else { return }
        defer { icalmemory_free_buffer(buffer) }
        buffer.withMemoryRebound(to: UInt8.self, capacity: 0) { bytes in
            output.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(buffer)))
        }
    }

    var serialized: String {
        var bytes: [UInt8] = []
        serialize(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Walks the direct children of `parent` of one kind. libical keeps one iterator per component,
/// so nested walks over the same parent must not interleave.
func children(of parent: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = icalcomponent_get_first_component(parent, kind)
    while let c = child {
        result.append(c)
        child = icalcomponent_get_next_component(parent, kind)
    }
    return result
}

/// The properties of `component` of one kind, in file order.
func properties(of component: OpaquePointer, _ kind: icalproperty_kind) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var property = icalcomponent_get_first_property(component, kind)
    while let p = property {
        result.append(p)
        property = icalcomponent_get_next_property(component, kind)
    }
    return result
}

/// Copies a C string libical allocated for us into Swift and frees it.
func takeString(_ buffer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let buffer else { return nil }
    defer { icalmemory_free_buffer(buffer) }
    return String(cString: buffer)
}
