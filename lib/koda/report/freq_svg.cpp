// SVG charts for a thesis: plain shapes and text only (no scripts, no external fonts or
// styles), so the file opens anywhere, prints crisply and can be placed in a document or
// inside an HTML report. Text widths are estimated from display columns (7.2 px per
// column at 12 px) with room to spare, and the canvas grows to hold the longest label,
// the title, the legend and the note, so nothing is clipped.
//
// Two charts serve every report: a horizontal bar chart (stacked segments, as `koda freq
// --format svg` draws coded units by valence, or one bar per series, as `koda summary`
// draws obstacle against support units) and a co-occurrence heat map. The reports only
// choose the words and the rows; geometry lives here once.

#include "koda/report/freq_svg.hpp"

#include "koda/report/markup.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace koda::report {
namespace {

constexpr int k_font = 12;
constexpr double k_column_px = 7.2;
constexpr int k_margin = 16;

int text_px(std::string_view text) {
  return static_cast<int>(static_cast<double>(display_width(text)) * k_column_px) + 8;
}

// The width of `text` at `font_px` (bold takes a tenth more).
int text_px(std::string_view text, int font_px, bool bold) {
  return static_cast<int>(text_px(text) * font_px / k_font * (bold ? 1.1 : 1.0));
}

// The canvas width that fits `content` px and the title and note besides.
int canvas_width(int content, std::string_view title, std::string_view note) {
  return std::max({content, 2 * k_margin + text_px(title, 16, true),
                   note.empty() ? 0 : 2 * k_margin + text_px(note, 10, false)});
}

std::string header(int width, int height, std::string_view title, SvgUse use) {
  return fmt::format("{4}<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                     "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
                     "font-size=\"{2}\">\n"
                     "<title>{3}</title>\n<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
                     "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">{3}</text>\n",
                     width, height, k_font, escape_markup(title),
                     use == SvgUse::file ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "");
}

std::string footer(std::string_view note, int y) {
  if (note.empty())
    return "</svg>\n";
  return fmt::format("<text x=\"16\" y=\"{}\" font-size=\"10\" fill=\"#555\">{}</text>\n</svg>\n",
                     y, escape_markup(note));
}

std::string stroke_attribute(const ChartSeries& series) {
  return series.stroke.empty() ? "" : fmt::format(" stroke=\"{}\"", series.stroke);
}

// The legend, one swatch and name per series from x = 16; returns where it ends.
int legend(const BarChart& chart, std::string& out) {
  int x = k_margin;
  for (const ChartSeries& series : chart.series) {
    out +=
        fmt::format("<rect x=\"{}\" y=\"40\" width=\"12\" height=\"12\" fill=\"{}\"{}/>"
                    "<text x=\"{}\" y=\"50\">{}</text>\n",
                    x, series.fill, stroke_attribute(series), x + 16, escape_markup(series.name));
    x += 16 + text_px(series.name) + 16;
  }
  return x;
}

std::uint64_t bar_extent(const BarChart& chart, const ChartBar& bar) {
  if (chart.layout == BarLayout::stacked)
    return std::accumulate(bar.values.begin(), bar.values.end(), std::uint64_t{0});
  return bar.values.empty() ? 0 : *std::max_element(bar.values.begin(), bar.values.end());
}

struct BarGeometry {
  int left = 0;     // where bars start
  int row = 0;      // a row's height
  double scale = 0; // px per unit
};

// One stacked bar at `y`: its non-empty segments, then its total.
void stacked_bar(const BarChart& chart, const ChartBar& bar, const BarGeometry& g, int y,
                 std::string& out) {
  double x = g.left;
  for (std::size_t s = 0; s < chart.series.size() && s < bar.values.size(); ++s) {
    const std::uint64_t n = bar.values[s];
    if (n == 0)
      continue;
    const std::string tooltip = chart.series.size() == 1
                                    ? escape_markup(bar.tooltip)
                                    : fmt::format("{}: {}", escape_markup(bar.tooltip), n);
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" "
                       "fill=\"{}\"{}><title>{}</title></rect>\n",
                       x, y + 4, static_cast<double>(n) * g.scale, g.row - 8, chart.series[s].fill,
                       stroke_attribute(chart.series[s]), tooltip);
    x += static_cast<double>(n) * g.scale;
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", x + 6, y + g.row / 2 + 4,
                     bar_extent(chart, bar));
}

