import FoundationXML

extension XMLNode {
    /// The value of attribute `name` (found by XPath: `attribute(forName:)` misses attributes of
    /// elements in the SVG namespace on Linux).
    func attributeValue(_ name: String) -> String? {
        (try? nodes(forXPath: "@\(name)"))?.first?.stringValue
    }
}
