// `koda kwic TERM FILES…`: every occurrence of a term or expression (codebook term syntax)
// with words of context either side — how a researcher checks what a term really finds
// before putting it in a codebook.

#include "koda/coding/kwic.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "koda/coding/batch.hpp"
#include "koda/report/csv.hpp"
#include "koda/report/json.hpp"
#include "koda/report/output.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <memory>

namespace koda::cli {
namespace {

struct KwicOptions {
  DocumentOptions documents;
  std::string expression;
  std::string language = "id";
  std::size_t context = 6;
  std::string format;
  bool skip_interviewer = false;
};

struct Line {
  std::string source; // doc:line speaker
  std::string doc;
  std::size_t unit = 0;
  std::size_t line = 0;
  std::string speaker;
  coding::Concordance hit;
};

std::string render_table(const std::vector<Line>& lines, std::size_t context) {
  if (lines.empty())
    return "no occurrences\n";
  // Left contexts are right-aligned so the keywords line up in one column.
  std::size_t left_width = 0;
  for (const Line& l : lines)
    left_width = std::max(left_width, report::display_width(l.hit.left));
  left_width = std::min<std::size_t>(left_width, context * 12);
  std::string out;
  for (const Line& l : lines) {
    std::string left = l.hit.left;
    if (report::display_width(left) > left_width) {
      // Keep the end of an over-long left context.
      while (report::display_width(left) > left_width - 1)
        left.erase(
            0,
            1 + (left.size() > 1 && (static_cast<unsigned char>(left[1]) & 0xC0) == 0x80 ? 1 : 0));
      left = "…" + left;
    }
    out += fmt::format("{} [{}] {}    {}\n", report::pad_left(left, left_width), l.hit.keyword,
                       l.hit.right, l.source);
  }
  return out;
}

std::string render_csv(const std::vector<Line>& lines) {
  std::string out;
  report::DelimitedWriter csv(out, report::DelimitedWriter::Style::csv);
  csv.row({"doc", "unit", "line", "speaker", "left", "match", "right", "start", "end"});
  for (const Line& l : lines)
    csv.row({l.doc, std::to_string(l.unit), std::to_string(l.line), l.speaker, l.hit.left,
             l.hit.keyword, l.hit.right, std::to_string(l.hit.match.start),
             std::to_string(l.hit.match.end)});
  return out;
}

std::string render_jsonl(const std::vector<Line>& lines) {
  std::string out;
  for (const Line& l : lines) {
    report::JsonWriter json(out, false);
    json.begin_object();
    json.key("doc").value(l.doc);
    json.key("unit").value(static_cast<std::uint64_t>(l.unit));
    json.key("line").value(static_cast<std::uint64_t>(l.line));
    json.key("speaker").value(l.speaker);
    json.key("left").value(l.hit.left);
    json.key("match").value(l.hit.keyword);
    json.key("right").value(l.hit.right);
    json.key("start").value(static_cast<std::uint64_t>(l.hit.match.start));
    json.key("end").value(static_cast<std::uint64_t>(l.hit.match.end));
    json.end_object();
    out += "\n";
  }
  return out;
}

int run_kwic(const KwicOptions& options) {
  coding::SearchExpression search = coding::parse_search(options.expression, options.language);
  coding::Matcher matcher(search.codebook);
  std::optional<corpus::AttributeTable> attributes;
  if (!options.documents.attributes.empty())
    attributes = corpus::AttributeTable::load(options.documents.attributes);
  report::OutputSink sink(options.documents.output);

  coding::BatchOptions batch;
  batch.load = load_options(options.documents);
  batch.load.attributes = attributes ? &*attributes : nullptr;
  batch.interviewer =
      options.skip_interviewer ? coding::Interviewer::skip : coding::Interviewer::include;
  batch.jobs = thread_count(options.documents);

  std::vector<Line> lines;
  text::WordSegmenter segmenter;
  coding::BatchCallbacks callbacks;
  callbacks.warning = [&](const std::string& m) {
    if (!options.documents.quiet)
      warn(m);
  };
  callbacks.error = [](const std::string& m) {
    std::fputs(fmt::format("koda: error: {}\n", m).c_str(), stderr);
  };
  callbacks.document = [&](coding::CodedDocument&& coded) {
    const corpus::Document& doc = coded.document;
    for (const coding::Coding& c : coded.codings[0]) {
      const corpus::Unit& unit = doc.units[c.unit];
      for (coding::Concordance& hit : coding::concordance(doc, c, options.context, segmenter)) {
        Line line;
        line.doc = doc.path;
        line.unit = c.unit;
        line.line = unit.line;
        line.speaker = unit.speaker;
        line.source = fmt::format("{}:{}{}", doc.path, unit.line,
                                  unit.speaker.empty() ? "" : fmt::format(" {}", unit.speaker));
        line.hit = std::move(hit);
        lines.push_back(std::move(line));
      }
    }
  };
  coding::BatchSummary summary =
      coding::code_inputs(options.documents.files, {&matcher}, batch, callbacks);

  std::string format = options.format;
  if (format.empty())
    format = sink.to_terminal() ? "table" : "table";
  sink.write(format == "csv"     ? render_csv(lines)
             : format == "jsonl" ? render_jsonl(lines)
                                 : render_table(lines, options.context));
  sink.commit();
  return summary.errors.empty() || options.documents.keep_going ? 0 : 1;
}

} // namespace

void add_kwic_command(CLI::App& app, int& status) {
  auto options = std::make_shared<KwicOptions>();
  CLI::App* command = app.add_subcommand(
      "kwic", "Keyword in context: every occurrence of a term or expression (codebook syntax)");
  command
      ->add_option("TERM", options->expression,
                   "A term or expression as in a codebook `match` line, e.g. laksana, "
                   "\"sumber daya\", sosialisasi*, 'dana NEAR/3 cair' (quote it for the shell)")
      ->required();
  add_document_options(*command, options->documents);
  command
      ->add_option("--lang", options->language,
                   "Stemmer for bare terms: id, en, none or a Snowball name")
      ->default_str("id");
  command->add_option("-n,--context", options->context, "Words of context on each side")
      ->check(CLI::Range(0, 100))
      ->default_str("6");
  command->add_option("-f,--format", options->format, "Output format (default: table)")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  command->add_flag("--skip-interviewer", options->skip_interviewer,
                    "Leave out interviewer turns (they are searched by default)");
  command->callback([options, &status] { status = run_kwic(*options); });
}

} // namespace koda::cli
