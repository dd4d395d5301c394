import Foundation

/// `manifest.json`: what produced the results and what happened.
struct Manifest: Encodable {
    struct Counts: Encodable {
        var planned: Int
        var examined: Int
        var skipped: Int
        var skipped_duplicates: Int
        var run: Int
        var resumed: Int
        var failed: Int
        var passed_filters: Int
        var filtered_out: Int
    }

    struct Best: Encodable {
        var run: Int
        var objective: Double
        var params: [String: String]
    }

    var pfopt_version: String
    var command: String
    var config_file: String
    var config_hash: String
    var data_file: String
    var data_hash: String
    var method: String
    var rank_by: String
    var direction: String
    var jobs: Int
    var counts: Counts
    var wall_seconds: Double
    var runs_per_second: Double
    var interrupted: Bool
    var best: Best?
    var notes: [String]
    /// The process's peak resident memory: what a cluster task running it needs.
    var peak_memory_mb: Int? = MemoryBudget.peakResidentMegabytes()

    func write(to path: String) throws(SweepError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            var data = try encoder.encode(self)
            data.append(10)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw .io(path: path, reason: String(describing: error))
        }
    }
}
