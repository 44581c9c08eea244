#pragma once

#include "koda/codebook/codebook.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Internal to lib/koda/codebook: positions in codebook source text.
namespace koda::codebook::detail {

// Codebook source text with its line starts, turning byte offsets into line and column.
class SourceText {
public:
  // Indexes the lines of `text`, which must outlive this object.
  explicit SourceText(std::string_view text);

  // The whole text.
  std::string_view text() const { return m_text; }

  // The line and code-point column of the byte `offset`; a UTF-8 byte-order mark is not a
  // column. Fastest when offsets come in increasing order.
  SourceLocation locate(std::size_t offset) const;

  // The byte offset where line `number` (1-based) starts, past a byte-order mark.
  std::size_t line_start(std::size_t number) const;

  // Line `number` (1-based) without its line end, or "" past the last line.
  std::string_view line(std::size_t number) const;

  // The byte offset of `where`, the inverse of locate().
  std::size_t offset_of(SourceLocation where) const;

  // `where` as `line:column`, the way messages cite another place in the file.
  static std::string cite(SourceLocation where);

private:
  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
  // The last answer of locate(), to count columns from when the next offset is further on.
  mutable std::size_t m_last_offset = 0;
  mutable SourceLocation m_last{1, 1};
};

} // namespace koda::codebook::detail
