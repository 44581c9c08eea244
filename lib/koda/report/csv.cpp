#include "koda/report/csv.hpp"

namespace koda::report {

void DelimitedWriter::field(std::string_view text) {
  if (m_row_open)
    m_out += m_style == Style::csv ? ',' : '\t';
  m_row_open = true;
  if (m_style == Style::tsv) {
    for (char c : text)
      m_out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return;
  }
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    m_out += text;
    return;
  }
  m_out += '"';
  for (char c : text) {
    if (c == '"')
      m_out += '"';
    m_out += c;
  }
  m_out += '"';
}

void DelimitedWriter::end_row() {
  m_out += '\n';
  m_row_open = false;
}

void DelimitedWriter::row(const std::vector<std::string>& fields) {
  for (const std::string& f : fields)
    field(f);
  end_row();
}

} // namespace koda::report
