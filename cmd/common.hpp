#pragma once

#include "koda/corpus/load.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace koda::cli {

// Options every command that reads documents shares.
struct DocumentOptions {
  std::vector<std::string> files;
  std::string encoding;
  std::string kind;
  std::string unit = "natural";
  std::string attributes;
  std::string output;
  unsigned jobs = 0;
  bool keep_going = false;
  bool quiet = false;
};

// What `--kind` means for a command: `inspect` forces the kind of every document; the
// analysis commands filter by kind and force it with `--force-kind`.
enum class KindOption { force, filter };

// Declares FILES, --encoding, --kind (or --force-kind), --unit, --attributes, --output,
// --jobs, --keep-going and --quiet on `command`, stored in `options`.
void add_document_options(CLI::App& command, DocumentOptions& options,
                          KindOption kind_option = KindOption::force);

// The load options `options` ask for.
corpus::LoadOptions load_options(const DocumentOptions& options);

// The number of threads to use: --jobs, or every core.
unsigned thread_count(const DocumentOptions& options);

// Reads the documents `options` name. Prints each warning and error to standard error
// (warnings not with --quiet). `attributes` keeps the parsed --attributes table alive.
corpus::Corpus load_documents(const DocumentOptions& options);

// The exit status for a run over `corpus`: 1 when an input failed and --keep-going was
// not given, else 0.
int exit_status(const corpus::Corpus& corpus, const DocumentOptions& options);

// Prints `koda: warning: <message>` to standard error.
void warn(std::string_view message);

} // namespace koda::cli
