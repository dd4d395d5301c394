/// How a statement ends: normally, or by `break` / `continue`.
enum Flow {
    case normal, breakLoop, continueLoop
}
