// SVG charts for a thesis: plain shapes and text only (no scripts, no external fonts or
// styles), so the file opens anywhere, prints crisply and can be placed in a document.
// Text widths are estimated from display columns (7 px per column at 12 px) with room to
// spare, so labels are never clipped.

#include "koda/report/freq_svg.hpp"

#include "koda/report/markup.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::report {
namespace {

constexpr int k_font = 12;
constexpr double k_column_px = 7.2;

int text_px(std::string_view text) {
  return static_cast<int>(static_cast<double>(display_width(text)) * k_column_px) + 8;
}

std::string header(int width, int height, std::string_view title) {
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                     "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
                     "font-size=\"{2}\">\n"
                     "<title>{3}</title>\n<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
                     "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">{3}</text>\n",
                     width, height, k_font, escape_markup(title));
}

} // namespace

std::string freq_svg(const analysis::FreqTable& table, bool valence) {
  const int row_height = 24;
  int label_px = 120;
  std::uint64_t most = 1;
  for (const analysis::FreqRow& row : table.rows) {
    label_px = std::max(label_px, text_px(row.label) + 14 * static_cast<int>(row.depth));
    most = std::max(most, row.counts.units);
  }
  const int left = 16 + label_px;
  const int bar_px = 420;
  const int width = left + bar_px + 70;
  const int top = valence ? 70 : 48;
  const int height =
      top + row_height * static_cast<int>(std::max<std::size_t>(table.rows.size(), 1)) + 44;
  std::string out = header(width, height, "Coded units per code");
  if (valence) {
    int x = 16;
    for (auto [name, color] : {std::pair{"obstacle", "#c0392b"}, std::pair{"support", "#2e8b57"},
                               std::pair{"neutral", "#a0a7ad"}}) {
      out += fmt::format("<rect x=\"{}\" y=\"40\" width=\"12\" height=\"12\" fill=\"{}\"/>"
                         "<text x=\"{}\" y=\"50\">{}</text>\n",
                         x, color, x + 16, name);
      x += 16 + text_px(name) + 16;
    }
  }
  if (table.rows.empty() || table.total.counts.units == 0)
    out += fmt::format("<text x=\"16\" y=\"{}\">no codings</text>\n", top + 16);
  int y = top;
  for (const analysis::FreqRow& row : table.rows) {
    const int text_y = y + row_height / 2 + 4;
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", 16 + 14 * row.depth, text_y,
                       escape_markup(row.label));
    auto px = [&](std::uint64_t n) {
      return static_cast<double>(n) * bar_px / static_cast<double>(most);
    };
    double x = left;
    if (valence) {
      for (auto [n, color] :
           {std::pair{row.counts.obstacle, "#c0392b"}, std::pair{row.counts.support, "#2e8b57"},
            std::pair{row.counts.neutral, "#a0a7ad"}}) {
        if (n == 0)
          continue;
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" "
                           "fill=\"{}\"><title>{}: {}</title></rect>\n",
                           x, y + 4, px(n), row_height - 8, color, escape_markup(row.path), n);
        x += px(n);
      }
    } else {
      out +=
          fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#2c6e9b\">"
                      "<title>{}</title></rect>\n",
                      left, y + 4, px(row.counts.units), row_height - 8, escape_markup(row.path));
      x += px(row.counts.units);
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", x + 6, text_y, row.counts.units);
    y += row_height;
  }
  out += fmt::format("<text x=\"16\" y=\"{}\" font-size=\"10\" fill=\"#555\">Source: koda freq; "
                     "{} coded units in {} documents. Parents count a unit once however many "
                     "children code it.</text>\n</svg>\n",
                     height - 14, table.total.counts.units, table.total.counts.documents);
  return out;
}

std::string cooccurrence_svg(const analysis::Cooccurrence& matrix, bool jaccard) {
  const std::size_t n = matrix.codes.size();
  const int cell = 44;
  int label_px = 80;
  for (const analysis::FreqCode& code : matrix.codes)
    label_px = std::max(label_px, text_px(code.path));
  const int left = 16 + label_px;
  const int top = 48 + label_px; // column labels are written upwards
  const int width = left + cell * static_cast<int>(n) + 24;
  const int height = top + cell * static_cast<int>(n) + 40;
  std::string out = header(
      width, height, jaccard ? "Co-occurrence (Jaccard similarity)" : "Co-occurrence (units)");
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
                       escape_markup(matrix.codes[i].path));
    out += fmt::format("<text x=\"16\" y=\"{}\">{}</text>\n",
                       top + cell * static_cast<int>(i) + cell / 2 + 4,
                       escape_markup(matrix.codes[i].path));
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
      const std::string label =
          jaccard ? fmt::format("{:.2f}", v) : fmt::format("{}", matrix.at(i, j));
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                         "stroke=\"white\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
                         "fill=\"{}\">{}</text>\n",
                         x, y, cell, cell, fill, x + cell / 2, y + cell / 2 + 4,
                         t > 0.6 ? "white" : "#222", label);
    }
  }
  out += fmt::format("<text x=\"16\" y=\"{}\" font-size=\"10\" fill=\"#555\">Source: koda freq "
                     "--cooccur; the diagonal is the units coded with each code.</text>\n</svg>\n",
                     height - 12);
  return out;
}

} // namespace koda::report
