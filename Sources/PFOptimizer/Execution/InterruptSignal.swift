import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) into a `CancellationFlag`: the first Ctrl-C asks the
/// sweep to stop after saving what finished; a second one exits at once
/// (the journal keeps every finished run either way).
public enum InterruptSignal {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// Installs the handler; call once, before the sweep starts.
    public static func install(_ flag: CancellationFlag, onFirst: (@Sendable () -> Void)? = nil) {
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        s.setEventHandler {
            if flag.isCancelled { exit(130) }
            flag.cancel()
            onFirst?()
        }
        s.resume()
        source = s
    }
}
