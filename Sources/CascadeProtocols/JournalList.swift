/// The append-only list a call's journal keeps its saved values in: the first two inline, the
/// rest in an array.
///
/// A call rarely saves more than two things of a kind (a liquidation saves two reserves and
/// makes two token movements), and an array would cost a heap allocation per call.
struct JournalList<Element> {
    private var count = 0
    private var first: Element?
    private var second: Element?
    private var rest: [Element] = []

    init() {}

    mutating func append(_ element: Element) {
        switch count {
        case 0: first = element
        case 1: second = element
        default: rest.append(element)
        }
        count += 1
    }

    /// Whether an element satisfies `predicate`.
    func contains(where predicate: (Element) -> Bool) -> Bool {
        if let first, predicate(first) { return true }
        if let second, predicate(second) { return true }
        return rest.contains(where: predicate)
    }

    /// Calls `body` on every element, last appended first (the order in which a rollback undoes).
    func forEachLastFirst(_ body: (Element) -> Void) {
        for element in rest.reversed() { body(element) }
        if let second { body(second) }
        if let first { body(first) }
    }
}
