// Exports are for other eyes: the Markdown table goes into a thesis appendix (so it is
// written in the thesis language, keywords as a plain list rather than a boolean
// expression where the rule is a plain OR), and the JSON is for other tools (so it is the
// whole model, with each expression both as a tree and as codebook source).

#include "koda/codebook/export.hpp"

#include "koda/codebook/print.hpp"
#include "koda/report/json.hpp"

#include <fmt/format.h>

namespace koda::codebook {
namespace {

using report::JsonWriter;

struct Words {
  std::string_view title, version, language, source, valence, window, code, label, definition,
      example, keywords, except, includes, excludes, obstacle, support, negation, none,
      scope_sentence, scope_unit;
};

const Words k_indonesian = {
    "Buku kode",         "Versi",       "Bahasa",    "Sumber",         "Cakupan valensi",
    "Jendela negasi",    "Kode",        "Label",     "Definisi",       "Contoh",
    "Kata kunci",        "kecuali",     "Termasuk",  "Tidak termasuk", "Penanda hambatan",
    "Penanda pendukung", "Kata negasi", "tidak ada", "kalimat",        "unit"};
const Words k_english = {
    "Codebook",        "Version",        "Language", "Source",     "Valence scope",
    "Negation window", "Code",           "Label",    "Definition", "Example",
    "Keywords",        "except",         "Includes", "Excludes",   "Obstacle cues",
    "Support cues",    "Negation terms", "none",     "sentence",   "unit"};

// Text safe inside a Markdown pipe-table cell: one line, pipes escaped.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// Keywords of a rule: a top-level OR becomes a comma-separated list.
std::string keywords(const Expr& expr) {
  if (expr.op != Op::any_of)
    return to_source(expr);
  std::string out;
  for (const Expr& operand : expr.operands) {
    if (!out.empty())
      out += ", ";
    out += operand.op == Op::any_of ? fmt::format("({})", to_source(operand)) : to_source(operand);
  }
  return out;
}

void code_rows(const Code& code, std::string_view language, const Words& w, std::string& out) {
  std::string definition = code.description;
  auto append_notes = [&](std::string_view heading, const std::vector<std::string>& notes) {
    if (notes.empty())
      return;
    if (!definition.empty())
      definition += " ";
    definition += fmt::format("*{}:* ", heading);
    for (std::size_t i = 0; i < notes.size(); ++i)
      definition += fmt::format("{}{}", i ? "; " : "", notes[i]);
  };
  append_notes(w.includes, code.include_notes);
  append_notes(w.excludes, code.exclude_notes);
  std::string examples;
  for (const std::string& example : code.examples)
    examples += fmt::format("{}“{}”", examples.empty() ? "" : " ", example);
  std::string terms = code.match ? keywords(*code.match) : "";
  if (code.unless)
    terms += fmt::format(" ({}: {})", w.except, to_source(*code.unless));
  out += fmt::format("| `{}` | {} | {} | {} | {} |\n", code.path, cell(code.label(language)),
                     cell(definition), cell(examples), cell(terms));
  for (const Code& child : code.children)
    code_rows(child, language, w, out);
}

void term_json(const Term& term, JsonWriter& json) {
  static const char* const k_kinds[] = {"stem", "surface", "prefix", "phrase", "regex"};
  json.key("kind").value(k_kinds[static_cast<int>(term.kind)]);
  json.key("text").value(term.text);
  if (term.kind == TermKind::phrase) {
    json.key("words").begin_array();
    for (const std::string& word : term.words)
      json.value(word);
    json.end_array();
  }
  if (term.kind == TermKind::regex)
    json.key("flags").value(term.flags);
}

void expr_json(const Expr& expr, JsonWriter& json) {
  static const char* const k_ops[] = {"term", "or", "and", "not", "near"};
  json.begin_object();
  json.key("op").value(k_ops[static_cast<int>(expr.op)]);
  if (expr.op == Op::term) {
    term_json(expr.term, json);
  } else {
    if (expr.op == Op::near)
      json.key("distance").value(expr.distance);
    json.key("operands").begin_array();
    for (const Expr& operand : expr.operands)
      expr_json(operand, json);
    json.end_array();
  }
  json.key("line").value(static_cast<std::uint64_t>(expr.where.line));
  json.end_object();
}

void rule_json(std::string_view name, const std::optional<Expr>& rule, JsonWriter& json) {
  json.key(name);
  if (!rule) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("source").value(to_source(*rule));
  json.key("terms").value(static_cast<std::uint64_t>(count_terms(*rule)));
  json.key("expression");
  expr_json(*rule, json);
  json.end_object();
}

void strings_json(std::string_view name, const std::vector<std::string>& items, JsonWriter& json) {
  json.key(name).begin_array();
  for (const std::string& item : items)
    json.value(item);
  json.end_array();
}

void code_json(const Code& code, JsonWriter& json) {
  json.begin_object();
  json.key("id").value(code.id);
  json.key("path").value(code.path);
  json.key("line").value(static_cast<std::uint64_t>(code.where.line));
  json.key("labels").begin_object();
  for (const Label& label : code.labels)
    json.key(label.language).value(label.text);
  json.end_object();
  json.key("description").value(code.description);
  strings_json("include", code.include_notes, json);
  strings_json("exclude", code.exclude_notes, json);
  strings_json("examples", code.examples, json);
  rule_json("match", code.match, json);
  rule_json("unless", code.unless, json);
  json.key("children").begin_array();
  for (const Code& child : code.children)
    code_json(child, json);
  json.end_array();
  json.end_object();
}

} // namespace

std::string export_markdown(const Codebook& codebook, std::string_view language) {
  const Words& w = language == "id" ? k_indonesian : k_english;
  std::string out = fmt::format("# {}: {}\n\n", w.title, codebook.title);
  if (!codebook.version.empty())
    out += fmt::format("- {}: {}\n", w.version, codebook.version);
  out += fmt::format("- {}: {}\n", w.language, codebook.language);
  if (!codebook.source.empty())
    out += fmt::format("- {}: {}\n", w.source, codebook.source);
  out += fmt::format("- {}: {}; {}: {}\n\n", w.valence,
                     codebook.valence_scope == ValenceScope::unit ? w.scope_unit : w.scope_sentence,
                     w.window, codebook.negation_window);
  out += fmt::format("| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n", w.code, w.label,
                     w.definition, w.example, w.keywords);
  for (const Code& code : codebook.codes)
    code_rows(code, language, w, out);
  out += "\n";
  auto list = [&](std::string_view heading, const std::optional<Expr>& rule) {
    out += fmt::format("- {}: {}\n", heading, rule ? keywords(*rule) : std::string(w.none));
  };
  list(w.obstacle, codebook.obstacle_cues);
  list(w.support, codebook.support_cues);
  list(w.negation, codebook.negation);
  return out;
}

std::string export_json(const Codebook& codebook) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("format").value("koda-codebook");
  json.key("format_version").value(1);
  json.key("title").value(codebook.title);
  json.key("version").value(codebook.version);
  json.key("language").value(codebook.language);
  json.key("source").value(codebook.source);
  json.key("valence_scope")
      .value(codebook.valence_scope == ValenceScope::unit ? "unit" : "sentence");
  json.key("negation_window").value(codebook.negation_window);
  json.key("codes").begin_array();
  for (const Code& code : codebook.codes)
    code_json(code, json);
  json.end_array();
  json.key("cues").begin_object();
  rule_json("obstacle", codebook.obstacle_cues, json);
  rule_json("support", codebook.support_cues, json);
  json.end_object();
  rule_json("negation", codebook.negation, json);
  json.end_object();
  return out;
}

} // namespace koda::codebook
