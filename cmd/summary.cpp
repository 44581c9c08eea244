// `koda summary -c FACTORS [-c STAGES…] FILES…`: the factors ranked by obstacle units, with
// terms and quotes, a stage table and a closing paragraph, from the same codings (and the
// same counting) as `koda freq --valence-columns` with the same options.

#include "koda/analysis/summary.hpp"

#include "coding_options.hpp"
#include "commands.hpp"
#include "koda/coding/batch.hpp"
#include "koda/report/output.hpp"
#include "koda/report/summary_writer.hpp"

#include <chrono>
#include <memory>

namespace koda::cli {
namespace {

struct SummaryOptions {
  CodingOptions coding;
  std::string format = "md";
};

report::SummaryFormat parse_format(const std::string& format) {
  if (format == "latex")
    return report::SummaryFormat::latex;
  if (format == "json")
    return report::SummaryFormat::json;
  if (format == "html")
    return report::SummaryFormat::html;
  return report::SummaryFormat::md;
}

// The language of headings and sentences: --lang, else the factor codebook's language
// when koda writes it (Indonesian or English), else English.
analysis::SummaryLanguage summary_language(const std::string& lang,
                                           const codebook::Codebook& factors) {
  return analysis::parse_summary_language(lang.empty() ? factors.language : lang)
      .value_or(analysis::SummaryLanguage::en);
}

// The codebooks of the run with labels in `language` (a code without a label there keeps
// its first label, as in every other command).
std::vector<analysis::SummaryCodebook> summary_codebooks(const LoadedCodebooks& codebooks,
                                                         const std::string& language) {
  std::vector<analysis::SummaryCodebook> out;
  for (std::size_t m = 0; m < codebooks.matchers.size(); ++m) {
    analysis::SummaryCodebook codebook{codebooks.codebooks[m]->title, {}};
    const std::vector<coding::CodeInfo>& infos = codebooks.matchers[m]->codes();
    for (std::size_t c = 0; c < infos.size(); ++c)
      codebook.codes.push_back(
          {infos[c].path, codebooks.label(m, c, language), infos[c].depth, infos[c].parent});
    out.push_back(std::move(codebook));
  }
  return out;
}

int run_summary(const SummaryOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  LoadedCodebooks codebooks = load_codebooks(options.coding);
  analysis::SummaryOptions summarising;
  summarising.filter = make_filter(options.coding, codebooks);
  summarising.language = summary_language(options.coding.language, *codebooks.codebooks.front());
  std::optional<corpus::AttributeTable> attributes;
  if (!options.coding.documents.attributes.empty())
    attributes = corpus::AttributeTable::load(options.coding.documents.attributes);
  report::OutputSink sink(options.coding.documents.output);

  // Labels in --lang, else in the factor codebook's language for every codebook, so that
  // stage labels match the factors'.
  const std::string label_language = options.coding.language.empty()
                                         ? codebooks.codebooks.front()->language
                                         : options.coding.language;
  analysis::SummaryBuilder builder(summary_codebooks(codebooks, label_language),
                                   std::move(summarising));
  coding::BatchCallbacks callbacks = reporting_callbacks(options.coding.documents);
  callbacks.document = [&](coding::CodedDocument&& coded) { builder.add(coded); };
  coding::BatchSummary summary = coding::code_inputs(
      options.coding.documents.files, codebooks.matcher_list(),
      batch_options(options.coding, attributes ? &*attributes : nullptr), callbacks);

  sink.write(report::summary_report(builder.summary(), parse_format(options.format)));
  sink.commit();
  return finish_batch(summary, started, options.coding);
}

} // namespace

void add_summary_command(CLI::App& app, int& status) {
  auto options = std::make_shared<SummaryOptions>();
  CLI::App* command = app.add_subcommand(
      "summary", "Obstacle / support summary for a report: factors ranked by obstacle units, "
                 "with terms, quotes, programme stages and a closing paragraph");
  add_coding_options(*command, options->coding);
  command->get_option("--lang")
      ->description("Language of headings, sentences and labels: id or en (default: the first "
                    "codebook's language)")
      ->check(CLI::IsMember({"id", "en"}));
  command->add_option("-f,--format", options->format, "Output format (default: md)")
      ->check(CLI::IsMember({"md", "latex", "json", "html"}));
  command->callback([options, &status] { status = run_summary(*options); });
}

} // namespace koda::cli
