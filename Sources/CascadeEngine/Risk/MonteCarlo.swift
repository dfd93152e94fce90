import CascadeMath

/// Monte Carlo over a scenario: many runs of the same ``Scenario``, each with its own seed,
/// keeping only ``PathMetrics``.
///
/// **Path seeds.** Path `i` (0-based) runs with seed `SplitMix64(seed: S).derived(stream: i).next()`,
/// the first output of the `i`-th derived stream of the scenario seed `S` (or `--seed`). Each
/// path's world draws its population, market path and background demand from its own seed
/// (``WorldBuilder``), so paths are independent, and the same `S` gives the same seeds whatever
/// the number of paths or threads: the first 100 paths of a 1,000-path run are a 100-path run.
/// Path `i` is `cascade run` with `--seed` its seed. Names and keys come from the scenario's own
/// `seed` key in every path (``Identities``): the same accounts act in every path.
/// Sweeps and attributions reuse the same seeds in every cell (common random numbers).
public enum MonteCarlo {
    /// The seed of path `path` of a run with seed `seed`.
    public static func pathSeed(_ seed: UInt64, path: Int) -> UInt64 {
        var stream = SplitMix64(seed: seed).derived(stream: UInt64(path))
        return stream.next()
    }

    /// Builds the world of `scenario` with `seed` and runs it to the end without a trace.
    /// `signing: false` skips secp256k1 signatures (outcomes are identical); `signers` keeps the
    /// accounts' keys for the next path (``SignerCache``).
    public static func simulate(_ scenario: Scenario, seed: UInt64, signing: Bool = false,
                                signers: SignerCache = SignerCache()) throws(WorldBuilder.BuildError) -> PathMetrics {
        var simulation = Simulation(world: try WorldBuilder.build(scenario, seed: seed, signing: signing, signers: signers), trace: nil)
        simulation.run()
        return PathMetrics(simulation.metrics)
    }

    /// Runs `paths` paths of `scenario` (seeds from `seed`, default the scenario's) on `jobs`
    /// threads; results are in path order and identical for any `jobs`.
    /// - Throws: the build error of the lowest failing path (``ParallelMap``).
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, paths: Int, jobs: Int, signing: Bool = false,
                           progress: (Int) -> Void = { _ in }) throws(WorldBuilder.BuildError) -> MonteCarloResult {
        try run([scenario], seed: seed, paths: paths, jobs: jobs, signing: signing, progress: progress)[0]
    }

    /// Runs `paths` paths of each of `scenarios` (sweep cells, counterfactuals) on `jobs`
    /// threads, all scenarios over the same path seeds (from `seed`, default each scenario's own),
    /// so that their differences are not sampling noise (common random numbers). `progress`
    /// counts finished paths over all scenarios. Every path takes its accounts' keys from one
    /// ``SignerCache``.
    /// - Throws: the build error of the lowest failing (scenario, path), scenario-major.
    public static func run(_ scenarios: [Scenario], seed: UInt64? = nil, paths: Int, jobs: Int, signing: Bool = false,
                           progress: (Int) -> Void = { _ in }) throws(WorldBuilder.BuildError) -> [MonteCarloResult] {
        let signers = SignerCache()
        let metrics = try ParallelMap.map(count: scenarios.count * paths, jobs: jobs, progress: progress) {
            (index: Int) throws(WorldBuilder.BuildError) in
            let scenario = scenarios[index / paths]
            return try simulate(scenario, seed: pathSeed(seed ?? scenario.seed, path: index % paths), signing: signing, signers: signers)
        }
        return scenarios.indices.map { index in
            MonteCarloResult(scenario: scenarios[index], seed: seed ?? scenarios[index].seed,
                             paths: Array(metrics[index * paths ..< (index + 1) * paths]))
        }
    }
}
