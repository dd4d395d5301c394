import Foundation

/// Converts CSV/TSV/TXT/JSON bar files to `.ohlcv`: detects the timeframe,
/// gaps and tick size, guesses the symbol from the file name, and converts
/// only when the source changed since the last conversion.
public enum DataConverter {
    /// What a conversion produced.
    public struct Result: Sendable {
        /// The `.ohlcv` file.
        public let ohlcvPath: String
        /// The symbol TOML written beside it (`nil` when one already existed or none was asked for).
        public let writtenSymbolPath: String?
        /// The bars converted.
        public let bars: BarStore
        /// The detected timeframe.
        public let timeframe: Timeframe?
        /// Gaps in the data.
        public let gaps: [DataGap]
        /// The tick size stamped in the file.
        public let tick: Double?
        /// The symbol information (from the TOML beside the source, or guessed).
        public let symbol: SymbolInfo
    }

    /// Symbol and provider guessed from a file name.
    public static func guessSymbol(fromFileName path: String) -> SymbolGuess {
        SymbolGuess(fileName: path)
    }

    /// The `.ohlcv` path beside a source file (same folder and stem).
    public static func ohlcvPath(forSource path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("ohlcv").path
    }

    /// True when `ohlcvPath` is missing or was not converted from
    /// `sourcePath` as it is now. A conversion stamps the `.ohlcv` with its
    /// source's modification time, so any other time means the source
    /// changed since: newer, and also older (a file replaced by an unzip,
    /// `cp -p` or `rsync -a` keeps its own, earlier time). An `.ohlcv` made
    /// by another tool is converted again once, then stamped.
    public static func isConversionRequired(sourcePath: String, ohlcvPath: String? = nil) -> Bool {
        let target = ohlcvPath ?? self.ohlcvPath(forSource: sourcePath)
        guard let targetDate = modificationDate(target) else { return true }
        guard let sourceDate = modificationDate(sourcePath) else { return true }
        return abs(sourceDate.timeIntervalSince(targetDate)) > stampTolerance
    }

    /// How far apart two modification times may be and still be the same
    /// stamp (file systems keep them at different precisions).
    static let stampTolerance: TimeInterval = 0.001

    /// Gives `target` the modification time of `source`: the stamp that says
    /// which version of the source it was converted from. When it cannot be
    /// set, the next load converts again (slower, never stale).
    static func stamp(_ target: String, from source: String) {
        guard let date = modificationDate(source) else { return }
        do {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target)
        } catch {
            return
        }
    }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Converts `sourcePath` to `.ohlcv` (at `outputPath`, default beside the
    /// source) unless an up-to-date one exists and `force` is false.
    ///
    /// - Parameters:
    ///   - symbol: ticker to record (`BTC/USDT` or `BTCUSDT`); guessed from the name when `nil`.
    ///   - provider: provider/exchange prefix; guessed when `nil`.
    ///   - timezone: timezone of naive times in the source.
    ///   - tick: the tick size; taken from the symbol TOML beside the source, else analysed.
    ///   - writeSymbolFile: write a symbol TOML file beside the output when none exists.
    public static func convert(
        sourcePath: String, outputPath: String? = nil, symbol: String? = nil, provider: String? = nil,
        timezone: String? = nil, tick: Double? = nil, force: Bool = false, writeSymbolFile: Bool = true,
        options: ImportOptions = ImportOptions()
    ) throws -> Result {
        let output = outputPath ?? ohlcvPath(forSource: sourcePath)
        let tomlBesideSource = SymbolInfo.tomlPath(forDataFile: sourcePath)
        let tomlBesideOutput = SymbolInfo.tomlPath(forDataFile: output)
        let existingSymbol: SymbolInfo?
        if FileManager.default.fileExists(atPath: tomlBesideSource) {
            existingSymbol = try SymbolInfo.load(path: tomlBesideSource)
        } else if FileManager.default.fileExists(atPath: tomlBesideOutput) {
            existingSymbol = try SymbolInfo.load(path: tomlBesideOutput)
        } else {
            existingSymbol = nil
        }
        if !force && !isConversionRequired(sourcePath: sourcePath, ohlcvPath: output) {
            let reader = try OHLCVReader(path: output)
            let store = try reader.validatedBarStore()
            let detection = IntervalDetection.detect(store.time)
            let frame = reader.timeframe ?? detection.timeframe
            let mintick = existingSymbol?.mintick ?? reader.tickGrid?.mintick ?? TickAnalysis.tickSize(of: store) ?? 0.01
            let info = existingSymbol ?? makeSymbol(sourcePath, symbol, provider, frame, mintick)
            return Result(
                ohlcvPath: output, writtenSymbolPath: nil, bars: store, timeframe: frame, gaps: detection.gaps,
                tick: mintick, symbol: info)
        }
        var importOptions = options
        if let timezone { importOptions.timezone = timezone }
        let store = try DataImporter.load(path: sourcePath, options: importOptions)
        let detection = IntervalDetection.detect(store.time)
        let declared = existingSymbol.flatMap { Timeframe($0.period) }
        guard let frame = detection.timeframe ?? declared else {
            throw ImportError.unsupported(
                file: sourcePath, reason: "cannot tell the timeframe from a single bar: add a symbol file with a period")
        }
        if let tick, !(tick > 0 && tick.isFinite) {
            throw ImportError.unsupported(file: sourcePath, reason: "the tick size must be a positive number, not \(tick)")
        }
        let mintick = tick ?? existingSymbol?.mintick ?? TickAnalysis.tickSize(of: store) ?? 0.01
        let grid = existingSymbol.flatMap { TickGrid(minmove: $0.minmove, pricescale: $0.pricescale) }
            .flatMap { tick == nil ? $0 : nil } ?? TickGrid(mintick: mintick)
        let bytes = OHLCVEncoder.encode(store, timeframe: frame, grid: grid)
        do {
            try AtomicFile.write(bytes: bytes, to: output)
        } catch {
            throw ImportError.io(file: output, reason: "cannot write the .ohlcv file")
        }
        stamp(output, from: sourcePath)
        var info = existingSymbol ?? makeSymbol(sourcePath, symbol, provider, frame, mintick)
        if let tick {
            info.mintick = tick
            if let g = TickGrid(mintick: tick) {
                info.minmove = g.minmove
                info.pricescale = g.pricescale
            }
        }
        var written: String?
        if writeSymbolFile && existingSymbol == nil && !FileManager.default.fileExists(atPath: tomlBesideOutput) {
            try info.save(path: tomlBesideOutput)
            written = tomlBesideOutput
        }
        return Result(
            ohlcvPath: output, writtenSymbolPath: written, bars: store, timeframe: frame, gaps: detection.gaps,
            tick: mintick, symbol: info)
    }

    static func makeSymbol(
        _ sourcePath: String, _ symbol: String?, _ provider: String?, _ frame: Timeframe?, _ mintick: Double
    ) -> SymbolInfo {
        var info = SymbolInfo.defaults(forDataFile: sourcePath, timeframe: frame, mintick: mintick)
        if let symbol {
            let guess = SymbolGuess(fileName: symbol.replacingOccurrences(of: "/", with: ""))
            info.ticker = guess.ticker
            info.description = symbol
            if let quote = guess.quote { info.currency = quote }
            info.basecurrency = guess.base
            info.type = guess.type
        }
        if let provider { info.prefix = provider.uppercased() }
        return info
    }
}
