import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (quiet when piped or redirected), redrawn at most every 1 % of progress.
struct ProgressBar {
    let total: Int
    let label: String
    /// What is counted (`block`, `path`).
    let unit: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = -1
    private let started = Date()

    init(total: Int, label: String, unit: String = "block") {
        self.total = max(total, 1)
        self.label = label
        self.unit = unit
    }

    mutating func update(_ done: Int) {
        guard enabled else { return }
        let percent = done * 100 / total
        guard percent != shown else { return }
        shown = percent
        let width = 30
        let filled = width * done / total
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let line = "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] \(percent)% \(unit) \(done)/\(total) eta \(Self.duration(eta))"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `eta` seconds as `42s`, `7m05s` or `2h03m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3_600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3_600, total % 3_600 / 60)
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
