// The HTML page of `koda summary`: the same findings as the Markdown, for reading on screen,
// printing, or sending to a supervisor as one file.
//
// Self-contained by design: the CSS is inline, the charts are inline SVG (drawn by the
// same code as `koda freq --format svg`, see freq_svg.cpp), and there is no script, web
// font or image URL, so the file reads the same offline, in an e-mail attachment or ten
// years on. Its words come from SummaryWords and its sentences from the helpers the other
// formats use, so the page cannot disagree with the Markdown it mirrors.
//
// Semantics follow the content: the ranking and stage tables are real tables (a screen
// reader and a copy into a word processor keep their columns), a quote is a <blockquote>
// in a <figure> whose <figcaption> holds the <cite> of its source (the attribution belongs
// outside the quotation itself), and headings nest as the factors do. Print rules keep a
// table row, a quote with its source and a chart on one page, keep headings with what
// follows, scale charts to the page and need no background colours: bars and heat-map
// cells are SVG fills, which print whatever the browser's background setting, and the
// two bar colours differ in lightness as well as hue, so they stay apart in greyscale.
//
// The page is a pure function of the Summary, so its bytes do not depend on --jobs.

#include "koda/report/summary_html.hpp"

#include "koda/report/freq_svg.hpp"
#include "koda/report/markup.hpp"
#include "koda/report/summary_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::report {
namespace {

using analysis::Summary;
using analysis::SummaryFactor;
using analysis::SummaryQuote;
using analysis::SummaryStage;

// Obstacle dark, support light with a dark outline: apart in colour and in greyscale.
constexpr std::string_view k_obstacle_fill = "#a8322a";
constexpr std::string_view k_support_fill = "#9fd3ad";
constexpr std::string_view k_support_stroke = "#2f6e44";

constexpr std::string_view k_style =
    "body{margin:0;padding:2rem 1.25rem;background:#fff;color:#222;"
    "font-family:system-ui,sans-serif;line-height:1.5}\n"
    "main{max-width:50rem;margin:0 auto}\n"
    "h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}\n"
    "h2{font-size:1.35rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-bottom:.25rem;"
    "border-bottom:1px solid #bbb}\n"
    "h3{font-size:1.15rem;margin:2rem 0 .5rem}\n"
    "h4,h5,h6{font-size:1rem;margin:1.5rem 0 .5rem}\n"
    "p{margin:.5rem 0}\n"
    ".note{color:#555;font-size:.9rem}\n"
    "a{color:#1f4e79}\n"
    "code{color:#555;font-size:.9em}\n"
    "div.table{overflow-x:auto;margin:1rem 0 1.5rem}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
    "th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top}\n"
    "td.label{min-width:10em}\n"
    "td code{font-size:.85em}\n"
    "td.code,td.date{white-space:nowrap}\n"
    "table a{color:inherit;text-decoration:none}\n"
    "table a:hover{text-decoration:underline}\n"
    "thead th{border-bottom:2px solid #444;vertical-align:bottom}\n"
    "tbody tr:last-child td{border-bottom:2px solid #444}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr.top td.label{font-weight:600}\n"
    "tr.no-evidence td{color:#666}\n"
    "figure{margin:0}\n"
    "figure.chart{margin:1.5rem 0 2rem}\n"
    "figure.chart svg{display:block;max-width:100%;height:auto}\n"
    "figure.chart figcaption{color:#555;font-size:.85rem;margin-top:.35rem}\n"
    "figure.quote{margin:.75rem 0 1rem;padding:.1rem 0 .1rem 1rem;"
    "border-left:4px solid #a8322a}\n"
    "figure.quote.support{border-left-color:#2f6e44}\n"
    "blockquote{margin:0}\n"
    "blockquote p{margin:0}\n"
    "figure.quote figcaption{color:#555;font-size:.85rem;margin-top:.2rem}\n"
    "cite{font-style:normal;overflow-wrap:anywhere}\n"
    ".conclusion p{font-size:1.05rem}\n"
    "@media print{\n"
    "@page{margin:18mm 16mm}\n"
    "body{padding:0;color:#000;font-size:10.5pt}\n"
    "main{max-width:none}\n"
    "div.table{overflow:visible}\n"
    "a{color:inherit;text-decoration:none}\n"
    ".note,figcaption,code,tr.no-evidence td{color:#333}\n"
    "h1,h2,h3,h4,h5,h6{break-after:avoid;page-break-after:avoid}\n"
    "tr,figure,section.factor>header{break-inside:avoid;page-break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    "p{orphans:3;widows:3}\n"
    "}\n";

std::string escaped(std::string_view text) { return escape_markup(text); }

// A code's path in a table cell, escaped.
std::string code_cell(std::string_view path) {
  return fmt::format("<td class=\"code\"><code>{}</code></td>", escaped(path));
}

// The style of a label cell at `depth`: indented under its parent.
std::string indent_style(std::size_t depth) {
  if (depth == 0)
    return {};
  return fmt::format(" style=\"padding-left:{}rem\"", 0.6 + 1.25 * static_cast<double>(depth));
}

// The id of a factor's section: `f-1-2` for rank 1.2.
std::string anchor(const std::string& rank) {
  std::string out = "f-" + rank;
  std::replace(out.begin(), out.end(), '.', '-');
  return out;
}

// The heading level of a factor at `depth`; its quote headings are one below.
int heading_level(std::size_t depth) {
  return static_cast<int>(std::min<std::size_t>(2 + depth, 5));
}

std::string head(const Summary& s, const SummaryWords& w) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>{}{}</title>\n<style>\n{}</style>\n</head>\n",
                     analysis::to_string(s.language), escaped(w.title),
                     s.codebook.empty() ? "" : " — " + escaped(s.codebook), k_style);
}

