/// Which price level of an order a path segment touched.
enum TouchLeg: UInt8 {
    case entryPrice
    case stopTrigger
    case exitLimit
    case exitStop
    case exitTrail
}