constexpr int k_grouped_bar = 12;

// One bar per series at `y`, one under the other, each followed by its value.
void grouped_bars(const BarChart& chart, const ChartBar& bar, const BarGeometry& g, int y,
                  std::string& out) {
  for (std::size_t s = 0; s < chart.series.size() && s < bar.values.size(); ++s) {
    const std::uint64_t n = bar.values[s];
    const int bar_y = y + 5 + static_cast<int>(s) * (k_grouped_bar + 1);
    const double length = static_cast<double>(n) * g.scale;
    if (n > 0)
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"{}>"
                         "<title>{} — {}: {}</title></rect>\n",
                         g.left, bar_y, length, k_grouped_bar, chart.series[s].fill,
                         stroke_attribute(chart.series[s]), escape_markup(bar.tooltip),
                         escape_markup(chart.series[s].name), n);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\">{}</text>\n",
                       g.left + length + 5, bar_y + k_grouped_bar - 2, n);
  }
}

} // namespace

std::string bar_chart_svg(const BarChart& chart, SvgUse use) {
  const std::size_t series = std::max<std::size_t>(chart.series.size(), 1);
  const int row_height = chart.layout == BarLayout::stacked
                             ? 24
                             : 10 + static_cast<int>(series) * (k_grouped_bar + 1) - 1;
  int label_px = 120;
  std::uint64_t most = 1;
  bool empty = true;
  for (const ChartBar& bar : chart.bars) {
    label_px = std::max(label_px, text_px(bar.label) + 14 * static_cast<int>(bar.depth));
    most = std::max(most, bar_extent(chart, bar));
    empty = empty && bar_extent(chart, bar) == 0;
  }
  std::string legend_out;
  const int legend_end = chart.legend ? legend(chart, legend_out) : 0;
  const BarGeometry g{k_margin + label_px, row_height,
                      static_cast<double>(chart.bar_px) / static_cast<double>(most)};
  const int width =
      std::max(canvas_width(g.left + chart.bar_px + 70, chart.title, chart.note), legend_end);
  const int top = chart.legend ? 70 : 48;
  const bool nothing = empty && !chart.empty.empty();
  const std::size_t rows = nothing ? 1 : std::max<std::size_t>(chart.bars.size(), 1);
  const int height = top + row_height * static_cast<int>(rows) + (chart.note.empty() ? 16 : 44);
  std::string out = header(width, height, chart.title, use) + legend_out;
  // Nothing to draw: the message alone, rather than rows of empty bars under it.
  if (nothing)
    return out +
           fmt::format("<text x=\"16\" y=\"{}\">{}</text>\n", top + 16,
                       escape_markup(chart.empty)) +
           footer(chart.note, height - 14);
  int y = top;
  for (const ChartBar& bar : chart.bars) {
    const int label_y = chart.layout == BarLayout::stacked
                            ? y + row_height / 2 + 4
                            : y + 5 + (static_cast<int>(series) * (k_grouped_bar + 1) - 1) / 2 + 4;
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", k_margin + 14 * bar.depth, label_y,
                       escape_markup(bar.label));
    if (chart.layout == BarLayout::stacked)
      stacked_bar(chart, bar, g, y, out);
    else
      grouped_bars(chart, bar, g, y, out);
    y += row_height;
  }
  return out + footer(chart.note, height - 14);
}

