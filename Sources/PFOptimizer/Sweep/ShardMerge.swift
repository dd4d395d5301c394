import Foundation
import PineEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the journals of finished shards together into one journal in the
/// results folder, refusing shards that are missing, unfinished, or were run
/// with another config, data or engine. A sweep (or walk-forward) run over
/// that journal then writes exactly what one machine would have written.
enum ShardMerge {
    /// The record a shard writes when it has run all of its runs.
    static let statusName = "shard.json"

    struct Status {
        var shard: Int
        var of: Int
        var command: String
        var configHash: String
        var dataHash: String
        var semantics: Int
        var runs: Int
    }

    /// Writes a finished shard's record.
    static func writeStatus(_ s: Status, in directory: String) throws(SweepError) {
        let json = JSONText.object([
            ("shard", .int(s.shard)), ("of", .int(s.of)), ("command", .string(s.command)),
            ("config_hash", .string(s.configHash)), ("data_hash", .string(s.dataHash)),
            ("semantics", .int(s.semantics)), ("runs", .int(s.runs)), ("complete", .bool(true)),
        ])
        try OutputDirectory.write(json.render() + "\n", to: directory + "/" + statusName)
    }

    static func readStatus(_ path: String) -> Status? {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["complete"] as? Bool == true,
            let shard = object["shard"] as? Int, let of = object["of"] as? Int,
            let command = object["command"] as? String, let config = object["config_hash"] as? String,
            let dataHash = object["data_hash"] as? String, let semantics = object["semantics"] as? Int,
            let runs = object["runs"] as? Int
        else { return nil }
        return Status(
            shard: shard, of: of, command: command, configHash: config, dataHash: dataHash, semantics: semantics,
            runs: runs)
    }

    /// The command (`sweep` or `walkforward`) whose shards lie under
    /// `outputDirectory/shards`, from the first finished shard's record.
    static func command(outputDirectory: String) -> String? {
        let folder = outputDirectory + "/shards"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for i in names.compactMap({ Int($0) }).sorted() {
            if let status = readStatus(folder + "/\(i)/" + statusName) { return status.command }
        }
        return nil
    }

    /// Writes `outputDirectory/journal.tsv` from every shard's journal.
    /// Returns the number of shards and of runs merged.
    static func assemble(
        outputDirectory base: String, command: String, configHash: String, dataHash: String, version: String,
        configFile: String
    ) throws(SweepError) -> (shards: Int, runs: Int) {
        let folder = base + "/shards"
        let again = "pfopt \(command) \(configFile) --shard"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let found = names.compactMap { Int($0) }.sorted()
        guard !found.isEmpty else {
            throw .shards("\(folder): no shards to merge; run `\(again) I/N` for I = 0...N-1 first")
        }
        var statuses: [Int: Status] = [:]
        for i in found {
            if let status = readStatus(folder + "/\(i)/" + statusName) { statuses[i] = status }
        }
        let splits = Set(statuses.values.map(\.of)).sorted()
        if splits.count > 1 {
            let list = splits.map(String.init).joined(separator: " and ")
            throw .shards("\(folder) holds shards of different splits (into \(list) shards): remove \(folder) and run the shards of one split")
        }
        guard let count = splits.first else {
            throw .shards("\(folder): no shard has finished; run `\(again) I/N` again for each shard")
        }
        for i in 0..<count {
            let dir = folder + "/\(i)"
            guard FileManager.default.fileExists(atPath: dir) else {
                throw .shards("shard \(i) of \(count) is missing (no \(dir)): run `\(again) \(i)/\(count)`")
            }
            guard let s = statuses[i] else {
                throw .shards("shard \(i) of \(count) has not finished (no \(dir)/\(statusName)): run `\(again) \(i)/\(count)` again")
            }
            guard s.of == count, s.shard == i else {
                throw .shards("\(dir) is shard \(s.shard) of \(s.of), not of \(count): remove the shards of the other split and run them again")
            }
            guard s.command == command else {
                throw .shards("\(dir) is a shard of a \(s.command), not of a \(command)")
            }
            guard s.configHash == configHash else {
                throw .shards("shard \(i) was run with another config (or script) than \(configFile): run it again")
            }
            guard s.dataHash == dataHash else {
                throw .shards("shard \(i) was run on other data than \(configFile) names now: run it again")
            }
            guard s.semantics == EngineSemantics.version else {
                throw .shards("shard \(i) was run by an engine with other backtest rules (semantics version \(s.semantics), now \(EngineSemantics.version)): run it again")
            }
        }
        for i in found where i >= count {
            throw .shards("\(folder)/\(i) does not belong to a split into \(count) shards: remove it")
        }

        let target = base + "/" + Sweep.journalName
        let temporary = target + ".merge"
        let sink = try FileSink(path: temporary)
        try sink.write(Journal.header(configHash: configHash, dataHash: dataHash, semantics: EngineSemantics.version, version: version))
        var seen: Set<Journal.Key> = []
        var total = 0
        for i in 0..<count {
            let path = folder + "/\(i)/" + Sweep.journalName
            let scan = Journal.scan(path: path)
            guard let header = scan.header, Journal.field("config", in: header) == configHash,
                Journal.field("data", in: header) == dataHash,
                Journal.field("semantics", in: header) == String(EngineSemantics.version)
            else {
                throw .shards("\(path): not the journal of this config, data and engine: run shard \(i) again")
            }
            guard scan.damaged.isEmpty && !scan.tornTail else {
                throw .shards("\(path): \(scan.damaged.count + (scan.tornTail ? 1 : 0)) damaged line(s): run `\(again) \(i)/\(count)` again to redo them")
            }
            guard let status = statuses[i], scan.locations.count == status.runs else {
                throw .shards("\(path) holds \(scan.locations.count) runs but the shard finished with \(statuses[i]?.runs ?? 0): run shard \(i) again")
            }
            var failure: SweepError? = nil
            Journal.forEachLine(path: path) { line in
                guard failure == nil, let entry = Journal.parse(line: line) else { return }
                let key = Journal.Key(segment: entry.segment, index: entry.index)
                if !seen.insert(key).inserted {
                    failure = .shards("run \(entry.index) is in two shards (the second is shard \(i)): the shards come from different splits; run them again")
                    return
                }
                do { try sink.write(line) } catch { failure = error as? SweepError ?? .io(path: temporary, reason: "\(error)") }
            }
            if let failure { throw failure }
            total += scan.locations.count
        }
        try sink.flush()
        if rename(temporary, target) != 0 { throw .io(path: target, reason: String(cString: strerror(errno))) }
        return (count, total)
    }
}
