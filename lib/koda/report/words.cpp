#include "koda/report/words.hpp"

#include "koda/report/json.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::report {
namespace {

using analysis::WordFrequency;

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty())
      joined += separator;
    joined += part;
  }
  return joined;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string digits(std::uint64_t n) { return fmt::format("{}", n); }

} // namespace

std::string words_table(const analysis::WordTable& table, const analysis::WordsOptions& options) {
  const std::string_view key_name = options.stem ? "stem" : "word";
  std::size_t rank_width = std::max<std::size_t>(4, digits(table.words.size()).size());
  std::size_t key_width = key_name.size();
  std::size_t count_width = 5;     // "count"
  std::size_t documents_width = 9; // "documents"
  for (const WordFrequency& row : table.words) {
    key_width = std::max(key_width, display_width(row.word));
    count_width = std::max(count_width, digits(row.count).size());
    documents_width = std::max(documents_width, digits(row.documents).size());
  }

  std::string out =
      fmt::format("{}  {}  {}  {}", pad_left("rank", rank_width), pad_right(key_name, key_width),
                  pad_left("count", count_width), pad_left("documents", documents_width));
  out += options.stem ? "  forms\n" : "\n";
  for (std::size_t i = 0; i < table.words.size(); ++i) {
    const WordFrequency& row = table.words[i];
    std::string line = fmt::format(
        "{}  {}  {}  {}", pad_left(digits(i + 1), rank_width), pad_right(row.word, key_width),
        pad_left(digits(row.count), count_width), pad_left(digits(row.documents), documents_width));
    if (options.stem)
      line += fmt::format("  {}", join(row.forms, ", "));
    out += line;
    out += '\n';
  }
  out += fmt::format("\n{} of {} shown; {} counted in {}\n", table.words.size(),
                     plural(table.distinct, key_name, options.stem ? "stems" : "words"),
                     plural(table.tokens, "token", "tokens"),
                     plural(table.documents, "document", "documents"));
  return out;
}

std::string words_delimited(const analysis::WordTable& table, const analysis::WordsOptions& options,
                            DelimitedWriter::Style style) {
  std::string out;
  DelimitedWriter writer(out, style);
  if (options.stem)
    writer.row({"rank", "stem", "count", "documents", "forms"});
  else
    writer.row({"rank", "word", "count", "documents"});
  for (std::size_t i = 0; i < table.words.size(); ++i) {
    const WordFrequency& row = table.words[i];
    writer.field(digits(i + 1));
    writer.field(row.word);
    writer.field(digits(row.count));
    writer.field(digits(row.documents));
    if (options.stem)
      writer.field(join(row.forms, ";"));
    writer.end_row();
  }
  return out;
}

std::string words_json(const analysis::WordTable& table, const analysis::WordsOptions& options) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("lang").value(options.language);
  json.key("stemmed").value(options.stem);
  json.key("stop_words").begin_array();
  for (text::StopList list : options.stop_lists)
    json.value(text::to_string(list));
  json.end_array();
  json.key("words").begin_array();
  for (std::size_t i = 0; i < table.words.size(); ++i) {
    const WordFrequency& row = table.words[i];
    json.begin_object();
    json.key("rank").value(static_cast<std::uint64_t>(i + 1));
    json.key("word").value(row.word);
    json.key("count").value(row.count);
    json.key("documents").value(row.documents);
    if (options.stem) {
      json.key("forms").begin_array();
      for (const std::string& form : row.forms)
        json.value(form);
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  json.key("documents").value(table.documents);
  json.key("tokens").value(table.tokens);
  json.key("distinct").value(table.distinct);
  json.end_object();
  return out;
}

} // namespace koda::report
