extension ChainConfiguration {
    /// The same chain with background demand `model` (e.g. ``BackgroundModel/none``: agents'
    /// transactions alone fill blocks); every other rule unchanged. Used by the engine's
    /// counterfactual scenarios.
    public func replacingBackground(with model: BackgroundModel) -> ChainConfiguration {
        ChainConfiguration(copying: self, background: model)
    }

    private init(copying other: ChainConfiguration, background: BackgroundModel) {
        feeMarket = other.feeMarket
        gasLimit = other.gasLimit
        blockTimeSeconds = other.blockTimeSeconds
        txGasCap = other.txGasCap
        initialBaseFee = other.initialBaseFee
        startTimestamp = other.startTimestamp
        mempool = other.mempool
        self.background = background
        backgroundSlices = other.backgroundSlices
        backgroundDemandNoise = other.backgroundDemandNoise
        backgroundPriorityFee = other.backgroundPriorityFee
    }
}
