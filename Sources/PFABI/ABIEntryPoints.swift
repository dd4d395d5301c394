import CPFABI
import Foundation

// The C entry points of a pfopt strategy library. Each one turns the opaque
// handle back into its `StrategyHandle` and does nothing else: the handle
// owns all state, so distinct handles never share anything mutable.

/// Static C text (lives as long as the library; nothing to free).
func staticCString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// The layout version of the interface (2). Exported to C as `pf_abi_version`.
@_cdecl("pf_abi_version")
public func pfAbiVersion() -> Int32 {
    Int32(PF_ABI_VERSION)
}

/// The library's version; `commit_sha` starts with "pfopt". Exported to C as `pf_version_get`.
@_cdecl("pf_version_get")
public func pfVersionGet() -> pf_version_t {
    pf_version_t(
        major: Int32(LibraryVersion.major), minor: Int32(LibraryVersion.minor), patch: Int32(LibraryVersion.patch),
        commit_sha: staticCString(LibraryVersion.tag))
}

/// A new handle for the embedded script, or the one the JSON config names. Exported to C as `strategy_create`.
@_cdecl("strategy_create")
public func strategyCreate(_ config: UnsafePointer<CChar>?) -> UnsafeMutableRawPointer? {
    let text = config.map { String(cString: $0) } ?? ""
    let handle = StrategyHandle(configJSON: text)
    return Unmanaged.passRetained(handle).toOpaque()
}

/// Releases a handle (NULL is ignored). Exported to C as `strategy_free`.
@_cdecl("strategy_free")
public func strategyFree(_ strategy: UnsafeMutableRawPointer?) {
    guard let strategy else { return }
    Unmanaged<StrategyHandle>.fromOpaque(strategy).release()
}

/// Sets an input by title (or variable name); errors go to `pf_last_error`. Exported to C as `strategy_set_input`.
@_cdecl("strategy_set_input")
public func strategySetInput(
    _ strategy: UnsafeMutableRawPointer?, _ title: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) {
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.setInput(title: title.map { String(cString: $0) } ?? "", value: value.map { String(cString: $0) })
}

/// Replaces a `strategy()` property, or sets the trade window. Exported to C as `strategy_set_override`.
@_cdecl("strategy_set_override")
public func strategySetOverride(
    _ strategy: UnsafeMutableRawPointer?, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) {
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.setOverride(key: key.map { String(cString: $0) } ?? "", value: value.map { String(cString: $0) })
}

/// Runs over bars on their own timeframe, without the magnifier. Exported to C as `run_backtest`.
@_cdecl("run_backtest")
public func runBacktest(
    _ strategy: UnsafeMutableRawPointer?, _ bars: UnsafePointer<pf_bar_t>?, _ count: Int32,
    _ out: UnsafeMutablePointer<pf_report_t>?
) {
    guard let out else { return }
    out.pointee = pf_report_t()
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.run(
        RunArguments(bars: bars, count: Int(count), inputTimeframe: nil, scriptTimeframe: nil, magnifier: false,
            samples: 4, distribution: 3),
        into: out)
}

/// Runs over bars with timeframes and the magnifier (see pfopt_abi.h). Exported to C as `run_backtest_full`.
@_cdecl("run_backtest_full")
public func runBacktestFull(
    _ strategy: UnsafeMutableRawPointer?, _ bars: UnsafePointer<pf_bar_t>?, _ count: Int32,
    _ inputTimeframe: UnsafePointer<CChar>?, _ scriptTimeframe: UnsafePointer<CChar>?,
    _ magnifier: Int32, _ samples: Int32, _ distribution: Int32, _ out: UnsafeMutablePointer<pf_report_t>?
) {
    guard let out else { return }
    out.pointee = pf_report_t()
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.run(
        RunArguments(
            bars: bars, count: Int(count), inputTimeframe: inputTimeframe.map { String(cString: $0) },
            scriptTimeframe: scriptTimeframe.map { String(cString: $0) }, magnifier: magnifier != 0,
            samples: Int(samples), distribution: Int(distribution)),
        into: out)
}

/// Releases what a run allocated in a report; idempotent. Exported to C as `report_free`.
@_cdecl("report_free")
public func reportFree(_ report: UnsafeMutablePointer<pf_report_t>?) {
    guard let report else { return }
    ReportFiller.release(report)
}

/// The handle's last error as one line ("" after a clean call). Exported to C as `pf_last_error`.
@_cdecl("pf_last_error")
public func pfLastError(_ strategy: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
    guard let handle = StrategyHandle.from(strategy) else { return StrategyHandle.noHandleText }
    return handle.lastErrorPointer
}
