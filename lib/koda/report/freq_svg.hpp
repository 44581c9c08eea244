#pragma once

#include "koda/analysis/freq.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace koda::report {

// Whether an SVG chart is a file of its own (with an XML declaration) or goes inside an
// HTML page (without one).
enum class SvgUse { file, inline_html };

// One series of a bar chart: its name in the legend, its fill colour and, for a light
// fill, an outline colour (empty: none).
struct ChartSeries {
  std::string name;
  std::string fill;
  std::string stroke;
};

// One row of a bar chart: a label indented by `depth`, one value per series, and the
// tooltip of its bars (e.g. the code's path).
struct ChartBar {
  std::string label;
  std::size_t depth = 0;
  std::string tooltip;
  std::vector<std::uint64_t> values;
};

// How a row's values are drawn: one bar of stacked segments with the total after it, or
// one thinner bar per series, each with its value after it.
enum class BarLayout { stacked, grouped };

// A horizontal bar chart: title, legend (when `legend`), one row per bar, a source note.
struct BarChart {
  std::string title;
  std::vector<ChartSeries> series;
  bool legend = false;
  BarLayout layout = BarLayout::stacked;
  std::vector<ChartBar> bars;
  std::string note;  // under the bars, in small grey type; empty: none
  std::string empty; // written instead of bars when every value is 0
  int bar_px = 420;  // the length of the longest bar
};

// `chart` as SVG, sized so that no label, number, legend or note is clipped.
std::string bar_chart_svg(const BarChart& chart, SvgUse use = SvgUse::file);

// The words of a co-occurrence heat map: its title, a label per code of the matrix (in
// its order) and a source note (empty: none).
struct HeatMapText {
  std::string title;
  std::vector<std::string> labels;
  std::string note;
};

// `matrix` as a heat map: units coded with both codes (or the Jaccard similarity with
// `jaccard`) written in each cell, darker for more; the diagonal grey. Labels are written
// left of the rows and upwards above the columns, never clipped.
std::string heat_map_svg(const analysis::Cooccurrence& matrix, bool jaccard,
                         const HeatMapText& text, SvgUse use = SvgUse::file);

// `table` as a self-contained SVG bar chart of coded units per code (stacked obstacle /
// support / neutral segments with a legend when `valence` is set), with a title and a
// source note, sized so that no label is clipped.
std::string freq_svg(const analysis::FreqTable& table, bool valence);

// `matrix` as a self-contained SVG heat map: units coded with both codes (or the Jaccard
// similarity with `jaccard`) in each cell, darker for more, labelled by code path.
std::string cooccurrence_svg(const analysis::Cooccurrence& matrix, bool jaccard);

} // namespace koda::report
