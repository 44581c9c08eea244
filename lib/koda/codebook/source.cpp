// Source positions and how a diagnostic shows them.
//
// The parser works on byte offsets (X3 iterates over `const char*`), but people count
// characters: a column is the number of code points from the start of the line, so a caret
// lands under the same letter whether the line before it holds `dana` or `đào tạo`. Offsets
// are turned into line:column once per diagnostic and once per term, mostly in increasing
// order, so the last answer is kept and the next column is counted on from there; a 1 MB
// codebook never rescans a line per term.
//
// The caret line copies the tabs of the source line and pads every other character by its
// display width (two for East Asian wide characters, none for combining marks), so the
// caret sits under the fault in a terminal whatever the line contains. Bytes that are not
// UTF-8 are shown as U+FFFD: the line is echoed to a terminal and must not garble it.

#include "koda/codebook/source.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace koda::codebook {
namespace {

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view k_replacement_character = "\xEF\xBF\xBD";

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t count_code_points(std::string_view bytes) {
  return static_cast<std::size_t>(
      std::count_if(bytes.begin(), bytes.end(), [](char c) { return !is_continuation_byte(c); }));
}

// How many terminal cells `c` takes.
int display_width(UChar32 c) {
  const auto category = U_GET_GC_MASK(c);
  if ((category & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) != 0) {
    return 0;
  }
  const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

// `line` with each invalid UTF-8 sequence replaced by U+FFFD, and the padding that puts a
// caret under code point `column` (1-based).
std::pair<std::string, std::string> shown_line_and_padding(std::string_view line,
                                                           std::size_t column) {
  std::string shown;
  std::string padding;
  std::size_t code_points = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  for (std::int32_t at = 0; at < length;) {
    const std::int32_t start = at;
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) {
      shown += k_replacement_character;
    } else {
      shown.append(
          line.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(at - start)));
    }
    if (++code_points < column) {
      padding.append(c == '\t' ? 1 : static_cast<std::size_t>(display_width(c < 0 ? 0xFFFD : c)),
                     c == '\t' ? '\t' : ' ');
    }
  }
  if (column > code_points + 1) {
    padding.append(column - code_points - 1, ' ');
  }
  return {shown, padding};
}

} // namespace

namespace detail {

SourceText::SourceText(std::string_view text) : m_text(text) {
  m_line_starts.push_back(text.starts_with(k_byte_order_mark) ? k_byte_order_mark.size() : 0);
  for (std::size_t at = text.find('\n'); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    m_line_starts.push_back(at + 1);
  }
  m_last_offset = m_line_starts.front();
}

SourceLocation SourceText::locate(std::size_t offset) const {
  offset = std::clamp(offset, m_line_starts.front(), m_text.size());
  const std::size_t line_end =
      m_last.line < m_line_starts.size() ? m_line_starts[m_last.line] : m_text.size() + 1;
  if (offset < m_last_offset || offset >= line_end) {
    const auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    m_last.line = static_cast<std::size_t>(after - m_line_starts.begin());
    m_last.column = 1;
    m_last_offset = m_line_starts[m_last.line - 1];
  }
  m_last.column += count_code_points(m_text.substr(m_last_offset, offset - m_last_offset));
  m_last_offset = offset;
  return m_last;
}

std::size_t SourceText::line_start(std::size_t number) const {
  return number >= 1 && number <= m_line_starts.size() ? m_line_starts[number - 1] : m_text.size();
}

std::string_view SourceText::line(std::size_t number) const {
  if (number < 1 || number > m_line_starts.size()) {
    return {};
  }
  const std::size_t start = m_line_starts[number - 1];
  std::size_t end = number < m_line_starts.size() ? m_line_starts[number] - 1 : m_text.size();
  if (end > start && m_text[end - 1] == '\r') {
    --end;
  }
  return m_text.substr(start, end - start);
}

std::size_t SourceText::offset_of(SourceLocation where) const {
  const std::string_view text = line(where.line);
  std::size_t at = 0;
  for (std::size_t column = 1; column < where.column && at < text.size(); ++column) {
    do {
      ++at;
    } while (at < text.size() && is_continuation_byte(text[at]));
  }
  return line_start(where.line) + at;
}

std::string SourceText::cite(SourceLocation where) {
  return fmt::format("{}:{}", where.line, where.column);
}

} // namespace detail

std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view text,
                              std::string_view source_name) {
  const detail::SourceText source(text);
  const auto [shown, padding] =
      shown_line_and_padding(source.line(diagnostic.where.line), diagnostic.where.column);
  return fmt::format("{}:{}:{}: {}: {}\n{}\n{}^\n", source_name, diagnostic.where.line,
                     diagnostic.where.column,
                     diagnostic.severity == Diagnostic::Severity::error ? "error" : "warning",
                     diagnostic.message, shown, padding);
}

} // namespace koda::codebook
