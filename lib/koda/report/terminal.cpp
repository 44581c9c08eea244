#include "koda/report/terminal.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unistd.h>

namespace koda::report {
namespace {

int char_width(UChar32 c) {
  if (c == 0 || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF)
    return 0;
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR)
    return 0;
  int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH)
    return 2;
  return 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    if (s[i] < 0x80) {
      width += s[i] >= 0x20 ? 1 : 0;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    width += c < 0 ? 1 : static_cast<std::size_t>(char_width(c));
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t w = display_width(text);
  if (w < width)
    out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  std::string out(w < width ? width - w : 0, ' ');
  out += text;
  return out;
}

std::string truncate_display(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t used = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  bool last_space = false;
  while (i < n) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool space = c == '\n' || c == '\t' || c == '\r' || c == ' ';
    if (space && last_space)
      continue; // collapse runs of whitespace into one space
    int w = space ? 1 : (c < 0 ? 1 : char_width(c));
    if (used + static_cast<std::size_t>(w) > width ||
        (used + static_cast<std::size_t>(w) == width && i < n)) {
      out += "…";
      return out;
    }
    if (space)
      out += ' ';
    else
      out.append(text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
    used += static_cast<std::size_t>(w);
    last_space = space;
  }
  return out;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) != 0; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

} // namespace koda::report
