// Attribute CSVs come from spreadsheets: Excel in an Indonesian locale writes `;` as the
// delimiter, others `,` or tabs, and paths are typed by hand relative to wherever the
// researcher keeps the file. So the delimiter is read off the header line, and a path key
// matches a document when both name the same file, however either was written.

#include "koda/corpus/attributes.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace koda::corpus {
namespace fs = std::filesystem;
namespace {

char sniff_delimiter(std::string_view csv) {
  std::string_view header = csv.substr(0, csv.find('\n'));
  std::size_t commas = static_cast<std::size_t>(std::count(header.begin(), header.end(), ','));
  std::size_t semis = static_cast<std::size_t>(std::count(header.begin(), header.end(), ';'));
  std::size_t tabs = static_cast<std::size_t>(std::count(header.begin(), header.end(), '\t'));
  if (tabs > commas && tabs > semis)
    return '\t';
  return semis > commas ? ';' : ',';
}

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? std::string() : c.generic_string();
}

} // namespace

std::vector<std::vector<std::string>> parse_csv(std::string_view csv, char delimiter,
                                                std::string_view source_name) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  std::size_t line = 1;
  std::size_t quote_line = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n')
          ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_line = line;
    } else if (c == delimiter) {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n')
        ++i;
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      if (!(record.size() == 1 && record[0].empty()))
        records.push_back(std::move(record));
      record.clear();
      ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted)
    throw Error(
        fmt::format("{}:{}: a quoted field opened here is never closed", source_name, quote_line));
  if (field_started || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

AttributeTable AttributeTable::parse(std::string_view csv, std::string_view source_name,
                                     const std::string& base_dir) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") // Excel's UTF-8 BOM
    csv.remove_prefix(3);
  auto records = parse_csv(csv, sniff_delimiter(csv), source_name);
  if (records.empty())
    throw Error(fmt::format("{}:1: empty attributes file (expected a header line such as "
                            "`path,role,site` or `speaker,role`)",
                            source_name));
  const std::vector<std::string>& header = records.front();
  const std::string first = lower_trimmed(header.front());
  AttributeTable table;
  if (first == "speaker" || first == "label") {
    table.m_by_speaker = true;
  } else if (first != "path" && first != "file" && first != "document" && first != "doc") {
    throw Error(fmt::format("{}:1:1: the first column is '{}'; expected `path` (rows keyed "
                            "by document) or `speaker` (rows keyed by speaker label)",
                            source_name, header.front()));
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& fields = records[r];
    if (fields.size() > header.size())
      throw Error(fmt::format("{}:{}: {} fields, but the header has {} columns", source_name, r + 1,
                              fields.size(), header.size()));
    Row row;
    row.key = fields[0];
    if (lower_trimmed(row.key).empty())
      continue;
    for (std::size_t c = 1; c < header.size(); ++c) {
      std::string key = lower_trimmed(header[c]);
      if (!key.empty())
        row.attributes[key] = c < fields.size() ? fields[c] : "";
    }
    if (!table.m_by_speaker) {
      fs::path key_path(row.key);
      for (const fs::path& candidate : {key_path, fs::path(base_dir) / key_path})
        if (std::string resolved = canonical_or_empty(candidate); !resolved.empty())
          row.resolved.push_back(std::move(resolved));
    }
    table.m_rows.push_back(std::move(row));
  }
  return table;
}

AttributeTable AttributeTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(fmt::format("{}: cannot open attributes file", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string base = fs::path(path).parent_path().string();
  return parse(buffer.str(), path, base.empty() ? "." : base);
}

void AttributeTable::apply(Document& doc) const {
  if (m_by_speaker) {
    for (const Unit& unit : doc.units) {
      if (unit.speaker.empty() || doc.speaker_attributes.count(unit.speaker))
        continue;
      for (const Row& row : m_rows)
        if (row.key == unit.speaker)
          doc.speaker_attributes[unit.speaker] = row.attributes;
    }
    return;
  }
  if (doc.path == "-")
    return;
  const std::string canonical = canonical_or_empty(doc.path);
  for (const Row& row : m_rows) {
    bool match = row.key == doc.path ||
                 (!canonical.empty() && std::find(row.resolved.begin(), row.resolved.end(),
                                                  canonical) != row.resolved.end());
    if (match)
      for (const auto& [key, value] : row.attributes)
        doc.attributes[key] = value;
  }
}

} // namespace koda::corpus
