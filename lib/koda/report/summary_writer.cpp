// Writing `koda summary` reports: Markdown, LaTeX and JSON, all from one Summary (the HTML
// page, with its charts, is in summary_html.cpp).
//
// The text formats are for pasting into a thesis chapter, so they read top-down as a
// findings section does: what was analysed and how the numbers are counted, the ranking,
// one section per factor (its counts in a sentence, the terms that triggered it, quotes
// with their sources), the stage table, and the closing paragraph. A factor with children
// shows its quotes under its children, where they are more specific; its own quotes (drawn
// from the same units) are in JSON for tools. Numbers and fixed words come from the same
// helpers in every format, so the formats cannot disagree.

#include "koda/report/summary_writer.hpp"

#include "koda/report/json.hpp"
#include "koda/report/latex.hpp"
#include "koda/report/summary_html.hpp"

#include <fmt/format.h>

namespace koda::report {
namespace {

using analysis::Summary;
using analysis::SummaryFactor;
using analysis::SummaryLanguage;
using analysis::SummaryQuote;
using analysis::SummaryStage;

constexpr SummaryWords k_indonesian{
    "Ringkasan faktor penghambat dan pendukung",
    "Buku kode",
    "Dokumen",
    "Informan",
    "Hambatan dan Pendukung adalah jumlah unit yang dikode dengan faktor itu (atau "
    "subfaktornya) dan bermuatan hambatan atau pendukung; Dokumen dan Informan adalah jumlah "
    "dokumen dan informan yang menyebut faktor itu. Angka dihitung seperti pada",
    "Peringkat faktor",
    "No.",
    "Faktor",
    "Hambatan",
    "Pendukung",
    "Kode",
    "Istilah yang paling sering memicu faktor ini",
    "Kutipan hambatan",
    "Kutipan pendukung",
    "Tahapan program",
    "Tahap",
    "Unit",
    "Pertama terlihat",
    "tidak ditemukan bukti",
    "tanpa tanggal",
    "Kesimpulan",
    "dari",
    "Jumlah unit hambatan dan pendukung per faktor",
    "Hambatan dan Pendukung dihitung seperti pada tabel peringkat; subfaktor ditulis menjorok "
    "di bawah faktornya.",
    "Kemunculan bersama faktor utama (unit)",
    "Setiap sel memuat jumlah unit yang dikode dengan kedua faktor; diagonal memuat jumlah "
    "unit yang dikode dengan faktor tersebut.",
    "tidak ada unit terkode",
};

constexpr SummaryWords k_english{
    "Summary of obstacles and supporting factors",
    "Codebook",
    "Documents",
    "Informants",
    "Obstacle and Support count the units coded with the factor (or a subfactor) that describe "
    "it as an obstacle or a support; Documents and Informants count the documents and "
    "informants that mention it. The numbers are counted as by",
    "Ranking of factors",
    "#",
    "Factor",
    "Obstacle",
    "Support",
    "Code",
    "Terms that triggered it most often",
    "Obstacle quotes",
    "Support quotes",
    "Programme stages",
    "Stage",
    "Units",
    "First seen",
    "no evidence found",
    "undated",
    "Conclusion",
    "of",
    "Obstacle and support units per factor",
    "Obstacle and Support are counted as in the ranking table; subfactors are indented under "
    "their factor.",
    "Co-occurrence of top-level factors (units)",
    "Each cell holds the units coded with both factors; the diagonal holds the units coded "
    "with the factor.",
    "no coded units",
};

// The rank label of the `index`-th factor under `parent`: "2", "2.1".
std::string rank_label(const std::string& parent, std::size_t index) {
  return parent.empty() ? fmt::format("{}", index + 1) : fmt::format("{}.{}", parent, index + 1);
}

// Calls `visit(factor, rank, depth)` for every factor of `factors` and below, in ranking
// order, parents before their children.
template <class Visit>
void each_factor(const std::vector<SummaryFactor>& factors, const std::string& parent,
                 std::size_t depth, Visit&& visit) {
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const std::string rank = rank_label(parent, i);
    visit(factors[i], rank, depth);
    each_factor(factors[i].children, rank, depth + 1, visit);
  }
}

// --- Markdown ---------------------------------------------------------------------------

std::string escape_markdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
        c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

// Two no-break spaces a level: pipe tables drop ordinary leading spaces.
std::string md_indent(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < 2 * depth; ++i)
    out += "\u00a0";
  return out;
}

