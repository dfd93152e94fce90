import CascadeChain
import CascadeMath
import CascadeProtocols

extension ProtocolDefinitionLoader {
    /// `[pairs.NAME]` tables with `token_a`/`token_b` sub-tables, and `[gas]` (shared by the pairs).
    static func readUniswap(_ r: inout KeyReader) throws(ConfigurationError) -> UniswapV2Definition {
        let names = r.children(of: "pairs")
        if names.isEmpty { throw r.error("pairs", expected: "at least one [pairs.NAME] table", found: "none") }
        var pairs: [UniswapV2Definition.Pair] = []
        for name in names {
            let key = "pairs.\(name)"
            func token(_ side: String) throws(ConfigurationError) -> (Token, UInt256) {
                let decimals = try r.uint64("\(key).\(side).decimals", unit: "token decimals, 0…77")
                guard decimals <= 77 else { throw r.error("\(key).\(side).decimals", expected: "0…77", found: "\(decimals)") }
                let token = Token(address: try r.address("\(key).\(side).address"),
                                  symbol: try r.string("\(key).\(side).symbol"), decimals: UInt8(decimals))
                let reserve = try r.amount("\(key).\(side).reserve", decimals: Int(decimals), unit: "tokens; \"1_000.5\" or raw integer units")
                guard reserve <= UQ112x112.maxUInt112 else {
                    throw r.error("\(key).\(side).reserve", expected: "< 2^112 raw units (the pair stores uint112 reserves)", found: "\(reserve)")
                }
                return (token, reserve)
            }
            let address = try r.address("\(key).address")
            let (tokenA, reserveA) = try token("token_a")
            let (tokenB, reserveB) = try token("token_b")
            guard tokenA.address != tokenB.address else {
                throw r.error("\(key).token_b.address", expected: "a token other than token_a (UniswapV2: IDENTICAL_ADDRESSES)", found: "\(tokenB.address)")
            }
            pairs.append(.init(name: name, address: address, tokenA: tokenA, tokenB: tokenB, reserveA: reserveA, reserveB: reserveB))
        }
        return UniswapV2Definition(gasSchedule: try readGas(&r, defaults: UniswapV2GasSchedule()), pairs: pairs)
    }
}
