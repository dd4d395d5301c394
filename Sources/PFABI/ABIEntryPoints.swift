import CPFABI
import Foundation

// The C entry points of a pfopt strategy library. Each one turns the opaque
// handle back into its `StrategyHandle` and does nothing else: the handle
// owns all state, so distinct handles never share anything mutable.

/// Static C text (lives as long as the library; nothing to free).
func staticCString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

@_cdecl("pf_abi_version")
func pfAbiVersion() -> Int32 {
    Int32(PF_ABI_VERSION)
}

@_cdecl("pf_version_get")
func pfVersionGet() -> pf_version_t {
    pf_version_t(
        major: Int32(LibraryVersion.major), minor: Int32(LibraryVersion.minor), patch: Int32(LibraryVersion.patch),
        commit_sha: staticCString(LibraryVersion.tag))
}

@_cdecl("strategy_create")
func strategyCreate(_ config: UnsafePointer<CChar>?) -> UnsafeMutableRawPointer? {
    let text = config.map { String(cString: $0) } ?? ""
    let handle = StrategyHandle(configJSON: text)
    return Unmanaged.passRetained(handle).toOpaque()
}

@_cdecl("strategy_free")
func strategyFree(_ strategy: UnsafeMutableRawPointer?) {
    guard let strategy else { return }
    Unmanaged<StrategyHandle>.fromOpaque(strategy).release()
}

@_cdecl("strategy_set_input")
func strategySetInput(
    _ strategy: UnsafeMutableRawPointer?, _ title: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) {
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.setInput(title: title.map { String(cString: $0) } ?? "", value: value.map { String(cString: $0) })
}

@_cdecl("strategy_set_override")
func strategySetOverride(
    _ strategy: UnsafeMutableRawPointer?, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) {
    guard let handle = StrategyHandle.from(strategy) else { return }
    handle.setOverride(key: key.map { String(cString: $0) } ?? "", value: value.map { String(cString: $0) })
}

@_cdecl("run_backtest")
func runBacktest(
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

@_cdecl("run_backtest_full")
func runBacktestFull(
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

@_cdecl("report_free")
func reportFree(_ report: UnsafeMutablePointer<pf_report_t>?) {
    guard let report else { return }
    ReportFiller.release(report)
}

@_cdecl("pf_last_error")
func pfLastError(_ strategy: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
    guard let handle = StrategyHandle.from(strategy) else { return StrategyHandle.noHandleText }
    return handle.lastErrorPointer
}
