#pragma once

#include "common.hpp"
#include "koda/codebook/codebook.hpp"
#include "koda/coding/batch.hpp"
#include "koda/coding/coding.hpp"
#include "koda/coding/filter.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace koda::cli {

// Options shared by the commands that code documents (code, freq, summary).
struct CodingOptions {
  DocumentOptions documents;
  std::vector<std::string> codebooks;
  std::string language; // label language; empty: each codebook's own
  bool include_interviewer = false;
  bool verbose = false; // the summary line even when standard error is not a terminal
  // Filters.
  std::vector<std::string> codes;
  std::string valence;
  std::vector<std::string> speakers;
  std::string kind;
  std::vector<std::string> where;
};

// Declares -c/--codebook, --lang, --include-interviewer, the filters and the document
// options on `command`.
void add_coding_options(CLI::App& command, CodingOptions& options);

// Codebooks and their matchers, loaded and compiled.
struct LoadedCodebooks {
  std::vector<std::unique_ptr<codebook::Codebook>> codebooks;
  std::vector<std::unique_ptr<coding::Matcher>> matchers;
  std::vector<const coding::Matcher*> matcher_list() const;
  // The label of code `code` of matcher `m` in `language` (empty: the codebook's own).
  const std::string& label(std::size_t m, std::size_t code, const std::string& language) const;
  // The position of code `code` of matcher `m` among all codes of all codebooks.
  std::size_t order(std::size_t m, std::size_t code) const;
};

// Reads, checks and compiles every codebook in `options`. Prints diagnostics to standard
// error (warnings unless --quiet) and throws koda::Error when any codebook has errors or
// two codebooks define the same top-level code, so that nothing is written.
LoadedCodebooks load_codebooks(const CodingOptions& options);

// The filter the options ask for. Throws koda::Error on a malformed --where or a --code
// that no codebook has.
coding::CodingFilter make_filter(const CodingOptions& options, const LoadedCodebooks& codebooks);

// The batch options the options ask for; `attributes` must outlive the batch.
coding::BatchOptions batch_options(const CodingOptions& options,
                                   const corpus::AttributeTable* attributes);

// Prints batch warnings and errors to standard error, and a progress bar when standard
// error is a terminal (never with --quiet).
coding::BatchCallbacks reporting_callbacks(const DocumentOptions& options);

// Ends a coding command's run: prints the one-line summary of the batch begun at `started`
// to standard error when it is a terminal or with --verbose (never with --quiet), and
// returns the exit status: 1 when an input could not be read (unless --keep-going), else 0.
int finish_batch(const coding::BatchSummary& summary, std::chrono::steady_clock::time_point started,
                 const CodingOptions& options);

} // namespace koda::cli
