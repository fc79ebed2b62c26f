import ArgumentParser

/// `chiso`: the one executable of ChiSo.
@main
struct Chiso: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chiso",
        abstract: "ChiSo (Chỉ Số): đánh giá chất lượng hoạt động cơ quan nhà nước — quality-of-operations index for state agencies.",
        subcommands: [DemoCommand.self, ServeCommand.self, MigrateCommand.self, RoutesCommand.self, UserCommand.self, IndexCommand.self, ScoreCommand.self, SnapshotCommand.self, BackupCommand.self, RestoreCommand.self, LoadTestSeedCommand.self]
    )
}
