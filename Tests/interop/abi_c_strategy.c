/* A strategy written directly against pfopt_abi.h, to test pfopt's import of
 * strategy libraries independently of pfopt export.
 *
 * Rule: on each bar's close, with no position, buy `Qty` when the close is
 * above the simple moving average of the last `Length` closes (the bar
 * included); with a position, sell it all when the close is below that
 * average. Fills at the close, no commission. A position still open after
 * the last bar is not a trade. Capital 10000. The average is the plain sum
 * of the window divided by its length, summed oldest first. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pfopt_abi.h"

typedef struct {
    int length;
    double qty;
} c_strategy;

int pf_abi_version(void) { return PF_ABI_VERSION; }

pf_version_t pf_version_get(void) {
    pf_version_t v = {1, 0, 0, "c-test-strategy"};
    return v;
}

pf_strategy_t strategy_create(const char *config_json) {
    (void)config_json;
    c_strategy *s = calloc(1, sizeof(c_strategy));
    if (s) { s->length = 20; s->qty = 1; }
    return s;
}

void strategy_free(pf_strategy_t strategy) { free(strategy); }

void strategy_set_input(pf_strategy_t strategy, const char *title, const char *value) {
    c_strategy *s = strategy;
    if (!s || !title || !value) return;
    if (strcmp(title, "Length") == 0) s->length = atoi(value);
    if (strcmp(title, "Qty") == 0) s->qty = atof(value);
}

void strategy_set_override(pf_strategy_t strategy, const char *key, const char *value) {
    (void)strategy; (void)key; (void)value;
}

static void empty_stats(pf_trade_stats_t *t) {
    double nan = NAN;
    memset(t, 0, sizeof(*t));
    t->percent_profitable = t->profit_factor = t->avg_trade = t->avg_trade_pct = nan;
    t->avg_win = t->avg_win_pct = t->avg_loss = t->avg_loss_pct = t->ratio_avg_win_avg_loss = nan;
    t->largest_win = t->largest_win_pct = t->largest_loss = t->largest_loss_pct = t->expectancy = nan;
    t->avg_bars_in_trade = t->avg_bars_in_wins = t->avg_bars_in_losses = nan;
}

void run_backtest_full(pf_strategy_t strategy, const pf_bar_t *bars, int n, const char *input_tf,
                       const char *script_tf, int magnifier, int samples, int distribution, pf_report_t *out) {
    (void)input_tf; (void)script_tf; (void)magnifier; (void)samples; (void)distribution;
    c_strategy *s = strategy;
    memset(out, 0, sizeof(*out));
    empty_stats(&out->metrics.all);
    empty_stats(&out->metrics.longs);
    empty_stats(&out->metrics.shorts);
    memset(&out->metrics.equity, 0, sizeof(out->metrics.equity));
    if (!s || !bars || n <= 0 || s->length < 1) return;
    out->trades = calloc((size_t)n, sizeof(pf_trade_t));
    out->equity_curve = calloc((size_t)n, sizeof(pf_equity_point_t));
    int in_position = 0, entry_bar = 0, count = 0, wins = 0, losses = 0;
    double entry = 0, closed = 0, gross_profit = 0, gross_loss = 0;
    for (int i = 0; i < n; i++) {
        double close = bars[i].close;
        if (i + 1 >= s->length) {
            double sum = 0;
            for (int k = i + 1 - s->length; k <= i; k++) sum += bars[k].close;
            double sma = sum / s->length;
            if (!in_position && close > sma) {
                in_position = 1; entry = close; entry_bar = i;
            } else if (in_position && close < sma) {
                pf_trade_t *t = &out->trades[count++];
                t->entry_time = bars[entry_bar].timestamp;
                t->exit_time = bars[i].timestamp;
                t->entry_price = entry;
                t->exit_price = close;
                t->pnl = (close - entry) * s->qty;
                t->is_long = 1;
                t->qty = s->qty;
                t->entry_bar_index = entry_bar;
                t->exit_bar_index = i;
                closed += t->pnl;
                if (t->pnl > 0) { wins++; gross_profit += t->pnl; }
                else if (t->pnl < 0) { losses++; gross_loss -= t->pnl; }
                in_position = 0;
            }
        }
        double open_profit = in_position ? (close - entry) * s->qty : 0;
        out->equity_curve[i].time_ms = bars[i].timestamp;
        out->equity_curve[i].equity = 10000 + closed + open_profit;
        out->equity_curve[i].open_profit = open_profit;
    }
    out->total_trades = out->trades_len = count;
    out->net_profit = closed;
    out->equity_curve_len = n;
    out->input_bars_processed = out->script_bars_processed = n;
    pf_trade_stats_t *a = &out->metrics.all;
    a->num_trades = count; a->num_wins = wins; a->num_losses = losses; a->num_even = count - wins - losses;
    a->net_profit = closed; a->gross_profit = gross_profit; a->gross_loss = gross_loss;
    out->metrics.longs = *a;
    out->metrics.shorts.num_trades = 0;
}

void run_backtest(pf_strategy_t strategy, const pf_bar_t *bars, int n, pf_report_t *out) {
    run_backtest_full(strategy, bars, n, "", "", 0, 4, PF_MAGNIFIER_ENDPOINTS, out);
}

void report_free(pf_report_t *r) {
    if (!r) return;
    free(r->trades); r->trades = NULL; r->trades_len = 0;
    free(r->equity_curve); r->equity_curve = NULL; r->equity_curve_len = 0;
}
