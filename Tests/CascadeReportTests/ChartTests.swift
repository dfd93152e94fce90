import CascadeReport
import FoundationXML
import XCTest

/// Charts: nice axes, histogram counts, and SVG that parses as XML with the marks expected.
final class ChartTests: XCTestCase {
    func parse(_ svg: String) throws -> XMLDocument {
        try XMLDocument(xmlString: svg, options: [])
    }

    func count(_ name: String, in document: XMLDocument) throws -> Int {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").count
    }

    func testHistogramCountsEveryValueOnce() {
        let bars = BarChart.histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], bins: 5)
        XCTAssertEqual(bars.map(\.value), [2, 2, 2, 2, 2])
        XCTAssertEqual(bars.first?.lower, 0)
        XCTAssertEqual(bars.last?.upper, 10)
        XCTAssertEqual(BarChart.histogram([4, 4, 4], bins: 10), [BarChart.Bar(lower: 3.5, upper: 4.5, value: 3)])
        XCTAssertEqual(BarChart.histogram([], bins: 3), [])
    }

    func testCountsGivesOneBarPerIntegerValue() {
        let bars = BarChart.counts([1, 1, 2, 4])
        XCTAssertEqual(bars.map(\.value), [2, 1, 0, 1])
        XCTAssertEqual(bars.map { ($0.lower + $0.upper) / 2 }, [1, 2, 3, 4])
    }

    func testLineChartBreaksAtMissingValues() throws {
        let chart = LineChart(id: "chart-test", title: "A & B", xLabel: "block", yLabel: "USD", series: [
            LineChart.Series(name: "market", x: [1, 2, 3, 4, 5], y: [10, 11, .nan, 12, 13]),
            LineChart.Series(name: "oracle", x: [1, 5], y: [10, 13], dashed: true),
        ])
        let svg = chart.svg()
        let document = try parse(svg)
        XCTAssertEqual(try count("path", in: document), 2)
        let market = try document.nodes(forXPath: "//*[local-name()='path']").first!
        let d = market.attributeValue("d")!
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2, "the NaN starts a new segment: \(d)")
        XCTAssertEqual(d.filter { $0 == "L" }.count, 2)
        XCTAssertTrue(svg.contains("A &amp; B"), "titles are escaped")
        XCTAssertEqual(svg, chart.svg(), "same data, same bytes")
    }

    func testBarChartDrawsNonZeroBarsAndMarkers() throws {
        let chart = BarChart(id: "chart-bars", title: "t", xLabel: "x", yLabel: "y",
                             bars: BarChart.counts([1, 1, 3]), markers: [ChartMarker(x: 2, label: "VaR 95 = 2")])
        let document = try parse(chart.svg())
        XCTAssertEqual(try document.nodes(forXPath: "//*[@class='bar']").count, 2, "the zero bar for 2 is not drawn")
        XCTAssertEqual(try document.nodes(forXPath: "//*[@class='marker']").count, 1)
        XCTAssertTrue(chart.svg().contains("VaR 95 = 2"))
    }

    func testHeatmapHasACellPerGridPointShadedByValue() throws {
        let map = Heatmap(id: "chart-grid", title: "VaR", rowLabel: "ttl", columnLabel: "gas", rows: ["a", "b"], columns: ["1", "2", "3"],
                          values: [[0, 5, 10], [nil, 2, 10]])
        let document = try parse(map.svg())
        let cells = try document.nodes(forXPath: "//*[@class='cell']") 
        XCTAssertEqual(cells.count, 6)
        XCTAssertEqual(cells[0].attributeValue("fill"), "#fff5f0", "lowest")
        XCTAssertEqual(cells[2].attributeValue("fill"), "#a50f15", "highest")
        XCTAssertEqual(cells[3].attributeValue("fill"), "#ffffff", "no value")
    }
}
