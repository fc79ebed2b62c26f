import ChiSoCore
import Fluent
import Foundation

/// Which data sets behind sourced criteria the organiser has declared complete for one period, and
/// the day each was checked. Until a data set is declared, the criteria it feeds are provisional
/// ("chưa đủ số liệu") and no assessment of the period is finalised.
struct SourceDeclarations: Sendable {
    var checkedOn: [SourceDataSet: CivilDate] = [:]

    static func of(period periodID: UUID, on db: any Database) async throws -> SourceDeclarations {
        let rows = try await SourceDeclarationModel.query(on: db).filter(\.$period.$id == periodID).all()
        var declarations = SourceDeclarations()
        for row in rows {
            guard let set = SourceDataSet(rawValue: row.dataSet), let day = CivilDate.parse(row.checkedOn) else { continue }
            declarations.checkedOn[set] = day
        }
        return declarations
    }

    func isComplete(_ set: SourceDataSet) -> Bool { checkedOn[set] != nil }

    /// The data sets `index` reads that are not declared yet.
    func undeclared(of index: Index) -> [SourceDataSet] {
        index.dataSets.filter { !isComplete($0) }
    }
}
