import Foundation

/// Prints sweep progress to standard error: a live line redrawn in place on
/// a terminal, a plain line every few seconds otherwise, nothing when quiet.
public final class ProgressPrinter: @unchecked Sendable {
    public enum Mode: Sendable {
        /// Live on a terminal, plain lines otherwise.
        case automatic
        case live
        case plain
        case quiet
    }

    private let mode: Mode
    private let lock = NSLock()
    private var lastPlain = -Double.infinity
    private let plainInterval: Double
    private var drewLive = false

    public init(mode: Mode = .automatic, plainInterval: Double = 5) {
        if mode == .automatic {
            self.mode = isatty(STDERR_FILENO) != 0 ? .live : .plain
        } else {
            self.mode = mode
        }
        self.plainInterval = plainInterval
    }

    /// Shows a snapshot.
    public func update(_ p: SweepProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch mode {
        case .quiet, .automatic: return
        case .live:
            var line = "\r\u{1B}[K" + Self.line(p)
            if p.finished {
                line += "\n"
                drewLive = false
            } else {
                drewLive = true
            }
            FileHandle.standardError.write(Data(line.utf8))
        case .plain:
            guard p.finished || p.elapsed - lastPlain >= plainInterval else { return }
            lastPlain = p.elapsed
            FileHandle.standardError.write(Data((Self.line(p) + "\n").utf8))
        }
    }

    /// The text of one progress line.
    public static func line(_ p: SweepProgress) -> String {
        var parts: [String] = []
        if !p.phase.isEmpty { parts.append(p.phase) }
        parts.append("\(p.examined)/\(p.planned)")
        var counts = "\(p.fresh) run"
        if p.reused > 0 { counts += ", \(p.reused) resumed" }
        if p.failed > 0 { counts += ", \(p.failed) failed" }
        parts.append(counts)
        parts.append(String(format: "%.1f runs/s", p.runsPerSecond))
        if p.finished {
            parts.append(String(format: "%.1fs", p.elapsed))
        } else if let eta = p.eta {
            parts.append("ETA " + formatDuration(eta))
        }
        if let best = p.best { parts.append("best " + formatNumber(best)) }
        return parts.joined(separator: "  ")
    }

    static func formatDuration(_ s: Double) -> String {
        let total = Int(s.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h\(String(format: "%02d", (total / 60) % 60))m"
    }

    static func formatNumber(_ d: Double) -> String {
        if d.isNaN { return "na" }
        if d.rounded() == d && abs(d) < 1e12 { return String(format: "%.0f", d) }
        if abs(d) >= 1000 { return String(format: "%.1f", d) }
        return String(format: "%.4g", d)
    }
}
