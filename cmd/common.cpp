#include "common.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <thread>

namespace koda::cli {

void add_document_options(CLI::App& command, DocumentOptions& options, KindOption kind_option) {
  command
      .add_option("FILES", options.files,
                  "Files or folders to read (.txt and .md, recursively); - for stdin")
      ->required();
  command.add_option("--encoding", options.encoding,
                     "Read every file in this encoding (an ICU converter name, e.g. "
                     "windows-1252) instead of detecting it");
  command
      .add_option(kind_option == KindOption::force ? "--kind" : "--force-kind", options.kind,
                  "Treat every document as this kind")
      ->check(CLI::IsMember({"interview", "minutes", "observation", "document"}));
  command
      .add_option("--unit", options.unit,
                  "What one unit is: the kind's natural unit, or each sentence")
      ->check(CLI::IsMember({"natural", "sentence"}))
      ->default_str("natural");
  command.add_option("--attributes", options.attributes,
                     "CSV of attributes keyed by document path or by speaker label");
  command.add_option("-o,--output", options.output,
                     "Write the output to this file (atomically) instead of stdout");
  command.add_option("-j,--jobs", options.jobs, "Threads to use (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command.add_flag("--keep-going", options.keep_going,
                   "Exit 0 even when some documents cannot be read");
  command.add_flag("-q,--quiet", options.quiet, "Print no warnings or progress");
}

void warn(std::string_view message) {
  std::fputs(fmt::format("koda: warning: {}\n", message).c_str(), stderr);
}

corpus::LoadOptions load_options(const DocumentOptions& options) {
  corpus::LoadOptions load;
  load.encoding = options.encoding;
  if (!options.kind.empty())
    load.kind = corpus::parse_kind(options.kind);
  load.unit = options.unit == "sentence" ? corpus::UnitMode::sentence : corpus::UnitMode::natural;
  return load;
}

unsigned thread_count(const DocumentOptions& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

corpus::Corpus load_documents(const DocumentOptions& options) {
  std::optional<corpus::AttributeTable> attributes;
  if (!options.attributes.empty())
    attributes = corpus::AttributeTable::load(options.attributes);
  corpus::LoadOptions load = load_options(options);
  load.attributes = attributes ? &*attributes : nullptr;
  corpus::Corpus corpus = corpus::load_corpus(options.files, load, thread_count(options));
  if (!options.quiet)
    for (const std::string& warning : corpus.warnings)
      warn(warning);
  for (const std::string& error : corpus.errors)
    std::fputs(fmt::format("koda: error: {}\n", error).c_str(), stderr);
  return corpus;
}

int exit_status(const corpus::Corpus& corpus, const DocumentOptions& options) {
  return corpus.errors.empty() || options.keep_going ? 0 : 1;
}

} // namespace koda::cli
