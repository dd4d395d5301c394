/// Pine scripts several test targets run.
public enum TestScripts {
    /// Enters long on bars where bar_index % period == 0 and closes on bars
    /// where bar_index % period == hold; quantity 1, no costs. Inputs:
    /// `period` (10) and `hold` (5).
    public static let rhythm = """
        //@version=6
        strategy("rhythm", initial_capital = 10000, default_qty_type = strategy.fixed, default_qty_value = 1)
        period = input.int(10, "Period", minval = 2)
        hold = input.int(5, "Hold", minval = 1)
        if bar_index % period == 0
            strategy.entry("L", strategy.long)
        if bar_index % period == hold
            strategy.close("L")
        """
}
