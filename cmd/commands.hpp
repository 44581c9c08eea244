#pragma once

#include <CLI/CLI.hpp>

namespace koda::cli {

// Each registers its subcommand on `app`; its callback stores the exit status in `status`.
void add_inspect_command(CLI::App& app, int& status);
void add_codebook_command(CLI::App& app, int& status);
void add_code_command(CLI::App& app, int& status);
void add_freq_command(CLI::App& app, int& status);
void add_summary_command(CLI::App& app, int& status);
void add_kwic_command(CLI::App& app, int& status);
void add_words_command(CLI::App& app, int& status);

} // namespace koda::cli
