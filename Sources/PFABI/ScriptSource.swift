import CPFABI
import Foundation
import PFOptimizer

/// The script a handle runs: the one named by the config, else the one
/// `pfopt export` embedded in this library's file.
struct ScriptSource {
    var fileName: String
    var source: String
    /// Inputs fixed at export, by variable name.
    var fixedInputs: [String: String]

    static func resolve(config: HandleConfig) throws -> ScriptSource {
        if let path = config.scriptPath {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return ScriptSource(fileName: path, source: text, fixedInputs: [:])
            } catch {
                throw HandleError.message("\(path): cannot read the strategy file")
            }
        }
        guard let name = pfopt_abi_image_path(#dsohandle) else {
            throw HandleError.message("cannot locate this library's file to read its embedded script")
        }
        let path = String(cString: name)
        guard let payload = try ExportPayload.read(fromFileAt: path) else {
            throw HandleError.message(
                "\(path) carries no script (make one with pfopt export, or pass {\"script\": \"path.pine\"})")
        }
        return ScriptSource(fileName: payload.fileName, source: payload.source, fixedInputs: payload.inputs)
    }
}
