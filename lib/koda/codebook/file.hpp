#pragma once

#include "koda/codebook/codebook.hpp"

#include <string>

namespace koda::codebook {

// A codebook file as read: its path, its text and what parsing it found.
struct CodebookFile {
  std::string path;
  std::string text;
  ParseResult result;

  // Every diagnostic formatted for the terminal (see format_diagnostic), in order.
  std::string formatted_diagnostics() const;
};

// Reads and parses the codebook file at `path`. Throws koda::Error `path: cannot open: …`
// when the file cannot be read; problems in the text are diagnostics, never exceptions.
CodebookFile read_codebook_file(const std::string& path, Strictness strictness);

} // namespace koda::codebook
