#include "koda/report/freq_svg.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using koda::report::bar_chart_svg;
using koda::report::BarChart;
using koda::report::BarLayout;
using koda::report::heat_map_svg;
using koda::report::HeatMapText;
using koda::report::SvgUse;

namespace {

bool has(const std::string& svg, std::string_view fragment) {
  return svg.find(fragment) != std::string::npos;
}

BarChart grouped() {
  BarChart chart;
  chart.title = "Obstacle & support";
  chart.series = {{"obstacle", "#a8322a", ""}, {"support", "#9fd3ad", "#2f6e44"}};
  chart.legend = true;
  chart.layout = BarLayout::grouped;
  chart.bars = {{"Funds <x>", 0, "dana", {4, 0}}, {"Volunteers", 1, "dana/relawan", {2, 1}}};
  chart.bar_px = 200;
  return chart;
}

} // namespace

TEST_SUITE("report::freq_svg") {

  TEST_CASE("grouped bars: one bar per series with its value, none for a zero") {
    const std::string svg = bar_chart_svg(grouped(), SvgUse::inline_html);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "));
    CHECK(has(svg, "<title>Obstacle &amp; support</title>"));
    // The legend: a swatch and a name per series, from the left margin.
    CHECK(has(svg, "fill=\"#9fd3ad\" stroke=\"#2f6e44\"/><text x=\"129\" y=\"50\">support</text>"));
    CHECK(has(svg, "<text x=\"16\" y=\"91\">Funds &lt;x&gt;</text>\n"
                   "<rect x=\"136\" y=\"75\" width=\"200.0\" height=\"12\" fill=\"#a8322a\">"
                   "<title>dana — obstacle: 4</title></rect>\n"
                   "<text x=\"341.0\" y=\"85\" font-size=\"11\">4</text>\n"
                   "<text x=\"141.0\" y=\"98\" font-size=\"11\">0</text>\n"));
    CHECK(has(svg, "<text x=\"30\" y=\"126\">Volunteers</text>\n"
                   "<rect x=\"136\" y=\"110\" width=\"100.0\" height=\"12\" fill=\"#a8322a\">"
                   "<title>dana/relawan — obstacle: 2</title></rect>\n"
                   "<text x=\"241.0\" y=\"120\" font-size=\"11\">2</text>\n"
                   "<rect x=\"136\" y=\"123\" width=\"50.0\" height=\"12\" fill=\"#9fd3ad\" "
                   "stroke=\"#2f6e44\"><title>dana/relawan — support: 1</title></rect>\n"));
    CHECK(svg.ends_with("</svg>\n"));
  }

  TEST_CASE("a file has the XML declaration; an all-zero chart says so and nothing else") {
    BarChart chart = grouped();
    chart.bars = {{"Funds", 0, "dana", {0, 0}}};
    chart.empty = "no coded units";
    const std::string svg = bar_chart_svg(chart);
    CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    CHECK(has(svg, "<text x=\"16\" y=\"86\">no coded units</text>\n"));
    CHECK_FALSE(has(svg, ">Funds</text>")); // no rows of empty bars under the message
  }

  TEST_CASE("the canvas is wide enough for a long title and note") {
    BarChart chart = grouped();
    chart.title = std::string(100, 'T');
    chart.note = std::string(200, 'n');
    const std::string svg = bar_chart_svg(chart);
    // The note at 10 px: 200 columns × 7.2 px + 8, scaled by 10/12, plus two margins.
    CHECK(has(svg, "width=\"1238\" height=\"184\" viewBox=\"0 0 1238 184\""));
  }

  TEST_CASE("heat map: the given labels, escaped, the numbers in the cells") {
    koda::analysis::Cooccurrence matrix;
    matrix.codes = {{"a", "A & B", 0, -1}, {"b", "C", 0, -1}};
    matrix.both = {5, 2, 2, 3};
    const std::string svg =
        heat_map_svg(matrix, false, {"Together", {"A & B", "C"}, ""}, SvgUse::inline_html);
    CHECK(has(svg, "rotate(-90)\">A &amp; B</text>\n<text x=\"16\" y=\"154\">A &amp; B</text>\n"));
    CHECK(has(svg, "text-anchor=\"middle\" fill=\"#222\">5</text>"));
    CHECK(has(svg, "text-anchor=\"middle\" fill=\"white\">2</text>"));
    CHECK_FALSE(has(svg, "Source:"));
  }
}
