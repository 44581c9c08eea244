// `koda code -c CODEBOOK FILES…`: coded excerpts, one record per (unit, code), in
// document, unit and code order whatever --jobs is.

#include "coding_options.hpp"
#include "commands.hpp"
#include "koda/coding/batch.hpp"
#include "koda/report/excerpts.hpp"
#include "koda/report/output.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace koda::cli {
namespace {

struct CodeOptions {
  CodingOptions coding;
  std::string format; // empty: table on a terminal, else jsonl
  bool explain = false;
};

report::ExcerptFormat parse_format(const std::string& format, bool terminal) {
  if (format == "csv")
    return report::ExcerptFormat::csv;
  if (format == "tsv")
    return report::ExcerptFormat::tsv;
  if (format == "json")
    return report::ExcerptFormat::json;
  if (format == "jsonl")
    return report::ExcerptFormat::jsonl;
  if (format == "md")
    return report::ExcerptFormat::md;
  if (format == "table" || (format.empty() && terminal))
    return report::ExcerptFormat::table;
  return report::ExcerptFormat::jsonl;
}

report::ExcerptStyle terminal_style(const report::OutputSink& sink) {
  report::ExcerptStyle style;
  style.color = sink.to_terminal() && std::getenv("NO_COLOR") == nullptr;
  if (const char* columns = std::getenv("COLUMNS"))
    style.width = std::max(40, std::atoi(columns));
  return style;
}

int run_code(const CodeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  LoadedCodebooks codebooks = load_codebooks(options.coding);
  coding::CodingFilter filter = make_filter(options.coding, codebooks);
  std::optional<corpus::AttributeTable> attributes;
  if (!options.coding.documents.attributes.empty())
    attributes = corpus::AttributeTable::load(options.coding.documents.attributes);
  report::OutputSink sink(options.coding.documents.output);
  const report::ExcerptFormat format = parse_format(options.format, sink.to_terminal());
  auto writer = make_excerpt_writer(format, sink, terminal_style(sink));

  std::vector<std::unique_ptr<coding::Workspace>> explain_spaces;
  if (options.explain)
    for (const auto& matcher : codebooks.matchers)
      explain_spaces.push_back(matcher->workspace());

  // Each code's label and the JSON of its code and valence, by code order, made once per run.
  std::vector<std::string_view> labels;
  std::vector<report::ExcerptCodeJson> code_json;
  for (std::size_t m = 0; m < codebooks.matchers.size(); ++m)
    for (std::size_t c = 0; c < codebooks.matchers[m]->codes().size(); ++c) {
      const std::size_t order = codebooks.order(m, c);
      labels.resize(std::max(labels.size(), order + 1));
      code_json.resize(labels.size());
      labels[order] = codebooks.label(m, c, options.coding.language);
      code_json[order] =
          report::excerpt_code_json(codebooks.matchers[m]->codes()[c], labels[order]);
    }

  // The excerpts `koda code` reports for `coded`, in unit order, then code order across
  // codebooks. Reads only immutable state: runs on the coding threads.
  auto excerpts_of = [&](const coding::CodedDocument& coded) {
    const corpus::Document& doc = coded.document;
    std::vector<report::Excerpt> excerpts;
    if (!filter.accepts_document(doc))
      return excerpts;
    std::size_t codings = 0;
    for (const std::vector<coding::Coding>& list : coded.codings)
      codings += list.size();
    excerpts.reserve(codings);
    for (std::size_t m = 0; m < coded.codings.size(); ++m) {
      const std::vector<coding::CodeInfo>& infos = codebooks.matchers[m]->codes();
      const std::size_t first = codebooks.order(m, 0);
      for (const coding::Coding& c : coded.codings[m]) {
        const coding::CodeInfo& info = infos[c.code];
        if (!filter.accepts(doc, c, info.path))
          continue;
        const std::size_t order = first + c.code;
        excerpts.push_back(report::make_excerpt(doc, c, info, order, labels[order]));
        excerpts.back().code_json = &code_json[order];
      }
    }
    // One codebook's codings already come in this order.
    auto before = [](const report::Excerpt& a, const report::Excerpt& b) {
      return a.coding->unit != b.coding->unit ? a.coding->unit < b.coding->unit
                                              : a.code_order < b.code_order;
    };
    if (!std::is_sorted(excerpts.begin(), excerpts.end(), before))
      std::stable_sort(excerpts.begin(), excerpts.end(), before);
    return excerpts;
  };

  coding::BatchCallbacks callbacks = reporting_callbacks(options.coding.documents);
  // JSON Lines and JSON records are rendered on the coding threads and only written here:
  // rendering is most of the cost of a large run.
  const bool streamed = !options.explain && (format == report::ExcerptFormat::jsonl ||
                                             format == report::ExcerptFormat::json);
  report::ExcerptRecordStream records(sink, format);
  if (streamed) {
    callbacks.prepare = [&](coding::CodedDocument& coded) {
      const std::vector<report::Excerpt> excerpts = excerpts_of(coded);
      report::append_excerpt_records(coded.prepared, excerpts, format);
      coded.prepared_items = excerpts.size();
    };
  }
  callbacks.document = [&](coding::CodedDocument&& coded) {
    if (streamed) {
      records.add(coded.prepared, coded.prepared_items);
      return;
    }
    const corpus::Document& doc = coded.document;
    const std::vector<report::Excerpt> excerpts = excerpts_of(coded);
    if (options.explain) {
      std::string explanations;
      for (const report::Excerpt& e : excerpts) {
        std::size_t m = 0;
        while (codebooks.order(m, 0) + codebooks.matchers[m]->codes().size() <= e.code_order)
          ++m;
        explanations += codebooks.matchers[m]->explain(doc, *e.coding, *explain_spaces[m]);
        explanations += fmt::format("  text: {}\n\n", doc.unit_text(doc.units[e.coding->unit]));
      }
      sink.write(explanations);
      return;
    }
    writer->add(excerpts);
  };
  coding::BatchSummary summary = coding::code_inputs(
      options.coding.documents.files, codebooks.matcher_list(),
      batch_options(options.coding, attributes ? &*attributes : nullptr), callbacks);
  if (streamed)
    records.finish();
  else if (!options.explain)
    writer->finish();
  sink.commit();
  return finish_batch(summary, started, options.coding);
}

} // namespace

void add_code_command(CLI::App& app, int& status) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* command = app.add_subcommand("code", "Code documents with a codebook: one excerpt "
                                                 "per (unit, code)");
  add_coding_options(*command, options->coding);
  command
      ->add_option("-f,--format", options->format,
                   "Output format (default: table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "jsonl", "md"}));
  command->add_flag("--explain", options->explain,
                    "Explain each coding: the terms that matched and how its valence was decided");
  command->callback([options, &status] { status = run_code(*options); });
}

} // namespace koda::cli
