#include "koda/report/codebook_tree.hpp"

#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::report {
namespace {

using codebook::Code;

struct Row {
  std::string branch; // tree drawing plus id
  std::string label;
  std::string terms;
};

std::string term_count(const std::optional<codebook::Expr>& rule) {
  std::size_t n = rule ? codebook::count_terms(*rule) : 0;
  return fmt::format("{} term{}", n, n == 1 ? "" : "s");
}

void collect(const std::vector<Code>& codes, const std::string& indent, std::string_view language,
             std::vector<Row>& rows) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const Code& code = codes[i];
    bool last = i + 1 == codes.size();
    Row row;
    row.branch = indent + (last ? "└─ " : "├─ ") + code.id;
    row.label = code.label(language);
    row.terms = code.match ? term_count(code.match) : "";
    if (code.unless)
      row.terms += fmt::format(" (unless {})", term_count(code.unless));
    if (!code.children.empty())
      row.terms +=
          fmt::format("{}{} children", row.terms.empty() ? "" : ", ", code.children.size());
    rows.push_back(std::move(row));
    collect(code.children, indent + (last ? "   " : "│  "), language, rows);
  }
}

} // namespace

std::string codebook_tree(const codebook::Codebook& codebook, std::string_view language) {
  std::vector<Row> rows;
  collect(codebook.codes, "", language, rows);
  std::size_t total_terms = 0;
  for (const Code* code : codebook::all_codes(codebook))
    total_terms += code->match ? codebook::count_terms(*code->match) : 0;

  std::string out = codebook.title + "\n";
  out += fmt::format("version {}, language {}, valence scope {}, negation window {}; "
                     "{} codes, {} terms\n",
                     codebook.version.empty() ? "-" : codebook.version, codebook.language,
                     codebook.valence_scope == codebook::ValenceScope::unit ? "unit" : "sentence",
                     codebook.negation_window, codebook::all_codes(codebook).size(), total_terms);
  std::size_t branch_width = 0;
  std::size_t label_width = 0;
  for (const Row& row : rows) {
    branch_width = std::max(branch_width, display_width(row.branch));
    label_width = std::max(label_width, display_width(row.label));
  }
  for (const Row& row : rows) {
    std::string line = fmt::format("{}  {}  {}", pad_right(row.branch, branch_width),
                                   pad_right(row.label, label_width), row.terms);
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  out += fmt::format("cues: obstacle {}, support {}; negation {}\n",
                     term_count(codebook.obstacle_cues), term_count(codebook.support_cues),
                     term_count(codebook.negation));
  return out;
}

} // namespace koda::report
