import CLibical

/// One property as libical parsed it: TEXT values unescaped, other values as libical writes them.
public struct ParsedProperty: Hashable, Sendable {
    public var name: String
    public var value: String
    public var parameters: [String: String]

    public init(name: String, value: String, parameters: [String: String] = [:]) {
        self.name = name
        self.value = value
        self.parameters = parameters
    }
}

/// A component libical parsed, copied into Swift values.
public struct ParsedComponent: Hashable, Sendable {
    public var name: String
    public var properties: [ParsedProperty]
    public var components: [ParsedComponent]

    /// The first property called `name`.
    public func property(_ name: String) -> ParsedProperty? { properties.first { $0.name == name } }
    /// The value of the first property called `name`.
    public func value(_ name: String) -> String? { property(name)?.value }
    /// Values of every property called `name`, in file order.
    public func values(_ name: String) -> [String] { properties.filter { $0.name == name }.map(\.value) }
    /// Direct children called `name` (`VEVENT`, `VTIMEZONE`, ...).
    public func components(_ name: String) -> [ParsedComponent] { components.filter { $0.name == name } }
}

public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case notICalendar

    public var description: String { "libical не нашёл в тексте ни одного компонента iCalendar" }
}

/// iCalendar text read back through libical, e.g. to check what a feed really says.
public struct ParsedCalendar: Hashable, Sendable {
    public var root: ParsedComponent
    /// libical's complaints (`X-LIC-ERROR` properties it inserted), anywhere in the tree.
    public var errors: [String]

    public init(text: String) throws(ParseError) {
        guard let component = Component(parsing: text) else { throw .notICalendar }
        root = read(component.pointer)
        errors = ParsedCalendar.errors(in: root)
    }

    private static func errors(in component: ParsedComponent) -> [String] {
        component.values("X-LIC-ERROR") + component.components.flatMap { errors(in: $0) }
    }
}

private func read(_ component: OpaquePointer) -> ParsedComponent {
    let name = String(cString: icalcomponent_kind_to_string(icalcomponent_isa(component)))
    return ParsedComponent(
        name: name,
        properties: properties(of: component, ICAL_ANY_PROPERTY).map(read(property:)),
        components: children(of: component, ICAL_ANY_COMPONENT).map(read)
    )
}

private func read(property: OpaquePointer) -> ParsedProperty {
    let name = takeString(icalproperty_get_property_name_r(property)) ?? ""
    var parameters: [String: String] = [:]
    var parameter = icalproperty_get_first_parameter(property, ICAL_ANY_PARAMETER)
    while let p = parameter {
        if let text = takeString(icalparameter_as_ical_string_r(p)), let equals = text.firstIndex(of: "=") {
            var value = text[text.index(after: equals)...]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            parameters[String(text[..<equals])] = String(value)
        }
        parameter = icalproperty_get_next_parameter(property, ICAL_ANY_PARAMETER)
    }
    return ParsedProperty(name: name, value: value(of: property), parameters: parameters)
}

private func value(of property: OpaquePointer) -> String {
    guard let value = icalproperty_get_value(property) else { return "" }
    switch icalvalue_isa(value) {
    case ICAL_TEXT_VALUE: return icalvalue_get_text(value).map { String(cString: $0) } ?? ""
    case ICAL_X_VALUE: return icalvalue_get_x(value).map { String(cString: $0) } ?? ""
    default: return takeString(icalvalue_as_ical_string_r(value)) ?? ""
    }
}