std::string md_ranking(const Summary& s, const SummaryWords& w) {
  std::string out = fmt::format("## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n"
                                "|---:|---|---:|---:|---:|---:|---|\n",
                                w.ranking, w.rank, w.factor, w.obstacle, w.support, w.documents,
                                w.informants, w.code);
  each_factor(s.ranking, "", 0,
              [&](const SummaryFactor& f, const std::string& rank, std::size_t d) {
                out += fmt::format("| {} | {}{} | {} | {} | {} | {} | `{}` |\n", rank, md_indent(d),
                                   escape_markdown(f.label), f.obstacle_units, f.support_units,
                                   n_of(f.documents, s.documents_total, s.language),
                                   n_of(f.informants, s.informants_total, s.language), f.code);
              });
  return out;
}

std::string md_quotes(const SummaryFactor& f, coding::Valence valence, std::string_view heading) {
  const std::vector<const SummaryQuote*> quotes = quotes_of(f, valence);
  if (quotes.empty())
    return {};
  std::string out = fmt::format("**{}**\n\n", heading);
  for (const SummaryQuote* q : quotes)
    out += fmt::format("> “{}”\n> — {}\n\n", escape_markdown(q->text),
                       escape_markdown(analysis::citation(*q)));
  return out;
}

std::string md_factor(const Summary& s, const SummaryWords& w, const SummaryFactor& f,
                      const std::string& rank, std::size_t depth) {
  std::string out =
      fmt::format("{} {} {}\n\n{}\n\n", std::string(std::min<std::size_t>(2 + depth, 6), '#'),
                  rank + (depth == 0 ? "." : ""), escape_markdown(f.label), factor_counts(s, f));
  if (!f.terms.empty())
    out += fmt::format("{}: {}.\n\n", w.terms, escape_markdown(terms_text(f)));
  if (f.children.empty())
    out += md_quotes(f, coding::Valence::obstacle, w.obstacle_quotes) +
           md_quotes(f, coding::Valence::support, w.support_quotes);
  return out;
}

std::string md_stages(const Summary& s, const SummaryWords& w) {
  std::string out = fmt::format("## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n"
                                "|---|---:|---:|---:|---:|---|---|\n",
                                w.stages, w.stage, w.units, w.documents, w.obstacle, w.support,
                                w.first_seen, w.code);
  for (const SummaryStage& stage : s.stages)
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} | `{}` |\n", md_indent(stage.depth),
                       escape_markdown(stage.label), stage.units,
                       n_of(stage.documents, s.documents_total, s.language), stage.obstacle_units,
                       stage.support_units,
                       stage.units == 0 ? fmt::format("*{}*", first_seen(w, stage))
                                        : first_seen(w, stage),
                       stage.code);
  return out + "\n";
}

std::string render_md(const Summary& s) {
  const SummaryWords& w = summary_words(s.language);
  std::string out =
      fmt::format("# {}\n\n{}: {}. {}: {}. {}: {}.\n\n{} `koda freq "
                  "--valence-columns`.\n\n",
                  w.title, w.codebook, escape_markdown(s.codebook), w.documents, s.documents_total,
                  w.informants, s.informants_total, w.counting_note);
  out += md_ranking(s, w) + "\n";
  each_factor(s.ranking, "", 0,
              [&](const SummaryFactor& f, const std::string& rank, std::size_t d) {
                if (f.units > 0)
                  out += md_factor(s, w, f, rank, d);
              });
  if (s.has_stages)
    out += md_stages(s, w);
  return out + fmt::format("## {}\n\n{}\n", w.conclusion, escape_markdown(s.closing));
}

// --- LaTeX ------------------------------------------------------------------------------

std::string latex_indent(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i)
    out += "\\quad ";
  return out;
}

// A booktabs table narrow enough for a thesis page: small type, tighter columns, labels
// wrapped in fixed-width columns. `columns` is the tabular column spec.
std::string latex_table_begin(std::string_view columns) {
  return fmt::format("{{\\small\\setlength{{\\tabcolsep}}{{4pt}}\n\\begin{{tabular}}{{{}}}\n"
                     "\\toprule\n",
                     columns);
}

constexpr std::string_view k_latex_table_end = "\\bottomrule\n\\end{tabular}\\par}\n\n";

std::string latex_ranking(const Summary& s, const SummaryWords& w) {
  std::string out =
      fmt::format("\\subsection*{{{}}}\n\n{}"
                  "{} & {} & {} & {} & {} & {} \\\\\n\\midrule\n",
                  escape_latex(w.ranking), latex_table_begin("lp{4cm}rrrr"), escape_latex(w.rank),
                  escape_latex(w.factor), escape_latex(w.obstacle), escape_latex(w.support),
                  escape_latex(w.documents), escape_latex(w.informants));
  each_factor(s.ranking, "", 0,
              [&](const SummaryFactor& f, const std::string& rank, std::size_t d) {
                out += fmt::format("{} & {}{} & {} & {} & {} & {} \\\\\n", rank, latex_indent(d),
                                   escape_latex(f.label), f.obstacle_units, f.support_units,
                                   n_of(f.documents, s.documents_total, s.language),
                                   n_of(f.informants, s.informants_total, s.language));
              });
  return out + std::string(k_latex_table_end);
}

