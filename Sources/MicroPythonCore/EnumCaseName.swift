// The name of an enum case straight from the enum's metadata. String(describing:) gets the same
// text through Mirror, which cost about a millisecond of start-up over the qstr and exception tables.

@_silgen_name("swift_EnumCaseName")
private func swiftEnumCaseName<T>(_ value: T) -> UnsafePointer<CChar>?

func enumCaseName<T>(_ value: T) -> String {
    guard let name = swiftEnumCaseName(value) else { return String(describing: value) }
    return String(cString: name)
}
