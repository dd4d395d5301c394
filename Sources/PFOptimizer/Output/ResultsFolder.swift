/// A results folder opened for one sweep or walk-forward: created and locked
/// for the whole command, the shards merged into its journal when asked, the
/// journal read (resumed, or started afresh with the old outputs removed),
/// and the notes that say which of these happened.
struct ResultsFolder {
    let lock: OutputLock
    let journal: Journal
    /// The fingerprints of the config sections and of the data the journal was checked against.
    let configHash: String
    let dataHash: String
    /// What opening the folder did, for the summary.
    var notes: [String]

    /// Opens `directory` for `command` ("sweep" or "walkforward"); `sections`
    /// are the config sections whose change makes old runs stale, `outputs`
    /// the files the command writes, `runs` what a merged journal holds
    /// ("runs", "in-sample runs"). The caller releases `lock` when done.
    init(
        _ directory: String, command: String, config: SweepConfig, sections: [String], outputs: [String], runs: String,
        options: SweepOptions
    ) throws(SweepError) {
        try OutputDirectory.create(directory)
        let lock = try OutputLock(directory: directory, command: options.merge ? "merge" : command)
        do {
            let (configHash, dataHash) = OutputDirectory.fingerprints(config, sections: sections)
            var notes: [String] = []
            if let note = lock.note { notes.append(note) }
            if options.merge {
                let merged = try ShardMerge.assemble(
                    outputDirectory: directory, command: command, configHash: configHash, dataHash: dataHash,
                    version: options.version, configFile: config.document.file)
                notes.append("merged \(merged.shards) shards: \(merged.runs) \(runs)")
            }
            journal = try Journal(
                path: directory + "/" + Sweep.journalName, configHash: configHash, dataHash: dataHash,
                fresh: options.fresh && !options.merge, version: options.version)
            if let reason = journal.discardReason { notes.append(reason) }
            if let damage = journal.damageNote { notes.append(damage) }
            if journal.reusedCount > 0 && !options.merge {
                notes.append("resuming: \(journal.reusedCount) finished runs taken from the journal")
            }
            if journal.reusedCount == 0 { OutputDirectory.remove(outputs, in: directory) }
            if options.shard != nil { OutputDirectory.remove([ShardMerge.statusName], in: directory) }
            self.notes = notes
            self.lock = lock
            self.configHash = configHash
            self.dataHash = dataHash
        } catch {
            lock.release()
            throw error
        }
    }
}