std::string heat_map_svg(const analysis::Cooccurrence& matrix, bool jaccard,
                         const HeatMapText& text, SvgUse use) {
  const std::size_t n = matrix.codes.size();
  auto label = [&](std::size_t i) -> std::string_view {
    return i < text.labels.size() ? text.labels[i] : matrix.codes[i].path;
  };
  const int cell = 44;
  int label_px = 80;
  for (std::size_t i = 0; i < n; ++i)
    label_px = std::max(label_px, text_px(label(i)));
  const int left = k_margin + label_px;
  const int top = 48 + label_px; // column labels are written upwards
  const int width = canvas_width(left + cell * static_cast<int>(n) + 24, text.title, text.note);
  const int height = top + cell * static_cast<int>(n) + (text.note.empty() ? 16 : 40);
  std::string out = header(width, height, text.title, use);
  double most = 0;
  auto value = [&](std::size_t i, std::size_t j) {
    return jaccard ? matrix.jaccard(i, j) : static_cast<double>(matrix.at(i, j));
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j)
        most = std::max(most, value(i, j));
  for (std::size_t i = 0; i < n; ++i) {
    const int x = left + cell * static_cast<int>(i) + cell / 2 + 4;
    out += fmt::format("<text transform=\"translate({},{}) rotate(-90)\">{}</text>\n", x, top - 6,
                       escape_markup(label(i)));
    out += fmt::format("<text x=\"16\" y=\"{}\">{}</text>\n",
                       top + cell * static_cast<int>(i) + cell / 2 + 4, escape_markup(label(i)));
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double v = value(i, j);
      const double t = i == j || most <= 0 ? 0 : v / most;
      // White to dark blue; the diagonal (a code with itself) stays grey.
      const int r = static_cast<int>(255 - t * (255 - 31));
      const int g = static_cast<int>(255 - t * (255 - 90));
      const int b = static_cast<int>(255 - t * (255 - 140));
      const std::string fill = i == j ? "#eeeeee" : fmt::format("rgb({},{},{})", r, g, b);
      const int x = left + cell * static_cast<int>(j);
      const int y = top + cell * static_cast<int>(i);
      const std::string number =
          jaccard ? fmt::format("{:.2f}", v) : fmt::format("{}", matrix.at(i, j));
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                         "stroke=\"white\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
                         "fill=\"{}\">{}</text>\n",
                         x, y, cell, cell, fill, x + cell / 2, y + cell / 2 + 4,
                         t > 0.6 ? "white" : "#222", number);
    }
  }
  return out + footer(text.note, height - 12);
}

std::string freq_svg(const analysis::FreqTable& table, bool valence) {
  BarChart chart;
  chart.title = "Coded units per code";
  chart.legend = valence;
  if (valence)
    chart.series = {
        {"obstacle", "#c0392b", ""}, {"support", "#2e8b57", ""}, {"neutral", "#a0a7ad", ""}};
  else
    chart.series = {{"units", "#2c6e9b", ""}};
  for (const analysis::FreqRow& row : table.rows) {
    ChartBar bar{row.label, row.depth, row.path, {}};
    if (valence)
      bar.values = {row.counts.obstacle, row.counts.support, row.counts.neutral};
    else
      bar.values = {row.counts.units};
    chart.bars.push_back(std::move(bar));
  }
  chart.note = fmt::format("Source: koda freq; {} coded units in {} documents. Parents count a "
                           "unit once however many children code it.",
                           table.total.counts.units, table.total.counts.documents);
  chart.empty = "no codings";
  return bar_chart_svg(chart);
}

std::string cooccurrence_svg(const analysis::Cooccurrence& matrix, bool jaccard) {
  HeatMapText text;
  text.title = jaccard ? "Co-occurrence (Jaccard similarity)" : "Co-occurrence (units)";
  text.note = "Source: koda freq --cooccur; the diagonal is the units coded with each code.";
  return heat_map_svg(matrix, jaccard, text);
}

} // namespace koda::report
