import CPFABI
import Foundation

/// A strategy library opened with `dlopen` (RTLD_LOCAL): its entry points
/// as C function pointers. The layout version is checked before anything
/// else is looked up. Immutable after opening, so one value is shared by
/// every worker; each worker makes its own handle.
public final class StrategyLibrary: @unchecked Sendable {
    typealias VersionFn = @convention(c) () -> Int32
    typealias VersionGetFn = @convention(c) () -> pf_version_t
    typealias CreateFn = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutableRawPointer?
    typealias FreeFn = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias SetFn = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void
    typealias RunFullFn = @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<pf_bar_t>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        Int32, Int32, Int32, UnsafeMutablePointer<pf_report_t>?
    ) -> Void
    typealias ReportFreeFn = @convention(c) (UnsafeMutablePointer<pf_report_t>?) -> Void
    typealias LastErrorFn = @convention(c) (UnsafeMutableRawPointer?) -> UnsafePointer<CChar>?

    public let path: String
    /// The version the library reports (`commit_sha` text included).
    public let versionText: String
    /// True for a library made by `pfopt export` (it reads pfopt's config keys,
    /// the trade-window overrides and reports `margin_shortfall_bars`).
    public let isPFOpt: Bool
    private let image: UnsafeMutableRawPointer
    let create: CreateFn
    let free: FreeFn
    let setInput: SetFn
    let setOverride: SetFn
    let runFull: RunFullFn
    let reportFree: ReportFreeFn
    /// pfopt's error function; nil for libraries that do not have it.
    let lastError: LastErrorFn?

    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw LibraryError.missing(path) }
        // An absolute path: dlopen would search the library path for a bare name.
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let image = dlopen(absolute, RTLD_NOW | RTLD_LOCAL) else {
            throw LibraryError.cannotLoad(path, dlerror().map { String(cString: $0) } ?? "unknown reason")
        }
        self.image = image
        func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
            guard let p = dlsym(image, name) else { throw LibraryError.missingSymbol(path, name) }
            return unsafeBitCast(p, to: type)
        }
        guard let versionSymbol = dlsym(image, "pf_abi_version") else {
            dlclose(image)
            throw LibraryError.noVersion(path)
        }
        let version = unsafeBitCast(versionSymbol, to: VersionFn.self)()
        guard version == PF_ABI_VERSION else {
            dlclose(image)
            throw LibraryError.versionMismatch(path, library: Int(version), pfopt: Int(PF_ABI_VERSION))
        }
        do {
            let info = try symbol("pf_version_get", VersionGetFn.self)()
            let sha = info.commit_sha.map { String(cString: $0) } ?? ""
            versionText = "\(info.major).\(info.minor).\(info.patch)" + (sha.isEmpty ? "" : " (\(sha))")
            isPFOpt = sha.hasPrefix("pfopt")
            create = try symbol("strategy_create", CreateFn.self)
            free = try symbol("strategy_free", FreeFn.self)
            setInput = try symbol("strategy_set_input", SetFn.self)
            setOverride = try symbol("strategy_set_override", SetFn.self)
            runFull = try symbol("run_backtest_full", RunFullFn.self)
            reportFree = try symbol("report_free", ReportFreeFn.self)
            lastError = dlsym(image, "pf_last_error").map { unsafeBitCast($0, to: LastErrorFn.self) }
        } catch {
            dlclose(image)
            throw error
        }
    }

    deinit {
        dlclose(image)
    }
}
