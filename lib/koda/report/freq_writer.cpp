// Writing `koda freq` tables.
//
// Every format is rendered from one grid of cells, so the formats cannot disagree about
// what a row holds. A cell keeps its value (text, a count or a percentage) and is
// printed per format: counts as integers everywhere; percentages to one decimal with a
// `%` in text formats (table, md), where a reader compares them, and as plain unrounded
// numbers in csv, tsv and json, where a program or a spreadsheet computes with them.

#include "koda/report/freq_writer.hpp"

#include "koda/report/csv.hpp"
#include "koda/report/json.hpp"
#include "koda/report/latex.hpp"
#include "koda/report/markup.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace koda::report {
namespace {

struct Percent {
  double value = 0;
};
struct Ratio {
  double value = 0; // a Jaccard similarity, three decimals in text formats
};

// One cell: text, a count, a percentage or a ratio. (A plain struct rather than a
// std::variant: GCC 12 warns -Wmaybe-uninitialized on variants of strings built in
// initializer lists when optimising, a false positive that would break -Werror builds.)
struct Value {
  enum class Type { text, count, percent, ratio };
  Type type = Type::text;
  std::string text;
  std::uint64_t count = 0;
  double number = 0;

  Value(std::string t) : text(std::move(t)) {}
  Value(const char* t) : text(t) {}
  Value(std::uint64_t n) : type(Type::count), count(n) {}
  Value(Percent p) : type(Type::percent), number(p.value) {}
  Value(Ratio r) : type(Type::ratio), number(r.value) {}
};

// A table of values: named columns, one row per code, and the totals row.
struct Grid {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::vector<std::size_t> depths; // per row, for indenting the label in `table`
  std::vector<Value> total;        // empty: no totals row
  bool empty = false;              // no codings at all
};

bool is_text(const Value& v) { return v.type == Value::Type::text; }

std::string display(const Value& v) {
  switch (v.type) {
  case Value::Type::text:
    return v.text;
  case Value::Type::count:
    return fmt::format("{}", v.count);
  case Value::Type::percent:
    return fmt::format("{:.1f}%", v.number);
  case Value::Type::ratio:
    break;
  }
  return fmt::format("{:.3f}", v.number);
}

std::string raw(const Value& v) {
  switch (v.type) {
  case Value::Type::text:
    return v.text;
  case Value::Type::count:
    return fmt::format("{}", v.count);
  case Value::Type::percent:
  case Value::Type::ratio:
    break;
  }
  return fmt::format("{}", v.number);
}

void json_value(JsonWriter& json, const Value& v) {
  switch (v.type) {
  case Value::Type::text:
    json.value(v.text);
    return;
  case Value::Type::count:
    json.value(v.count);
    return;
  case Value::Type::percent:
  case Value::Type::ratio:
    break;
  }
  json.value(v.number);
}

// The grid of a frequency table: code, label, depth, then the counts.
Grid freq_grid(const analysis::FreqTable& table, const analysis::FreqOptions& options,
               ValenceColumns valence) {
  Grid grid;
  grid.columns = {"code", "label", "depth"};
  const bool crosstab = options.by != analysis::FreqDimension::none;
  const bool percents = crosstab && options.percent != analysis::FreqPercent::none;
  if (crosstab) {
    grid.columns.insert(grid.columns.end(), table.columns.begin(), table.columns.end());
    grid.columns.push_back("total");
  } else {
    for (const char* name : {"units", "documents", "informants", "share"})
      grid.columns.push_back(name);
    if (valence == ValenceColumns::show)
      for (const char* name : {"obstacle", "support", "neutral"})
        grid.columns.push_back(name);
  }
  auto cells = [&](const analysis::FreqRow& row) {
    std::vector<Value> out;
    if (crosstab) {
      for (std::size_t c = 0; c < row.cells.size(); ++c)
        out.push_back(percents ? Value(Percent{row.percents[c]}) : Value(row.cells[c]));
      out.push_back(row.cells_total);
      return out;
    }
    out = {row.counts.units, row.counts.documents, row.counts.informants, Percent{row.share}};
    if (valence == ValenceColumns::show)
      for (std::uint64_t n : {row.counts.obstacle, row.counts.support, row.counts.neutral})
        out.push_back(n);
    return out;
  };
  grid.empty = table.total.counts.units == 0;
  if (grid.empty)
    return grid;
  for (const analysis::FreqRow& row : table.rows) {
    std::vector<Value> values{row.path, row.label, std::uint64_t{row.depth}};
    std::vector<Value> counts = cells(row);
    values.insert(values.end(), counts.begin(), counts.end());
    grid.rows.push_back(std::move(values));
    grid.depths.push_back(row.depth);
  }
  grid.total = {std::string(), std::string("total"), std::uint64_t{0}};
  std::vector<Value> counts = cells(table.total);
  grid.total.insert(grid.total.end(), counts.begin(), counts.end());
  return grid;
}

// Aligned columns for a terminal: the label indented by depth (two spaces a level),
// counts right-aligned, the path last; a rule above the totals.
std::string render_table(const Grid& grid) {
  // Displayed columns: label, the counts (grid columns 3…), code.
  std::vector<std::size_t> order;
  order.push_back(1);
  for (std::size_t c = 3; c < grid.columns.size(); ++c)
    order.push_back(c);
  order.push_back(0);
  auto text_of = [&](const std::vector<Value>& row, std::size_t column, std::size_t depth) {
    std::string text = display(row[column]);
    return column == 1 ? std::string(2 * depth, ' ') + text : text;
  };
  std::vector<std::size_t> widths;
  for (std::size_t c : order) {
    std::size_t w = display_width(grid.columns[c]);
    for (std::size_t r = 0; r < grid.rows.size(); ++r)
      w = std::max(w, display_width(text_of(grid.rows[r], c, grid.depths[r])));
    if (!grid.total.empty())
      w = std::max(w, display_width(text_of(grid.total, c, 0)));
    widths.push_back(w);
  }
  auto line = [&](auto cell_text, auto numeric) {
    std::string out;
    for (std::size_t i = 0; i < order.size(); ++i) {
      std::string text = cell_text(order[i]);
      bool last = i + 1 == order.size();
      out += numeric(order[i]) ? pad_left(text, widths[i])
                               : (last ? text : pad_right(text, widths[i]));
      out += last ? "" : "  ";
    }
    while (!out.empty() && out.back() == ' ')
      out.pop_back();
    return out + "\n";
  };
  auto numeric_column = [&](std::size_t c) { return c >= 3; };
  std::string out = line([&](std::size_t c) { return grid.columns[c]; }, numeric_column);
  if (grid.empty)
    return out + "no codings\n";
  for (std::size_t r = 0; r < grid.rows.size(); ++r)
    out += line([&](std::size_t c) { return text_of(grid.rows[r], c, grid.depths[r]); },
                [&](std::size_t c) { return !is_text(grid.rows[r][c]); });
  // The rule spans the label and the counts, not the path.
  std::size_t rule = 0;
  for (std::size_t i = 0; i + 1 < widths.size(); ++i)
    rule += widths[i] + (i + 2 < widths.size() ? 2 : 0);
  out += std::string(rule, '-') + "\n";
  out += line([&](std::size_t c) { return c == 0 ? std::string() : text_of(grid.total, c, 0); },
              [&](std::size_t c) { return !is_text(grid.total[c]); });
  return out;
}

std::string md_cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|')
      out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

// A pipe table: code and label, then the counts right-aligned; no depth column (the path
// shows the tree).
std::string render_md(const Grid& grid) {
  std::vector<std::size_t> order{0, 1};
  for (std::size_t c = 3; c < grid.columns.size(); ++c)
    order.push_back(c);
  std::string out = "|", rule = "|";
  for (std::size_t c : order) {
    out += " " + md_cell(grid.columns[c]) + " |";
    rule += c >= 3 ? "---:|" : "---|";
  }
  out += "\n" + rule + "\n";
  auto row = [&](const std::vector<Value>& values, bool total) {
    out += "|";
    for (std::size_t c : order) {
      std::string text = md_cell(display(values[c]));
      out += " " + (total && !text.empty() ? "**" + text + "**" : text) + " |";
    }
    out += "\n";
  };
  if (grid.empty)
    return out + "\nno codings\n";
  for (const std::vector<Value>& values : grid.rows)
    row(values, false);
  row(grid.total, true);
  return out;
}

std::string render_delimited(const Grid& grid, DelimitedWriter::Style style) {
  std::string out;
  DelimitedWriter writer(out, style);
  writer.row(grid.columns);
  auto row = [&](const std::vector<Value>& values) {
    for (const Value& v : values)
      writer.field(raw(v));
    writer.end_row();
  };
  for (const std::vector<Value>& values : grid.rows)
    row(values);
  if (!grid.total.empty())
    row(grid.total);
  return out;
}

void json_object(JsonWriter& json, const Grid& grid, const std::vector<Value>& values) {
  json.begin_object();
  for (std::size_t c = 0; c < values.size(); ++c) {
    json.key(grid.columns[c]);
    json_value(json, values[c]);
  }
  json.end_object();
}

// `{"rows": [...], "total": {...}}`, each row an object keyed by column name; the
// totals row drops `code` and `depth`.
std::string render_json(const Grid& grid, const char* rows_key) {
  std::string out;
  JsonWriter json(out);
  json.begin_object().key(rows_key).begin_array();
  for (const std::vector<Value>& values : grid.rows)
    json_object(json, grid, values);
  json.end_array();
  if (!grid.columns.empty() && grid.columns[0] == "code") {
    json.key("total");
    if (grid.total.empty()) {
      json.null();
    } else {
      json.begin_object();
      for (std::size_t c = 3; c < grid.total.size(); ++c) {
        json.key(grid.columns[c]);
        json_value(json, grid.total[c]);
      }
      json.end_object();
    }
  }
  json.end_object();
  return out;
}

// The columns of a frequency grid as a document shows them: label, the counts, the path.
std::vector<std::size_t> reading_order(const Grid& grid) {
  std::vector<std::size_t> order{1};
  for (std::size_t c = 3; c < grid.columns.size(); ++c)
    order.push_back(c);
  order.push_back(0);
  return order;
}

// A booktabs tabular for a thesis: label indented by depth, counts right-aligned, the
// path in the last column, a rule above the totals. Needs \usepackage{booktabs}.
std::string render_latex(const Grid& grid) {
  const std::vector<std::size_t> order = reading_order(grid);
  std::string spec = "l";
  for (std::size_t c = 3; c < grid.columns.size(); ++c)
    spec += "r";
  spec += "l";
  std::string out = fmt::format("\\begin{{tabular}}{{{}}}\n\\toprule\n", spec);
  for (std::size_t i = 0; i < order.size(); ++i)
    out += fmt::format("{}{}", i ? " & " : "", escape_latex(grid.columns[order[i]]));
  out += " \\\\\n\\midrule\n";
  auto row = [&](const std::vector<Value>& values, std::size_t depth) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      std::string text = escape_latex(display(values[order[i]]));
      if (order[i] == 1)
        for (std::size_t d = 0; d < depth; ++d)
          text = "\\quad " + text;
      if (order[i] == 0 && !text.empty())
        text = fmt::format("\\texttt{{{}}}", text);
      out += fmt::format("{}{}", i ? " & " : "", text);
    }
    out += " \\\\\n";
  };
  if (grid.empty) {
    out += fmt::format("\\multicolumn{{{}}}{{l}}{{no codings}} \\\\\n", order.size());
  } else {
    for (std::size_t r = 0; r < grid.rows.size(); ++r)
      row(grid.rows[r], grid.depths[r]);
    out += "\\midrule\n";
    row(grid.total, 0);
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  return out;
}

