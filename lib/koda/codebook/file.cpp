#include "koda/codebook/file.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace koda::codebook {

std::string CodebookFile::formatted_diagnostics() const {
  std::string out;
  for (const Diagnostic& diagnostic : result.diagnostics)
    out += format_diagnostic(diagnostic, text, path);
  return out;
}

CodebookFile read_codebook_file(const std::string& path, Strictness strictness) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  CodebookFile file;
  file.path = path;
  file.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  file.result = parse_codebook(file.text, path, strictness);
  return file;
}

} // namespace koda::codebook
