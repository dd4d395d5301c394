import Foundation

/// How many more pool workers fit in memory, from what one worker was seen
/// to take on its first run and what the machine (or the job's control
/// group) has free.
enum MemoryBudget {
    /// Share of the free memory the pool may fill; the rest is headroom for
    /// the writers, the page cache and the runs' peaks.
    static let usableShare = 0.8

    /// This process's resident memory in bytes (`nil` where it cannot be read).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The peak resident memory of this process so far, in MB.
    static func peakResidentMegabytes() -> Int? {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss) / (1 << 20)  // bytes on Darwin
        #endif
    }

    /// Bytes free for new allocations: the kernel's MemAvailable, lowered to
    /// the control group's limit minus its use when one is set.
    static func availableBytes() -> Int? {
        var available: Int? = nil
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
                let parts = line.split(separator: " ")
                if parts.count >= 2, let kb = Int(parts[1]) { available = kb * 1024 }
            }
        }
        if let limitText = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let limit = Int(limitText.trimmingCharacters(in: .whitespacesAndNewlines)),
            let usedText = try? String(contentsOfFile: "/sys/fs/cgroup/memory.current", encoding: .utf8),
            let used = Int(usedText.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            let room = max(0, limit - used)
            available = min(available ?? room, room)
        }
        return available
    }

    /// How many of `wanted` further workers to start when each takes
    /// `perWorker` bytes and `available` are free; a note when fewer.
    static func affordable(wanted: Int, perWorker: Int, available: Int?) -> (count: Int, note: String?) {
        guard wanted > 0, let available, perWorker > 0 else { return (wanted, nil) }
        let fit = Int(Double(available) * usableShare) / perWorker
        guard fit < wanted else { return (wanted, nil) }
        let count = max(0, fit)
        let mb = { (b: Int) in String(b / (1 << 20)) }
        return (
            count,
            "ran \(count + 1) workers instead of \(wanted + 1): each takes about \(mb(perWorker)) MB (measured on the first run) and \(mb(available)) MB are free"
        )
    }
}
