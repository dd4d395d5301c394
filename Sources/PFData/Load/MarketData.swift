import Foundation

/// Everything a backtest needs from a data file, loaded in one call: the
/// bars, their timeframe, the symbol information and where they came from.
public struct MarketData: Sendable {
    /// The bars (decoded once, shared read-only).
    public let bars: BarStore
    /// The data's timeframe (declared in the `.ohlcv` header, else detected).
    public let timeframe: Timeframe?
    /// The symbol (from the TOML beside the data file, else defaults with the detected tick).
    public let symbol: SymbolInfo
    /// The file the caller named.
    public let sourcePath: String
    /// The `.ohlcv` file the bars were read from.
    public let ohlcvPath: String
    /// Gaps in the data.
    public let gaps: [DataGap]
    /// False when the symbol's quote currency is a default: no symbol file
    /// and none recognised in the data file's name.
    public var currencyIsKnown = true
    /// True when the symbol came from a symbol file beside the data (not
    /// from defaults guessed from the file name and the prices).
    public var hasSymbolFile = false

    public init(
        bars: BarStore, timeframe: Timeframe?, symbol: SymbolInfo, sourcePath: String, ohlcvPath: String,
        gaps: [DataGap]
    ) {
        self.bars = bars
        self.timeframe = timeframe
        self.symbol = symbol
        self.sourcePath = sourcePath
        self.ohlcvPath = ohlcvPath
        self.gaps = gaps
    }

    /// Loads a data file. A `.csv/.tsv/.txt/.json` is converted to `.ohlcv`
    /// beside it (or in a cache folder when that is not writable) and
    /// re-converted only when the source is newer; a `.ohlcv` is opened by mmap.
    /// `timezone` is the zone of naive times in a text source (UTC when `nil`).
    public static func load(path: String, timezone: String? = nil) throws -> MarketData {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ImportError.io(file: path, reason: "no such file")
        }
        let ohlcvPath: String
        if DataImporter.format(ofPath: path) != nil {
            ohlcvPath = try cachedOHLCV(for: path, timezone: timezone)
        } else {
            ohlcvPath = path
        }
        let reader = try OHLCVReader(path: ohlcvPath)
        var bars = try reader.validatedBarStore()
        let detection = IntervalDetection.detect(bars.time)
        let timeframe = reader.version == 2 ? reader.timeframe : detection.timeframe
        let tomlCandidates = [SymbolInfo.tomlPath(forDataFile: path), SymbolInfo.tomlPath(forDataFile: ohlcvPath)]
        var symbol: SymbolInfo?
        for candidate in tomlCandidates where FileManager.default.fileExists(atPath: candidate) {
            symbol = try SymbolInfo.load(path: candidate)
            break
        }
        // A legacy (v1) file stores prices as 32-bit floats: 100497.35 reads
        // back as 100497.3515625. With a symbol file giving the tick, put the
        // prices back on its grid, as the exchange quoted them.
        if reader.version == 1, let mintick = symbol?.mintick, mintick > 0 {
            bars = bars.snappedToTick(mintick)
        }
        let info =
            symbol
            ?? SymbolInfo.defaults(
                forDataFile: path, timeframe: timeframe,
                mintick: reader.tickGrid?.mintick ?? TickAnalysis.tickSize(of: bars) ?? 0.01)
        var market = MarketData(
            bars: bars, timeframe: timeframe, symbol: info, sourcePath: path, ohlcvPath: ohlcvPath,
            gaps: detection.gaps)
        market.currencyIsKnown = symbol != nil || SymbolGuess(fileName: path).quote != nil
        market.hasSymbolFile = symbol != nil
        return market
    }

    /// The up-to-date `.ohlcv` of a text source: beside it when that folder is
    /// writable, else in the cache folder (`$XDG_CACHE_HOME/pfopt` or `~/.cache/pfopt`).
    /// Naive times read in a non-UTC `timezone` are kept in `NAME.tz-ZONE.ohlcv`.
    static func cachedOHLCV(for path: String, timezone: String?) throws -> String {
        var beside = DataConverter.ohlcvPath(forSource: path)
        if let timezone, (try? ZoneOffset(named: timezone))?.isUTC != true {
            // Naive times read in another zone give other bars: keep them apart from the UTC conversion.
            let tag = String(timezone.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            beside = String(beside.dropLast(".ohlcv".count)) + ".tz-" + tag + ".ohlcv"
        }
        let folder = URL(fileURLWithPath: beside).deletingLastPathComponent().path
        let target: String
        if FileManager.default.isWritableFile(atPath: folder) {
            target = beside
        } else {
            target = try cachePath(for: path, variant: URL(fileURLWithPath: beside).lastPathComponent)
        }
        if DataConverter.isConversionRequired(sourcePath: path, ohlcvPath: target) {
            _ = try DataConverter.convert(
                sourcePath: path, outputPath: target, timezone: timezone, force: true, writeSymbolFile: false)
        }
        return target
    }

    static func cachePath(for path: String, variant: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = xdg + "/pfopt"
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache/pfopt"
        } else {
            base = NSTemporaryDirectory() + "pfopt-cache"
        }
        do {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        } catch {
            throw ImportError.io(file: base, reason: "cannot create the cache folder")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let stem = String(variant.dropLast(".ohlcv".count))
        return base + "/" + stem + "-" + String(hash, radix: 16) + ".ohlcv"
    }
}
