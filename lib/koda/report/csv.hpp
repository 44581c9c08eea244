#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace koda::report {

// Writes delimiter-separated rows: CSV (RFC 4180: fields quoted when they hold the
// delimiter, a quote or a line break; quotes doubled) or TSV (tabs and line breaks inside
// fields become spaces, since TSV has no quoting). Rows end with LF.
class DelimitedWriter {
public:
  enum class Style { csv, tsv };

  // Appends to `out`.
  DelimitedWriter(std::string& out, Style style) : m_out(out), m_style(style) {}

  // Appends one row of `fields`.
  void row(const std::vector<std::string>& fields);

  // Appends one field of the current row; `end_row` finishes it.
  void field(std::string_view text);
  void end_row();

private:
  std::string& m_out;
  Style m_style;
  bool m_row_open = false;
};

} // namespace koda::report
