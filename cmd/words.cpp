// `koda words FILES…`: word or stem frequencies with document frequency, stop words
// removed; what a researcher reads to find terms for a codebook.

#include "koda/analysis/words.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "koda/report/output.hpp"
#include "koda/report/words.hpp"
#include "koda/text/stem.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <thread>

namespace koda::cli {
namespace {

struct WordsOptions {
  DocumentOptions documents;
  std::string language = "id";
  std::string stop_words = "auto";
  bool stem = false;
  bool numbers = false;
  bool include_interviewer = false;
  std::size_t top = 50;
  std::uint64_t min_docs = 1;
  std::uint64_t min_count = 1;
  std::string format = "table";
};

// The stop lists `spec` names: `auto` (Indonesian and English), `none`, or a
// comma-separated list of `id` and `en`; nothing when `spec` is not one of these.
std::optional<std::vector<text::StopList>> parse_stop_words(std::string_view spec) {
  if (spec == "auto")
    return std::vector{text::StopList::indonesian, text::StopList::english};
  std::vector<text::StopList> lists;
  if (spec == "none")
    return lists;
  while (true) {
    const std::size_t comma = spec.find(',');
    std::optional<text::StopList> list = text::parse_stop_list(spec.substr(0, comma));
    if (!list)
      return std::nullopt;
    if (std::find(lists.begin(), lists.end(), *list) == lists.end())
      lists.push_back(*list);
    if (comma == std::string_view::npos)
      return lists;
    spec.remove_prefix(comma + 1);
  }
}

analysis::WordsOptions counting_options(const WordsOptions& options) {
  analysis::WordsOptions counting;
  counting.language = options.language;
  counting.stem = options.stem;
  counting.stop_lists = parse_stop_words(options.stop_words).value();
  counting.numbers = options.numbers;
  counting.include_interviewer = options.include_interviewer;
  counting.min_count = options.min_count;
  counting.min_docs = options.min_docs;
  counting.top = options.top;
  counting.jobs = options.documents.jobs ? options.documents.jobs
                                         : std::max(1u, std::thread::hardware_concurrency());
  return counting;
}

std::string render(const analysis::WordTable& table, const analysis::WordsOptions& counting,
                   const std::string& format) {
  if (format == "json")
    return report::words_json(table, counting);
  if (format == "csv")
    return report::words_delimited(table, counting, report::DelimitedWriter::Style::csv);
  if (format == "tsv")
    return report::words_delimited(table, counting, report::DelimitedWriter::Style::tsv);
  return report::words_table(table, counting);
}

int run_words(const WordsOptions& options) {
  const analysis::WordsOptions counting = counting_options(options);
  corpus::Corpus corpus = load_documents(options.documents);
  analysis::WordTable table = analysis::count_words(corpus.documents, counting);
  if (!options.documents.quiet)
    for (const std::string& warning : table.warnings)
      warn(warning);
  report::emit(options.documents.output, render(table, counting, options.format));
  return exit_status(corpus, options.documents);
}

CLI::Validator language_validator() {
  return CLI::Validator(
      [](std::string& name) -> std::string {
        if (text::Stemmer::is_known(name))
          return {};
        return fmt::format("unknown language '{}' (expected id, en, none or a Snowball "
                           "language name such as indonesian, english, french)",
                           name);
      },
      "LANG");
}

CLI::Validator stop_words_validator() {
  return CLI::Validator(
      [](std::string& spec) -> std::string {
        if (parse_stop_words(spec))
          return {};
        return fmt::format("unknown stop lists '{}' (expected auto, none, id, en or id,en)", spec);
      },
      "LISTS");
}

// Accepts a whole number of at most 18 digits, so that it fits any count.
CLI::Validator count_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (!text.empty() && text.size() <= 18 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return {};
        return fmt::format("expected a whole number, 0 or more, not '{}'", text);
      },
      "N");
}

} // namespace

void add_words_command(CLI::App& app, int& status) {
  auto options = std::make_shared<WordsOptions>();
  CLI::App* command = app.add_subcommand(
      "words", "Word or stem frequencies with document frequency, stop words removed");
  add_document_options(*command, options->documents);
  command->add_flag("--stem", options->stem, "Count stems, showing the most frequent forms");
  command
      ->add_option("--lang", options->language,
                   "Stemmer for documents whose front matter names no language: id, en, "
                   "none or a Snowball language name")
      ->check(language_validator())
      ->default_str("id");
  command
      ->add_option("--stop-words", options->stop_words,
                   "Stop lists to remove: auto (Indonesian and English), none, id, en, id,en")
      ->check(stop_words_validator())
      ->default_str("auto");
  command->add_option("--top", options->top, "Show the N most frequent; 0 shows all")
      ->check(count_validator())
      ->default_str("50");
  command->add_option("--min-docs", options->min_docs, "Only words found in at least N documents")
      ->check(count_validator())
      ->default_str("1");
  command->add_option("--min-count", options->min_count, "Only words occurring at least N times")
      ->check(count_validator())
      ->default_str("1");
  command->add_flag("--numbers", options->numbers, "Also count numbers (tokens without a letter)");
  command->add_flag("--include-interviewer", options->include_interviewer,
                    "Also count interviewer turns");
  command->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json"}))
      ->default_str("table");
  command->callback([options, &status] { status = run_words(*options); });
}

} // namespace koda::cli
