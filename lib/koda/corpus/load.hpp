#pragma once

#include "koda/corpus/attributes.hpp"
#include "koda/corpus/document.hpp"
#include "koda/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koda::corpus {

// How documents are read: options shared by every command that reads documents.
struct LoadOptions {
  std::string encoding;     // `--encoding`: force an ICU converter; empty decides per file
  std::optional<Kind> kind; // `--kind`: force a kind for every document
  UnitMode unit = UnitMode::natural;
  const AttributeTable* attributes = nullptr; // `--attributes`
};

// A document that could not be read. Binary files are told apart because they are
// skipped with a warning rather than counted as failures.
class LoadError : public Error {
public:
  LoadError(const std::string& message, bool binary) : Error(message), m_binary(binary) {}
  bool binary() const { return m_binary; }

private:
  bool m_binary;
};

// Builds a Document from already decoded `text` (LF, NFC) read from `path`: front matter,
// kind, units, attributes. Throws LoadError whose message starts with `path:line:col:`.
Document parse_document(std::string path, std::string text, const LoadOptions& options);

// Decodes raw `bytes` read from `path` and builds its Document. Throws LoadError.
Document load_document(std::string path, std::string bytes, const LoadOptions& options);

// One input to read: a file path, or `-` for standard input.
struct Input {
  std::string path;
  bool regular = false; // known to be a regular file (found by a folder walk)
};

// The result of expanding command-line paths into inputs.
struct Inputs {
  std::vector<Input> files;
  std::vector<std::string> errors; // `path: no such file or directory`, ...
};

// Expands `paths` (files, directories walked recursively for .txt and .md files with
// hidden entries skipped, or `-`) into inputs; each directory's files sorted by path.
Inputs expand_inputs(const std::vector<std::string>& paths);

// Reads the bytes of `input` (a file, or standard input for `-`). Throws LoadError.
std::string read_input(const Input& input);

// Documents read from inputs, in input order, and what went wrong on the way.
struct Corpus {
  std::vector<Document> documents;
  std::vector<std::string> errors;   // unreadable inputs: each names its path
  std::vector<std::string> warnings; // guessed encodings, skipped binaries, empty files
  std::size_t skipped = 0;           // inputs that produced no document
};

// Expands `paths` and loads every document with `options`, using up to `jobs` threads.
// Never throws for one bad document: its problem is recorded and the rest are read.
Corpus load_corpus(const std::vector<std::string>& paths, const LoadOptions& options,
                   unsigned jobs);

} // namespace koda::corpus
