// koda's entry point: registers the subcommands, parses the command line, and turns
// every way a run can end into an exit status: 0 success, 1 the work failed (koda::Error),
// 2 a usage error. Only this file catches exceptions.

#include "commands.hpp"
#include "koda/error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

constexpr int k_usage_error = 2;

int usage_error(const std::string& message, const std::string& help_command) {
  std::fputs(
      fmt::format("koda: error: {}\nRun '{} --help' for usage.\n", message, help_command).c_str(),
      stderr);
  return k_usage_error;
}

std::string command_names(const CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  return names;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"koda: qualitative data analysis on the command line.\n"
               "Reads interview transcripts, meeting minutes and observation notes and codes "
               "them with a codebook.",
               "koda"};
  app.set_version_flag("--version", "koda " KODA_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'koda COMMAND --help' for a command's options.");

  int status = 0;
  koda::cli::add_inspect_command(app, status);
  koda::cli::add_codebook_command(app, status);
  koda::cli::add_code_command(app, status);
  koda::cli::add_freq_command(app, status);
  koda::cli::add_summary_command(app, status);
  koda::cli::add_kwic_command(app, status);
  koda::cli::add_words_command(app, status);

  if (argc >= 2 && argv[1][0] != '-') {
    std::string verb = argv[1];
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      known = known || sub->get_name() == verb;
    if (!known)
      return usage_error(
          fmt::format("unknown command '{}' (expected one of: {})", verb, command_names(app)),
          "koda");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    if (argc < 2)
      return usage_error(fmt::format("a command is required (one of: {})", command_names(app)),
                         "koda");
    if (std::string(e.what()) == "A subcommand is required") {
      const CLI::App* sub = app.get_subcommand(argv[1]);
      return usage_error(
          fmt::format("'koda {}' needs an action (one of: {})", argv[1], command_names(*sub)),
          fmt::format("koda {}", argv[1]));
    }
    return usage_error(e.what(), argc >= 2 && argv[1][0] != '-' ? fmt::format("koda {}", argv[1])
                                                                : std::string("koda"));
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what(), argc >= 2 && argv[1][0] != '-' ? fmt::format("koda {}", argv[1])
                                                                : std::string("koda"));
  } catch (const koda::Error& e) {
    std::fputs(fmt::format("koda: error: {}\n", e.what()).c_str(), stderr);
    return 1;
  } catch (const std::exception& e) {
    std::fputs(fmt::format("koda: internal error: {}\nPlease report this, with the command "
                           "that caused it.\n",
                           e.what())
                   .c_str(),
               stderr);
    return 1;
  }
  return status;
}