std::string latex_quotes(const SummaryFactor& f, coding::Valence valence,
                         std::string_view heading) {
  const std::vector<const SummaryQuote*> quotes = quotes_of(f, valence);
  if (quotes.empty())
    return {};
  std::string out = fmt::format("\\paragraph{{{}}}\n\n", escape_latex(heading));
  for (const SummaryQuote* q : quotes)
    out += fmt::format("\\begin{{quote}}\\raggedright\n``{}''\\\\\n--- {{\\small {}}}\n"
                       "\\end{{quote}}\n\n",
                       escape_latex(q->text), escape_latex(analysis::citation(*q)));
  return out;
}

std::string latex_factor(const Summary& s, const SummaryWords& w, const SummaryFactor& f,
                         const std::string& rank, std::size_t depth) {
  std::string out = fmt::format(
      "\\{}*{{{}\\ {}}}\n\n{}\n\n", depth == 0 ? "subsection" : "subsubsection",
      rank + (depth == 0 ? "." : ""), escape_latex(f.label), escape_latex(factor_counts(s, f)));
  if (!f.terms.empty())
    out += fmt::format("{}: {}.\n\n", escape_latex(w.terms), escape_latex(terms_text(f)));
  if (f.children.empty())
    out += latex_quotes(f, coding::Valence::obstacle, w.obstacle_quotes) +
           latex_quotes(f, coding::Valence::support, w.support_quotes);
  return out;
}

std::string latex_stages(const Summary& s, const SummaryWords& w) {
  std::string out =
      fmt::format("\\subsection*{{{}}}\n\n{}"
                  "{} & {} & {} & {} & {} & {} \\\\\n\\midrule\n",
                  escape_latex(w.stages), latex_table_begin("p{3.2cm}rrrrp{2cm}"),
                  escape_latex(w.stage), escape_latex(w.units), escape_latex(w.documents),
                  escape_latex(w.obstacle), escape_latex(w.support), escape_latex(w.first_seen));
  for (const SummaryStage& stage : s.stages) {
    const std::string seen = escape_latex(first_seen(w, stage));
    out += fmt::format("{}{} & {} & {} & {} & {} & {} \\\\\n", latex_indent(stage.depth),
                       escape_latex(stage.label), stage.units,
                       n_of(stage.documents, s.documents_total, s.language), stage.obstacle_units,
                       stage.support_units,
                       stage.units == 0 ? fmt::format("\\emph{{{}}}", seen) : seen);
  }
  return out + std::string(k_latex_table_end);
}

std::string render_latex(const Summary& s) {
  const SummaryWords& w = summary_words(s.language);
  std::string out =
      fmt::format("\\section{{{}}}\n\n{}: \\emph{{{}}}. {}: {}. {}: {}.\n\n{} "
                  "\\texttt{{koda freq -{{}}-valence-columns}}.\n\n",
                  escape_latex(w.title), escape_latex(w.codebook), escape_latex(s.codebook),
                  escape_latex(w.documents), s.documents_total, escape_latex(w.informants),
                  s.informants_total, escape_latex(w.counting_note));
  out += latex_ranking(s, w);
  each_factor(s.ranking, "", 0,
              [&](const SummaryFactor& f, const std::string& rank, std::size_t d) {
                if (f.units > 0)
                  out += latex_factor(s, w, f, rank, d);
              });
  if (s.has_stages)
    out += latex_stages(s, w);
  return out + fmt::format("\\subsection*{{{}}}\n\n{}\n", escape_latex(w.conclusion),
                           escape_latex(s.closing));
}

// --- JSON -------------------------------------------------------------------------------

void json_quote(JsonWriter& json, const SummaryQuote& q) {
  json.begin_object();
  json.key("doc").value(q.doc);
  json.key("line").value(static_cast<std::uint64_t>(q.line));
  json.key("speaker").value(q.speaker);
  json.key("role").value(q.role);
  json.key("valence").value(coding::to_string(q.valence));
  json.key("text").value(q.text);
  json.end_object();
}

void json_factor(JsonWriter& json, const SummaryFactor& f) {
  json.begin_object();
  json.key("code").value(f.code);
  json.key("label").value(f.label);
  json.key("units").value(f.units);
  json.key("obstacle_units").value(f.obstacle_units);
  json.key("support_units").value(f.support_units);
  json.key("documents").value(f.documents);
  json.key("informants").value(f.informants);
  json.key("terms").begin_array();
  for (const analysis::SummaryTerm& t : f.terms) {
    json.begin_object();
    json.key("term").value(t.term);
    json.key("units").value(t.units);
    json.end_object();
  }
  json.end_array();
  json.key("quotes").begin_array();
  for (const SummaryQuote& q : f.quotes)
    json_quote(json, q);
  json.end_array();
  json.key("children").begin_array();
  for (const SummaryFactor& child : f.children)
    json_factor(json, child);
  json.end_array();
  json.end_object();
}

