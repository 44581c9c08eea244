#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace koda::report {

// The number of terminal columns UTF-8 `text` occupies: East Asian wide and fullwidth
// characters take two, combining marks and other zero-width characters none.
std::size_t display_width(std::string_view text);

// `text` padded with spaces on the right to `width` columns (never truncated).
std::string pad_right(std::string_view text, std::size_t width);

// `text` padded with spaces on the left to `width` columns (never truncated).
std::string pad_left(std::string_view text, std::size_t width);

// At most `width` columns of `text` on one line: line breaks and tabs become spaces, and
// a cut is marked with `…` (which counts as one column).
std::string truncate_display(std::string_view text, std::size_t width);

// Whether standard output / standard error is a terminal.
bool stdout_is_terminal();
bool stderr_is_terminal();

} // namespace koda::report
