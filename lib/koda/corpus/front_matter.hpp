#pragma once

#include "koda/corpus/document.hpp"
#include "koda/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace koda::corpus {

// A problem at a place in a document's text; the caller, who knows the path, prefixes it.
class SyntaxError : public Error {
public:
  SyntaxError(std::size_t line, std::size_t column, const std::string& message)
      : Error(message), m_line(line), m_column(column) {}
  std::size_t line() const { return m_line; }
  std::size_t column() const { return m_column; }

private:
  std::size_t m_line;
  std::size_t m_column;
};

// What a YAML front-matter block said, and where the body after it starts.
struct FrontMatter {
  bool present = false;
  Attributes attributes; // every key but `kind`
  std::optional<Kind> kind;
  std::size_t body_start = 0; // byte offset of the first body line
};

// Reads the YAML block between a first line `---` and the next `---` (or `...`) line of
// `text`. Scalars become attributes, lists `;`-joined values, nested maps `parent.child`
// keys. Throws SyntaxError (1-based line and column in `text`) when the block is not
// closed, is not valid YAML, is not a map, or names an unknown kind.
FrontMatter parse_front_matter(std::string_view text);

namespace detail {

// The attributes of a front-matter block (the lines between the `---` lines) when every
// line is a plain `key: value` pair whose meaning in YAML is beyond doubt (see the .cpp);
// nullopt otherwise, and the block is read with yaml-cpp. Exposed for the differential
// test that holds it to yaml-cpp's reading.
std::optional<Attributes> simple_front_matter(std::string_view block);

// The attributes yaml-cpp reads from a front-matter block (`kind` included). Throws
// SyntaxError like parse_front_matter.
Attributes yaml_front_matter(std::string_view block);

} // namespace detail

} // namespace koda::corpus
