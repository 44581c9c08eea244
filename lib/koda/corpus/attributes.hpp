#pragma once

#include "koda/corpus/document.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace koda::corpus {

// Attributes from a CSV file (`--attributes`): rows keyed by document path (first column
// `path`, `file` or `document`) or by speaker label (first column `speaker`). The
// delimiter is `,`, `;` or a tab, whichever the header line uses.
class AttributeTable {
public:
  // Parses `csv` read from `source_name`; relative paths in it resolve against
  // `base_dir` (the CSV's folder) as well as the working directory. Throws koda::Error
  // as `source:line: message` when the header or a row is malformed.
  static AttributeTable parse(std::string_view csv, std::string_view source_name,
                              const std::string& base_dir);

  // Reads and parses the CSV file at `path`.
  static AttributeTable load(const std::string& path);

  // Adds the row for `doc`'s path to its attributes (the CSV wins over front matter) and
  // the rows for the speakers it has to its speaker attributes.
  void apply(Document& doc) const;

  bool keyed_by_speaker() const { return m_by_speaker; }
  std::size_t size() const { return m_rows.size(); }

private:
  struct Row {
    std::string key;
    std::vector<std::string> resolved; // candidate canonical paths for path keys
    Attributes attributes;
  };
  bool m_by_speaker = false;
  std::vector<Row> m_rows;
};

// The records of a CSV text: RFC 4180 quoting, `delimiter` between fields, LF or CRLF
// between records. Throws koda::Error `source:line: ...` on an unterminated quote.
std::vector<std::vector<std::string>> parse_csv(std::string_view csv, char delimiter,
                                                std::string_view source_name);

} // namespace koda::corpus