void json_stage(JsonWriter& json, const SummaryStage& stage) {
  json.begin_object();
  json.key("code").value(stage.code);
  json.key("label").value(stage.label);
  json.key("depth").value(static_cast<std::uint64_t>(stage.depth));
  json.key("units").value(stage.units);
  json.key("documents").value(stage.documents);
  json.key("obstacle_units").value(stage.obstacle_units);
  json.key("support_units").value(stage.support_units);
  json.key("first_date");
  if (stage.first_date.empty())
    json.null();
  else
    json.value(stage.first_date);
  json.end_object();
}

void json_cooccurrence(JsonWriter& json, const analysis::Cooccurrence& matrix) {
  json.begin_object();
  json.key("codes").begin_array();
  for (const analysis::FreqCode& code : matrix.codes)
    json.value(code.path);
  json.end_array();
  json.key("both").begin_array();
  for (std::size_t i = 0; i < matrix.codes.size(); ++i) {
    json.begin_array();
    for (std::size_t j = 0; j < matrix.codes.size(); ++j)
      json.value(matrix.at(i, j));
    json.end_array();
  }
  json.end_array();
  json.end_object();
}

std::string render_json(const Summary& s) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("language").value(analysis::to_string(s.language));
  json.key("codebook").value(s.codebook);
  json.key("documents_total").value(s.documents_total);
  json.key("informants_total").value(s.informants_total);
  json.key("ranking").begin_array();
  for (const SummaryFactor& f : s.ranking)
    json_factor(json, f);
  json.end_array();
  json.key("stages").begin_array();
  for (const SummaryStage& stage : s.stages)
    json_stage(json, stage);
  json.end_array();
  json.key("cooccurrence");
  json_cooccurrence(json, s.cooccurrence);
  json.key("closing").value(s.closing);
  json.end_object();
  return out;
}

} // namespace

std::vector<RankedFactor> ranked_factors(const Summary& summary) {
  std::vector<RankedFactor> out;
  each_factor(summary.ranking, "", 0,
              [&](const SummaryFactor& f, const std::string& rank, std::size_t depth) {
                out.push_back({&f, rank, depth});
              });
  return out;
}

std::string terms_text(const SummaryFactor& f) {
  std::string out;
  for (const analysis::SummaryTerm& t : f.terms)
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", t.term, t.units);
  return out;
}

std::string first_seen(const SummaryWords& words, const SummaryStage& stage) {
  if (stage.units == 0)
    return std::string(words.no_evidence);
  return stage.first_date.empty() ? std::string(words.undated) : stage.first_date;
}

std::vector<const SummaryQuote*> quotes_of(const SummaryFactor& f, coding::Valence valence) {
  std::vector<const SummaryQuote*> out;
  for (const SummaryQuote& q : f.quotes)
    if (q.valence == valence)
      out.push_back(&q);
  return out;
}

const SummaryWords& summary_words(SummaryLanguage language) {
  return language == SummaryLanguage::id ? k_indonesian : k_english;
}

std::string n_of(std::uint64_t n, std::uint64_t total, SummaryLanguage language) {
  return fmt::format("{} {} {}", n, summary_words(language).of, total);
}

std::string factor_counts(const Summary& s, const SummaryFactor& f) {
  const std::string documents = n_of(f.documents, s.documents_total, s.language);
  const std::string informants = n_of(f.informants, s.informants_total, s.language);
  if (s.language == SummaryLanguage::id)
    return fmt::format("{} unit hambatan dan {} unit pendukung dari {} unit terkode; disebut dalam "
                       "{} dokumen{}.",
                       f.obstacle_units, f.support_units, f.units, documents,
                       s.informants_total == 0 ? "" : " oleh " + informants + " informan");
  return fmt::format(
      "{} obstacle and {} support units of {} coded {}; mentioned in {} documents{}.",
      f.obstacle_units, f.support_units, f.units, f.units == 1 ? "unit" : "units", documents,
      s.informants_total == 0 ? "" : " by " + informants + " informants");
}

std::string summary_report(const Summary& summary, SummaryFormat format) {
  switch (format) {
  case SummaryFormat::md:
    return render_md(summary);
  case SummaryFormat::latex:
    return render_latex(summary);
  case SummaryFormat::html:
    return summary_html(summary);
  case SummaryFormat::json:
    break;
  }
  return render_json(summary);
}

} // namespace koda::report
