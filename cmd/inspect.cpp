// `koda inspect FILES…`: how each document was read — kind and why, encoding,
// attributes, and its units — so a researcher can check the reading before coding.

#include "koda/report/inspect.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "koda/report/output.hpp"

#include <memory>

namespace koda::cli {
namespace {

struct InspectOptions {
  DocumentOptions documents;
  std::string format = "table";
  std::size_t width = 60;
};

int run_inspect(const InspectOptions& options) {
  corpus::Corpus corpus = load_documents(options.documents);
  std::string rendered = options.format == "json" ? report::inspect_json(corpus)
                                                  : report::inspect_table(corpus, options.width);
  report::emit(options.documents.output, rendered);
  return exit_status(corpus, options.documents);
}

} // namespace

void add_inspect_command(CLI::App& app, int& status) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App* command = app.add_subcommand("inspect", "Show how each document is read: kind, "
                                                    "encoding, attributes and units");
  add_document_options(*command, options->documents);
  command->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_str("table");
  command->add_option("--width", options->width, "Columns of text shown per unit in a table")
      ->check(CLI::Range(10, 1000))
      ->default_str("60");
  command->callback([options, &status] { status = run_inspect(*options); });
}

} // namespace koda::cli
