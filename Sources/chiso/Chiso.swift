import ArgumentParser

/// `chiso`: the one executable of ChiSo.
@main
struct Chiso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chiso",
        abstract: "ChiSo (Chỉ Số): đánh giá chất lượng hoạt động cơ quan nhà nước — quality-of-operations index for state agencies.",
        subcommands: [IndexCommand.self, ScoreCommand.self]
    )
}