std::string introduction(const Summary& s, const SummaryWords& w) {
  return fmt::format("<h1>{}</h1>\n<p>{}: {}. {}: {}. {}: {}.</p>\n"
                     "<p class=\"note\">{} <code>koda freq --valence-columns</code>.</p>\n",
                     escaped(w.title), escaped(w.codebook), escaped(s.codebook),
                     escaped(w.documents), s.documents_total, escaped(w.informants),
                     s.informants_total, escaped(w.counting_note));
}

std::string ranking_row(const Summary& s, const RankedFactor& r) {
  const SummaryFactor& f = *r.factor;
  const std::string label =
      f.units > 0 ? fmt::format("<a href=\"#{}\">{}</a>", anchor(r.rank), escaped(f.label))
                  : escaped(f.label);
  return fmt::format("<tr{}><td class=\"n\">{}</td><td class=\"label\"{}>{}</td>"
                     "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{}</td>{}</tr>\n",
                     r.depth == 0 ? " class=\"top\"" : "", r.rank, indent_style(r.depth), label,
                     f.obstacle_units, f.support_units,
                     n_of(f.documents, s.documents_total, s.language),
                     n_of(f.informants, s.informants_total, s.language), code_cell(f.code));
}

std::string ranking(const Summary& s, const SummaryWords& w) {
  std::string out =
      fmt::format("<h2>{}</h2>\n<div class=\"table\">\n<table class=\"ranking\">\n"
                  "<thead><tr><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th>"
                  "<th class=\"n\">{}</th><th class=\"n\">{}</th>"
                  "<th class=\"n\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                  escaped(w.ranking), escaped(w.rank), escaped(w.factor), escaped(w.obstacle),
                  escaped(w.support), escaped(w.documents), escaped(w.informants), escaped(w.code));
  for (const RankedFactor& r : ranked_factors(s))
    out += ranking_row(s, r);
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string figure(const std::string& svg, std::string_view caption) {
  return fmt::format("<figure class=\"chart\">\n{}<figcaption>{}</figcaption>\n</figure>\n", svg,
                     escaped(caption));
}

// Obstacle against support units of every factor and child, in ranking order.
std::string bar_chart(const Summary& s, const SummaryWords& w) {
  BarChart chart;
  chart.title = w.bar_chart;
  chart.series = {
      {std::string(w.obstacle), std::string(k_obstacle_fill), ""},
      {std::string(w.support), std::string(k_support_fill), std::string(k_support_stroke)}};
  chart.legend = true;
  chart.layout = BarLayout::grouped;
  chart.empty = w.no_codings;
  chart.bar_px = 360;
  for (const RankedFactor& r : ranked_factors(s))
    chart.bars.push_back({r.factor->label,
                          r.depth,
                          r.factor->code,
                          {r.factor->obstacle_units, r.factor->support_units}});
  return figure(bar_chart_svg(chart, SvgUse::inline_html), w.bar_chart_note);
}

// Units coded with both of two top-level factors.
std::string heat_map(const Summary& s, const SummaryWords& w) {
  HeatMapText text{std::string(w.heat_map), {}, ""};
  for (const analysis::FreqCode& code : s.cooccurrence.codes)
    text.labels.push_back(code.label);
  return figure(heat_map_svg(s.cooccurrence, false, text, SvgUse::inline_html), w.heat_map_note);
}

std::string quotes(const SummaryFactor& f, coding::Valence valence, std::string_view heading,
                   int level) {
  const std::vector<const SummaryQuote*> chosen = quotes_of(f, valence);
  if (chosen.empty())
    return {};
  const std::string_view kind = valence == coding::Valence::obstacle ? "obstacle" : "support";
  std::string out = fmt::format("<h{0}>{1}</h{0}>\n", level, escaped(heading));
  for (const SummaryQuote* q : chosen)
    out += fmt::format("<figure class=\"quote {}\">\n<blockquote><p>“{}”</p></blockquote>\n"
                       "<figcaption>— <cite>{}</cite></figcaption>\n</figure>\n",
                       kind, escaped(q->text), escaped(analysis::citation(*q)));
  return out;
}

// A factor's section: a header (heading, counts, terms: kept on one page) and, for a factor
// without children, quotes (a parent's quotes are its children's, shown under them).
std::string factor_section(const Summary& s, const SummaryWords& w, const RankedFactor& r) {
  const SummaryFactor& f = *r.factor;
  const int level = heading_level(r.depth);
  std::string out = fmt::format("<section class=\"factor\" id=\"{0}\">\n<header>\n"
                                "<h{1}>{2} {3}</h{1}>\n<p>{4}</p>\n",
                                anchor(r.rank), level, r.rank + (r.depth == 0 ? "." : ""),
                                escaped(f.label), escaped(factor_counts(s, f)));
  if (!f.terms.empty())
    out += fmt::format("<p>{}: {}.</p>\n", escaped(w.terms), escaped(terms_text(f)));
  out += "</header>\n";
  if (f.children.empty())
    out += quotes(f, coding::Valence::obstacle, w.obstacle_quotes, level + 1) +
           quotes(f, coding::Valence::support, w.support_quotes, level + 1);
  return out + "</section>\n";
}

std::string stage_row(const Summary& s, const SummaryWords& w, const SummaryStage& stage) {
  const std::string seen = escaped(first_seen(w, stage));
  return fmt::format("<tr{}><td class=\"label\"{}>{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                     "<td class=\"date\">{}</td>{}</tr>\n",
                     stage.units == 0 ? " class=\"no-evidence\"" : "", indent_style(stage.depth),
                     escaped(stage.label), stage.units,
                     n_of(stage.documents, s.documents_total, s.language), stage.obstacle_units,
                     stage.support_units, stage.units == 0 ? "<em>" + seen + "</em>" : seen,
                     code_cell(stage.code));
}

std::string stages(const Summary& s, const SummaryWords& w) {
  std::string out = fmt::format(
      "<section class=\"stages\">\n<h2>{}</h2>\n<div class=\"table\">\n"
      "<table class=\"stages\">\n<thead><tr><th>{}</th>"
      "<th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>"
      "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      escaped(w.stages), escaped(w.stage), escaped(w.units), escaped(w.documents),
      escaped(w.obstacle), escaped(w.support), escaped(w.first_seen), escaped(w.code));
  for (const SummaryStage& stage : s.stages)
    out += stage_row(s, w, stage);
  return out + "</tbody>\n</table>\n</div>\n</section>\n";
}

} // namespace

std::string summary_html(const Summary& s) {
  const SummaryWords& w = summary_words(s.language);
  std::string out = head(s, w) + "<body>\n<main>\n" + introduction(s, w);
  out += "<section class=\"ranking\">\n" + ranking(s, w) + bar_chart(s, w);
  if (!s.cooccurrence.codes.empty())
    out += heat_map(s, w);
  out += "</section>\n";
  for (const RankedFactor& r : ranked_factors(s))
    if (r.factor->units > 0)
      out += factor_section(s, w, r);
  if (s.has_stages)
    out += stages(s, w);
  return out + fmt::format("<section class=\"conclusion\">\n<h2>{}</h2>\n<p>{}</p>\n</section>\n"
                           "</main>\n</body>\n</html>\n",
                           escaped(w.conclusion), escaped(s.closing));
}

} // namespace koda::report
