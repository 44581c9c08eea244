#pragma once

#include "koda/analysis/summary.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koda::report {

// The formats `koda summary` writes.
enum class SummaryFormat { md, latex, json, html };

// The fixed words of a summary report in one language: headings, column names and the
// phrases around numbers. Every writer takes its words from here, so the formats agree.
struct SummaryWords {
  std::string_view title;
  std::string_view codebook;
  std::string_view documents;
  std::string_view informants;
  std::string_view counting_note; // what the obstacle and support columns count
  std::string_view ranking;
  std::string_view rank;
  std::string_view factor;
  std::string_view obstacle;
  std::string_view support;
  std::string_view code;
  std::string_view terms;
  std::string_view obstacle_quotes;
  std::string_view support_quotes;
  std::string_view stages;
  std::string_view stage;
  std::string_view units;
  std::string_view first_seen;
  std::string_view no_evidence; // a stage without any coded unit
  std::string_view undated;     // a stage whose evidence has no date
  std::string_view conclusion;
  std::string_view of;        // "5 dari 8", "5 of 8"
  std::string_view bar_chart; // the title of the obstacle / support bar chart
  std::string_view bar_chart_note;
  std::string_view heat_map;      // the title of the co-occurrence heat map
  std::string_view heat_map_note; // what its cells count
  std::string_view no_codings;    // a chart with nothing to draw
};

// The words of `language`.
const SummaryWords& summary_words(analysis::SummaryLanguage language);

// A factor of the ranking with its place: `rank` "1", "1.2"; `depth` 0 for top-level factors.
struct RankedFactor {
  const analysis::SummaryFactor* factor = nullptr;
  std::string rank;
  std::size_t depth = 0;
};

// Every factor of `summary`'s ranking and below, in ranking order, parents before their
// children.
std::vector<RankedFactor> ranked_factors(const analysis::Summary& summary);

// A factor's terms with their units: "relawan (20), pelatihan (12)".
std::string terms_text(const analysis::SummaryFactor& factor);

// The quotes of `factor` with `valence`, best first.
std::vector<const analysis::SummaryQuote*> quotes_of(const analysis::SummaryFactor& factor,
                                                     coding::Valence valence);

// The stage table's first-seen cell for `stage`: its first date, else `words.undated`, or
// `words.no_evidence` when it has no coded unit.
std::string first_seen(const SummaryWords& words, const analysis::SummaryStage& stage);

// `n of total` in `language`: "5 dari 8", "5 of 8".
std::string n_of(std::uint64_t n, std::uint64_t total, analysis::SummaryLanguage language);

// The sentence under a factor's heading: its obstacle, support and coded units, and the
// documents and informants that mention it (n of N).
std::string factor_counts(const analysis::Summary& summary, const analysis::SummaryFactor& factor);

// `summary` in `format`: Markdown (headings, a pipe table of the ranking, a section per
// factor with its terms and block quotes, the stage table, the closing paragraph), a
// LaTeX \section (booktabs tables, quote environments, everything escaped), JSON (the
// fields the README lists) or a self-contained HTML page (see summary_html.hpp).
std::string summary_report(const analysis::Summary& summary, SummaryFormat format);

} // namespace koda::report