// A standalone HTML page holding the table, with inline CSS that also prints well.
std::string render_html(const Grid& grid) {
  const std::vector<std::size_t> order = reading_order(grid);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<title>koda freq</title>\n<style>\n"
                    "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\n"
                    "table{border-collapse:collapse}\n"
                    "th,td{padding:.25rem .75rem;border-bottom:1px solid #ddd}\n"
                    "th{border-bottom:2px solid #444;text-align:left}\n"
                    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
                    "tr.total td{border-top:2px solid #444;font-weight:bold}\n"
                    "code{color:#555}\n"
                    "</style>\n</head>\n<body>\n<table>\n<thead><tr>";
  for (std::size_t c : order)
    out += fmt::format("<th{}>{}</th>", c >= 3 && c < grid.columns.size() ? " class=\"n\"" : "",
                       escape_markup(grid.columns[c]));
  out += "</tr></thead>\n<tbody>\n";
  auto row = [&](const std::vector<Value>& values, std::size_t depth, bool total) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t c : order) {
      std::string text = escape_markup(display(values[c]));
      if (c == 1 && depth > 0)
        out += fmt::format("<td style=\"padding-left:{}rem\">{}</td>", 0.75 + 1.25 * depth, text);
      else if (c == 0)
        out += fmt::format("<td><code>{}</code></td>", text);
      else
        out += fmt::format("<td{}>{}</td>", c >= 3 ? " class=\"n\"" : "", text);
    }
    out += "</tr>\n";
  };
  if (grid.empty) {
    out += fmt::format("<tr><td colspan=\"{}\">no codings</td></tr>\n", order.size());
  } else {
    for (std::size_t r = 0; r < grid.rows.size(); ++r)
      row(grid.rows[r], grid.depths[r], false);
    row(grid.total, 0, true);
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

std::string render(const Grid& grid, FreqFormat format, const char* json_rows_key) {
  switch (format) {
  case FreqFormat::table:
    return render_table(grid);
  case FreqFormat::md:
    return render_md(grid);
  case FreqFormat::latex:
    return render_latex(grid);
  case FreqFormat::html:
    return render_html(grid);
  case FreqFormat::csv:
    return render_delimited(grid, DelimitedWriter::Style::csv);
  case FreqFormat::tsv:
    return render_delimited(grid, DelimitedWriter::Style::tsv);
  case FreqFormat::json:
    break;
  }
  return render_json(grid, json_rows_key);
}

// A matrix for reading: the code paths down the side and across the top.
std::string matrix_text(const analysis::Cooccurrence& matrix, bool jaccard, FreqFormat format) {
  const std::size_t n = matrix.codes.size();
  std::vector<std::string> header{"code"};
  for (const analysis::FreqCode& code : matrix.codes)
    header.push_back(code.path);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> row{matrix.codes[i].path};
    for (std::size_t j = 0; j < n; ++j)
      row.push_back(jaccard ? display(Ratio{matrix.jaccard(i, j)})
                            : fmt::format("{}", matrix.at(i, j)));
    rows.push_back(std::move(row));
  }
  std::string out;
  if (format == FreqFormat::md) {
    out += "|";
    for (const std::string& h : header)
      out += " " + md_cell(h) + " |";
    out += "\n|---|";
    for (std::size_t j = 0; j < n; ++j)
      out += "---:|";
    out += "\n";
    for (const auto& row : rows) {
      out += "|";
      for (const std::string& cell : row)
        out += " " + md_cell(cell) + " |";
      out += "\n";
    }
    return out;
  }
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = display_width(header[c]);
    for (const auto& row : rows)
      widths[c] = std::max(widths[c], display_width(row[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      out += c == 0 ? pad_right(cells[c], widths[c]) : pad_left(cells[c], widths[c]);
      out += c + 1 == cells.size() ? "" : "  ";
    }
    while (!out.empty() && out.back() == ' ')
      out.pop_back();
    out += '\n';
  };
  line(header);
  for (const auto& row : rows)
    line(row);
  return out;
}

} // namespace

