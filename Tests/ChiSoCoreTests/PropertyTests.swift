import PropertyBased
import Testing
@testable import ChiSoCore

/// Invariants that hold for every index, agency and input.
@Suite("Scoring properties")
struct PropertyTests {
    /// The random world's report; a world that does not score is a failure, never a silent pass.
    static func report(_ world: RandomWorld, _ seed: Int, sourceLocation: SourceLocation = #_sourceLocation) -> ScoreReport? {
        do {
            return try world.report()
        } catch {
            Issue.record("seed \(seed): the random world does not score: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test("0 ≤ points ≤ applicable max ≤ max at every node; 0 ≤ final ≤ scale + bonusCap")
    func bounds() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let world = RandomWorld(seed: seed)
            guard let report = try? world.report() else {
                Issue.record("seed \(seed): the generated world was refused: \(world.run().standardError.prefix(3))")
                return
            }
            let index = report.index
            for score in report.scores {
                for (position, node) in index.nodes.enumerated() {
                    let result = score.nodes[position]
                    #expect(result.points >= .zero && result.points <= result.applicableMax && result.applicableMax <= node.max,
                            "seed \(seed) node \(node.code)")
                    if !result.applicable { #expect(result.points == .zero && result.applicableMax == .zero) }
                }
                let ceiling = index.scale + (index.bonusCap ?? DecimalNumber(1000))
                #expect(score.final >= .zero && score.final <= ceiling, "seed \(seed)")
                #expect(score.final.scale == 2)
                #expect(score.normalized.scale == 4)
                if index.naPolicy == .rescale, !score.applicableMax.isZero {
                    #expect(score.normalized <= index.scale, "seed \(seed)")
                }
            }
        }
    }

    @Test("One leaf scored alone (a save) gets exactly what the whole sheet gives it")
    func leafScoreAgreesWithTheWholeSheet() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            let world = RandomWorld(seed: seed)
            guard let report = Self.report(world, seed) else { return } // (recorded as a failure)
            let scorer = Scorer(index: report.index)
            for (number, score) in report.scores.enumerated() {
                for position in report.index.leafPositions {
                    let whole = score.nodes[position]
                    let alone = scorer.leafScore(at: position, tags: report.agencies[number].tags,
                                                 entry: Entry(value: whole.input, evidence: whole.evidence))
                    #expect(alone == whole, "seed \(seed) leaf \(report.index.nodes[position].code)")
                }
            }
        }
    }

    @Test("A node that is N/A for everyone changes nothing")
    func notApplicableNodeChangesNothing() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            // A world with a group to add the leaf to (one of only leaves would check nothing): the next seeds until one has it.
            var world = RandomWorld(seed: seed, naPolicy: "rescale")
            var next = seed
            while !world.yaml.contains("\n  children:") {
                next = next &+ 1
                world = RandomWorld(seed: next, naPolicy: "rescale")
            }
            let before = world.run()
            // Every agency gets the tag "moi"; a new leaf under the first
            // group (its max unchanged, so the new leaf only adds to the
            // children's sum, which a group max may cap) applies to nobody.
            var tagged = world
            tagged.agencies = world.agencies.map { Agency(code: $0.code, name: $0.name, group: $0.group, tags: $0.tags + ["moi"]) }
            let lines = world.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let children = lines.firstIndex(where: { $0.hasPrefix("  children:") }) else {
                Issue.record("seed \(seed): the random index has no group with children")
                return
            }
            var extended = lines
            extended.insert(contentsOf: [
                "    - code: \"MOI\"", "      title: Tiêu chí mới", "      max: 7", "      rule: {type: yesno}",
                "      notApplicableFor: [moi]",
            ], at: children + 1)
            let rows = world.rows + tagged.agencies.map { (agency: $0.code, code: "MOI", value: "có", evidence: 1) }
            let after = tagged.run(yaml: extended.joined(separator: "\n"), rows: rows)
            #expect(after.exitCode == 0, "seed \(seed): \(after.standardError.prefix(3))")
            #expect(after.standardOutput == before.standardOutput, "seed \(seed)")
        }
    }

    @Test("The order of input rows does not matter")
    func rowOrder() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            let world = RandomWorld(seed: seed)
            var rng = SplitMix(seed: seed &+ 1)
            let shuffled = world.run(rows: world.rows.shuffled(using: &rng))
            #expect(shuffled.standardOutput == world.run().standardOutput, "seed \(seed)")
        }
    }

    @Test("Ranks follow the finals: rank = 1 + agencies of the group with a higher final")
    func rankingConsistent() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            guard let report = Self.report(RandomWorld(seed: seed), seed) else { return } // (recorded as a failure)
            for entry in report.ranking {
                let final = report.scores[entry.position].final
                let higher = report.ranking.filter { $0.group == entry.group && report.scores[$0.position].final > final }.count
                #expect(entry.rank == higher + 1, "seed \(seed)")
            }
            #expect(Set(report.ranking.map(\.position)) == Set(report.agencies.indices))
        }
    }

    @Test("Numbers survive text: parse(description) == value, fixed(2) == rounded(2)")
    func numberText() async {
        await propertyCheck(count: 500, input: Gen.int(in: -999_999_999...999_999_999), Gen.int(in: 0...9)) { significand, scale in
            let value = DecimalNumber(significand: Int128(significand), scale: scale)
            #expect(DecimalNumber(value.description) == value)
            #expect(DecimalNumber(value.vietnamese().replacingAll(".", with: "")) == value)
            #expect(DecimalNumber(value.fixed(2)) == value.rounded(places: 2))
            let rounded = value.rounded(places: 2)
            let difference = value - rounded
            // Within half a cent; an exact half goes away from zero.
            let half = DecimalNumber.of("0.005")
            let magnitude = difference.isNegative ? DecimalNumber.zero - difference : difference
            #expect(magnitude < half || (magnitude == half && difference.isNegative != value.isNegative), "\(value)")
        }
    }
}
