// `koda codebook check|show|export`: validate codebooks, print their tree, export them
// for a thesis appendix (Markdown) or for other tools (JSON).

#include "commands.hpp"
#include "common.hpp"
#include "koda/codebook/export.hpp"
#include "koda/codebook/file.hpp"
#include "koda/codebook/print.hpp"
#include "koda/error.hpp"
#include "koda/report/codebook_tree.hpp"
#include "koda/report/output.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace koda::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool strict = false;
  bool verbose = false;
};

struct ShowOptions {
  std::string file;
  std::string language;
  std::string format = "tree";
  std::string output;
  bool quiet = false;
};

// Reads and parses `path`; prints its diagnostics to standard error (warnings only
// without `quiet`); throws when it has errors, so that nothing is written.
codebook::Codebook load_codebook(const std::string& path, bool quiet) {
  codebook::CodebookFile file = codebook::read_codebook_file(path, codebook::Strictness::normal);
  bool failed = !file.result.ok();
  if (failed || !quiet)
    std::fputs(file.formatted_diagnostics().c_str(), stderr);
  if (failed)
    throw Error(fmt::format("{}: the codebook has errors; nothing was written", path));
  return std::move(*file.result.codebook);
}

std::string label_language(const codebook::Codebook& codebook, const std::string& requested) {
  if (!requested.empty())
    return requested;
  return codebook.language == "none" ? "en" : codebook.language;
}

int run_check(const CheckOptions& options) {
  int status = 0;
  auto strictness = options.strict ? codebook::Strictness::strict : codebook::Strictness::normal;
  for (const std::string& path : options.files) {
    codebook::CodebookFile file = codebook::read_codebook_file(path, strictness);
    std::fputs(file.formatted_diagnostics().c_str(), stderr);
    if (!file.result.ok()) {
      status = 1;
      continue;
    }
    if (options.verbose && file.result.codebook) {
      const codebook::Codebook& cb = *file.result.codebook;
      std::size_t terms = 0;
      for (const codebook::Code* code : codebook::all_codes(cb))
        terms += code->match ? codebook::count_terms(*code->match) : 0;
      std::fputs(fmt::format("{}: ok: \"{}\", {} codes, {} terms, language {}\n", path, cb.title,
                             codebook::all_codes(cb).size(), terms, cb.language)
                     .c_str(),
                 stdout);
    }
  }
  return status;
}

int run_show(const ShowOptions& options) {
  codebook::Codebook cb = load_codebook(options.file, options.quiet);
  report::emit(options.output, report::codebook_tree(cb, label_language(cb, options.language)));
  return 0;
}

int run_export(const ShowOptions& options) {
  codebook::Codebook cb = load_codebook(options.file, options.quiet);
  std::string rendered = options.format == "json"
                             ? codebook::export_json(cb)
                             : codebook::export_markdown(cb, label_language(cb, options.language));
  report::emit(options.output, rendered);
  return 0;
}

void add_check(CLI::App& parent, int& status) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = parent.add_subcommand(
      "check", "Validate codebooks: silent with exit 0 when fine, else every problem, exit 1");
  command->add_option("FILES", options->files, "Codebook files (.kcb)")->required();
  command->add_flag("--strict", options->strict,
                    "Warnings fail too; codes must have a label in every language used");
  command->add_flag("-v,--verbose", options->verbose, "Print a summary line per valid codebook");
  command->callback([options, &status] { status = run_check(*options); });
}

void add_show(CLI::App& parent, int& status) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command = parent.add_subcommand("show", "Print the code tree with labels and "
                                                    "term counts");
  command->add_option("FILE", options->file, "Codebook file (.kcb)")->required();
  command->add_option("--lang", options->language,
                      "Label language (default: the codebook's language)");
  command->add_option("-o,--output", options->output, "Write to this file (atomically)");
  command->add_flag("-q,--quiet", options->quiet, "Print no warnings");
  command->callback([options, &status] { status = run_show(*options); });
}

void add_export(CLI::App& parent, int& status) {
  auto options = std::make_shared<ShowOptions>();
  options->format = "md";
  CLI::App* command = parent.add_subcommand(
      "export", "Export a codebook: md (a table for a thesis appendix) or json (the model)");
  command->add_option("FILE", options->file, "Codebook file (.kcb)")->required();
  command->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"md", "json"}))
      ->default_str("md");
  command->add_option("--lang", options->language,
                      "Language of headings and labels (default: the codebook's language)");
  command->add_option("-o,--output", options->output, "Write to this file (atomically)");
  command->add_flag("-q,--quiet", options->quiet, "Print no warnings");
  command->callback([options, &status] { status = run_export(*options); });
}

} // namespace

void add_codebook_command(CLI::App& app, int& status) {
  CLI::App* command = app.add_subcommand("codebook", "Check, show or export codebooks");
  command->require_subcommand(1);
  add_check(*command, status);
  add_show(*command, status);
  add_export(*command, status);
}

} // namespace koda::cli
