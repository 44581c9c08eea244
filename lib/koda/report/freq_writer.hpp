#pragma once

#include "koda/analysis/freq.hpp"

#include <string>

namespace koda::report {

// The formats `koda freq` writes.
enum class FreqFormat { table, csv, tsv, json, md, latex, html };

// Whether the default table has obstacle / support / neutral columns.
enum class ValenceColumns { hide, show };

// `table` in `format`, as `options` counted it: one row per code (indented by depth in
// `table`), then the totals. Text formats (table, md) show percentages to one decimal;
// csv, tsv and json write plain numbers with the column names the README lists. With no
// coded units, text formats write the header and a "no codings" line, machine formats an
// empty table.
std::string freq_report(const analysis::FreqTable& table, const analysis::FreqOptions& options,
                        ValenceColumns valence, FreqFormat format);

// `matrix` in `format`: a code × code matrix of units coded with both in text formats
// (Jaccard similarities to three decimals with `jaccard`), one record per ordered pair
// (`code_a`, `code_b`, `units_a`, `units_b`, `both`, and `jaccard`) in csv, tsv and json.
std::string cooccurrence_report(const analysis::Cooccurrence& matrix, bool jaccard,
                                FreqFormat format);

// `table` as a horizontal bar chart for a terminal: one bar of Unicode blocks per code,
// its length proportional to coded units (the longest `bar_width` columns, eighths of a
// column resolved), labels indented by depth and aligned, the count after each bar.
std::string freq_chart(const analysis::FreqTable& table, std::size_t bar_width = 40);

} // namespace koda::report
