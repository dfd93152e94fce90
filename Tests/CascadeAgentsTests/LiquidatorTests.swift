import CascadeChain
import CascadeMath
import CascadeProtocols
import Testing
@testable import CascadeAgents

@Suite struct LiquidatorTests {
    @Test func saleImpactIsLinearInTheSaleUpToTheWholeProceeds() {
        // $1 M into a $10 M-deep market: the price walks down 0.2 %, the sale fills 0.1 % lower.
        #expect(Liquidator.saleImpact(usd: 1_000_000, depthUSD2Percent: 10_000_000) == 1_000)
        // Quadratic in the size: twice the sale, four times the cost.
        #expect(Liquidator.saleImpact(usd: 2_000_000, depthUSD2Percent: 10_000_000) == 4_000)
        // 100 depths or more: everything is lost.
        #expect(Liquidator.saleImpact(usd: 5_000, depthUSD2Percent: 40) == 5_000)
        #expect(Liquidator.grossProfit(seizedUSD: 1_050_000, repaidUSD: 1_000_000, depthUSD2Percent: 105_000_000) == 50_000 - 105)
    }

    @Test func agentCaseRunsTheLiquidatorAndKeepsItsState() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(LendingChain.weth, units(10, 18))], debt: [(LendingChain.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)
        let liquidator = chain.liquidator(.aave)
        var agent = Agent.liquidator(liquidator)
        #expect(agent.role == "liquidator")
        #expect(agent.address == liquidator.account.address)
        var examined = 0
        let sent = agent.act(chain.view(), examined: &examined)
        #expect(sent.count == 1)
        #expect(examined == 0, "the block loop checks positions for every liquidator")
        // The pending transaction is remembered across calls through the enum.
        #expect(agent.act(chain.view(mempool: MempoolView().adding(sent, block: chain.block + 1)), examined: &examined).isEmpty)
        #expect(examined == 0)
    }
}