std::string freq_report(const analysis::FreqTable& table, const analysis::FreqOptions& options,
                        ValenceColumns valence, FreqFormat format) {
  return render(freq_grid(table, options, valence), format, "rows");
}

std::string cooccurrence_report(const analysis::Cooccurrence& matrix, bool jaccard,
                                FreqFormat format) {
  if (format == FreqFormat::table || format == FreqFormat::md)
    return matrix_text(matrix, jaccard, format);
  Grid grid;
  grid.columns = {"code_a", "code_b", "units_a", "units_b", "both"};
  if (jaccard)
    grid.columns.push_back("jaccard");
  const std::size_t n = matrix.codes.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<Value> row{matrix.codes[i].path, matrix.codes[j].path, matrix.at(i, i),
                             matrix.at(j, j), matrix.at(i, j)};
      if (jaccard)
        row.push_back(Ratio{matrix.jaccard(i, j)});
      grid.rows.push_back(std::move(row));
    }
  return render(grid, format, "pairs");
}

std::string freq_chart(const analysis::FreqTable& table, std::size_t bar_width) {
  if (table.total.counts.units == 0)
    return "no codings\n";
  static const char* const k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::uint64_t most = 1;
  std::size_t label_width = 0;
  for (const analysis::FreqRow& row : table.rows) {
    most = std::max(most, row.counts.units);
    label_width = std::max(label_width, 2 * row.depth + display_width(row.label));
  }
  std::string out;
  for (const analysis::FreqRow& row : table.rows) {
    std::string label = std::string(2 * row.depth, ' ') + row.label;
    // Bar length in eighths of a column, rounded to the nearest eighth.
    std::uint64_t eighths = (row.counts.units * bar_width * 8 + most / 2) / most;
    std::string bar;
    for (std::uint64_t i = 0; i < eighths / 8; ++i)
      bar += "█";
    bar += k_eighths[eighths % 8];
    if (bar.empty() && row.counts.units > 0)
      bar = "▏";
    out += fmt::format("{}  {} {}\n", pad_right(label, label_width), bar, row.counts.units);
  }
  return out;
}

} // namespace koda::report
