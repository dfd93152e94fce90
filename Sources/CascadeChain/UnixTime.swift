/// Reads times written in scenario and data files as Unix seconds (UTC). Public so that the
/// engine's file readers (price series, scenarios) accept exactly the same times as the gas series.
public enum UnixTime {
    /// `text` as Unix seconds: either a non-negative integer of seconds, or an ISO-8601 UTC time
    /// `YYYY-MM-DDTHH:MM[:SS][Z]` (a space may replace the `T`; no other offset is accepted) from
    /// 1970 on. `nil` for anything else, including impossible dates such as February 30.
    public static func parse(_ text: Substring) -> UInt64? {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) { return UInt64(text) }
        var position = 0
        func number(_ digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + digits] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += digits
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard position < bytes.count, allowed.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("T "), let hour = number(2), expect(":"), let minute = number(2) else { return nil }
        var second = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            position += 1
            guard let value = number(2) else { return nil }
            second = value
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "Z") { position += 1 }
        guard position == bytes.count, year >= 1970, (1...12).contains(month), hour < 24, minute < 60, second < 60,
              (1...daysInMonth(year: year, month: month)).contains(day) else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return UInt64(days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (year ≥ 1970).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        var days = 0
        for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
        for m in 1..<month { days += daysInMonth(year: year, month: m) }
        return days + day - 1
    }
}
