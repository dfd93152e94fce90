import CascadeChain
import CascadeMath
import CascadeProtocols

extension ProtocolEvent {
    /// The integer of field `name` (an amount, fixed-point or plain integer), or `nil`.
    func integer(_ name: String) -> UInt256? {
        switch fields.first(where: { $0.name == name })?.value {
        case .amount(let value, _, _), .fixedPoint(let value, _, _), .integer(let value): value
        default: nil
        }
    }

    /// The address of field `name`, or `nil`.
    func address(_ name: String) -> Address? {
        if case .address(let value) = fields.first(where: { $0.name == name })?.value { return value }
        return nil
    }

    /// The bytes32 of field `name`, or `nil`.
    func bytes32(_ name: String) -> Bytes32? {
        if case .bytes32(let value) = fields.first(where: { $0.name == name })?.value { return value }
        return nil
    }
}
