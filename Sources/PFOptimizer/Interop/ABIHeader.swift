/// The text of `pfopt_abi.h`, the C header `pfopt export` writes beside a
/// library. The same text is the CPFABI target's header (the interop test
/// compares the two files).
public enum ABIHeader {
    public static let text = #"""
/*
 * pfopt_abi.h - the strategy library interface spoken by pfopt (layout version 2).
 *
 * A strategy library is a shared object exporting the functions below. The
 * caller loads bars into an array of pf_bar_t, creates a handle, optionally
 * sets inputs and strategy() properties, runs a backtest into a report it
 * owns, reads the report and releases what the library allocated in it.
 *
 * Structures are plain C data with natural alignment (no packing); every
 * pointer in a report is owned by the library until report_free().
 * A handle is used by one thread at a time; distinct handles are fully
 * independent and may run on different threads at once.
 */
#ifndef PFOPT_ABI_H
#define PFOPT_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The layout version of every structure below; pf_abi_version() returns it. */
#define PF_ABI_VERSION 2

/* An opaque strategy instance. */
typedef void *pf_strategy_t;

/* One input bar. Times are Unix milliseconds (bar open), ascending. */
typedef struct pf_bar_t {
    double open;
    double high;
    double low;
    double close;
    double volume;
    int64_t timestamp;
} pf_bar_t;

/* One closed trade, in closing order. */
typedef struct pf_trade_t {
    int64_t entry_time;      /* Unix ms of the entry fill's bar */
    int64_t exit_time;       /* Unix ms of the exit fill's bar */
    double entry_price;
    double exit_price;
    double pnl;              /* net of commissions, account currency */
    double pnl_pct;          /* percent of the entry value */
    int is_long;             /* 1 long, 0 short */
    double max_runup;
    double max_drawdown;
    double qty;
    double commission;       /* entry + exit commission */
    int32_t entry_bar_index; /* script bar index of the entry */
    int32_t exit_bar_index;  /* script bar index of the exit */
} pf_trade_t;

/* Statistics of a set of trades (all, longs only, shorts only).
 * Ratios that are undefined (no trades, no losses) are NaN. */
typedef struct pf_trade_stats_t {
    int32_t num_trades;
    int32_t num_wins;
    int32_t num_losses;
    int32_t num_even;
    double percent_profitable;
    double net_profit;
    double net_profit_pct;
    double gross_profit;
    double gross_profit_pct;
    double gross_loss;
    double gross_loss_pct;
    double profit_factor;
    double avg_trade;
    double avg_trade_pct;
    double avg_win;
    double avg_win_pct;
    double avg_loss;
    double avg_loss_pct;
    double ratio_avg_win_avg_loss;
    double largest_win;
    double largest_win_pct;
    double largest_loss;
    double largest_loss_pct;
    double commission_paid;
    double expectancy;
    int32_t max_consecutive_wins;
    int32_t max_consecutive_losses;
    double avg_bars_in_trade;
    double avg_bars_in_wins;
    double avg_bars_in_losses;
} pf_trade_stats_t;

/* Statistics of the equity curve (all trades). */
typedef struct pf_equity_stats_t {
    double max_equity_drawdown;
    double max_equity_drawdown_pct;
    double max_equity_runup;
    double max_equity_runup_pct;
    double buy_hold_return;
    double buy_hold_return_pct;
    double sharpe_tv;        /* monthly returns, annualised */
    double sortino_tv;
    double sharpe_bar;       /* per-bar returns, annualised */
    double sortino_bar;
    double cagr;
    double calmar;
    double recovery_factor;
    double time_in_market_pct;
    double open_pl;          /* open profit after the last bar */
} pf_equity_stats_t;

/* All metrics of a run. */
typedef struct pf_metrics_t {
    pf_trade_stats_t all;
    pf_trade_stats_t longs;
    pf_trade_stats_t shorts;
    pf_equity_stats_t equity;
} pf_metrics_t;

/* Equity at the close of one script bar. */
typedef struct pf_equity_point_t {
    int64_t time_ms;         /* the bar's open time */
    double equity;           /* capital + closed profit + open profit */
    double open_profit;
} pf_equity_point_t;

/* Counters of one request.security() call site. */
typedef struct pf_security_diag_t {
    int sec_id;
    int64_t feed_count;
    int64_t complete_count;
    int64_t partial_count;
} pf_security_diag_t;

/* One traced value. */
typedef struct pf_trace_entry_t {
    int64_t timestamp;
    int32_t bar_index;
    int32_t name_id;         /* index into pf_report_t.trace_names */
    double value;
} pf_trace_entry_t;

/* The result of a run. Allocated by the caller (zero it before the first
 * use), filled by run_backtest / run_backtest_full, released by report_free.
 * A failed run leaves zero trades and an empty curve (see pf_last_error).
 * pfopt libraries write no security diagnostics and one trace entry, named
 * "margin_shortfall_bars": bar_index -1, value the number of bars whose worst
 * price left the equity below the position's margin, timestamp the first
 * such bar (0 when none). */
typedef struct pf_report_t {
    int total_trades;
    pf_trade_t *trades;
    int trades_len;
    double net_profit;
    int64_t input_bars_processed;
    int64_t script_bars_processed;
    int64_t security_feeds_total;
    int64_t security_complete_total;
    int64_t security_partial_total;
    int64_t magnifier_sub_bars_total;
    int64_t magnifier_sample_ticks_total;
    int input_tf_seconds;
    int script_tf_seconds;
    int script_tf_ratio;
    int needs_aggregation;
    int bar_magnifier_enabled;
    pf_security_diag_t *security_diag;
    int security_diag_len;
    pf_trace_entry_t *trace;
    int trace_len;
    const char **trace_names;
    int trace_names_len;
    pf_metrics_t metrics;
    pf_equity_point_t *equity_curve;
    int64_t equity_curve_len;
} pf_report_t;

/* The version of the library that built the strategy. */
typedef struct pf_version_t {
    int major;
    int minor;
    int patch;
    const char *commit_sha;  /* static text; pfopt libraries start it with "pfopt" */
} pf_version_t;

/* How a bar is expanded into price samples by the magnifier. */
typedef enum pf_magnifier_dist_t {
    PF_MAGNIFIER_UNIFORM = 0,
    PF_MAGNIFIER_COSINE = 1,
    PF_MAGNIFIER_TRIANGLE = 2,
    PF_MAGNIFIER_ENDPOINTS = 3,
    PF_MAGNIFIER_FRONT_LOADED = 4,
    PF_MAGNIFIER_BACK_LOADED = 5
} pf_magnifier_dist_t;

/* Returns PF_ABI_VERSION of the library. Check it before any run: the report
 * is allocated by the caller, so a layout mismatch corrupts memory. */
int pf_abi_version(void);

/* The library's version. */
pf_version_t pf_version_get(void);

/* Creates a strategy instance from a JSON object (NULL or "{}": defaults).
 * pfopt libraries read these keys:
 *   "script":     path of a Pine v6 strategy to run instead of the embedded one
 *   "symbol":     path of a symbol TOML (mintick, pointvalue, timezone, sessions)
 *   "mintick", "pointvalue" (numbers), "timezone" (IANA name)
 * Returns NULL only when out of memory; other problems are reported by the
 * runs (zero trades) and by pf_last_error(). */
pf_strategy_t strategy_create(const char *config_json);

/* Releases a handle (NULL is ignored). */
void strategy_free(pf_strategy_t strategy);

/* Sets an input by its title (pfopt libraries also accept the variable name).
 * The value is text: "21", "1.5", "true", "close". A bad title or value makes
 * the next runs fail until the same input is set to a good value. */
void strategy_set_input(pf_strategy_t strategy, const char *title, const char *value);

/* Replaces a strategy() property: initial_capital, commission_type,
 * commission_value, default_qty_type, default_qty_value, pyramiding,
 * slippage, process_orders_on_close, close_entries_rule, margin_long,
 * margin_short, currency, risk_free_rate. pfopt libraries also accept
 * trade_from and trade_to (Unix ms; "" clears): orders only inside that
 * window, the bars before still warm the script up. Errors behave as for
 * inputs. */
void strategy_set_override(pf_strategy_t strategy, const char *key, const char *value);

/* Runs over bars on their own timeframe, without the magnifier. */
void run_backtest(pf_strategy_t strategy, const pf_bar_t *bars, int bars_len, pf_report_t *out);

/* Runs over bars of timeframe input_tf on script_tf (TradingView strings such
 * as "15", "60", "1D"; NULL or "": detected from the bars / same as input_tf).
 * A coarser script_tf aggregates the bars. magnifier != 0 turns the bar
 * magnifier on: with aggregation the fills walk the input bars inside each
 * script bar; without it each bar is expanded into `samples` prices spread by
 * `distribution` (pf_magnifier_dist_t). */
void run_backtest_full(pf_strategy_t strategy, const pf_bar_t *bars, int bars_len,
                       const char *input_tf, const char *script_tf,
                       int magnifier, int samples, int distribution, pf_report_t *out);

/* Releases what a run allocated in a report and zeroes its pointers and
 * lengths. Calling it again, or on a zeroed report, does nothing. */
void report_free(pf_report_t *report);

/* The last error of a handle as one line of text, or "" after a clean run.
 * The text belongs to the handle and stays valid until its next call. */
const char *pf_last_error(pf_strategy_t strategy);

#ifdef __cplusplus
}
#endif

#endif /* PFOPT_ABI_H */

"""#
}
