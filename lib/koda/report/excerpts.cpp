// Writing coded excerpts. The record fields and their names are a contract (DESIGN.md,
// "Output"; README): doc, kind, unit, line, speaker, attrs, code, label, valence, terms,
// cue, start, end, text. Machine formats carry exactly these; the table and Markdown are
// for reading: grouped by code, with the matched terms highlighted and the source cited
// as `doc:line speaker`.

#include "koda/report/excerpts.hpp"

#include "koda/coding/filter.hpp"
#include "koda/report/csv.hpp"
#include "koda/report/json.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

namespace koda::report {
namespace {

using coding::Span;

std::string_view text_of(const corpus::Document& doc, Span span) {
  return std::string_view(doc.text).substr(span.start, span.end - span.start);
}

const corpus::Unit& unit_of(const Excerpt& e) { return e.doc->units[e.coding->unit]; }

std::string joined_terms(const Excerpt& e) {
  std::string out;
  for (std::string_view term : e.terms)
    out += fmt::format("{}{}", out.empty() ? "" : "; ", term);
  return out;
}

// --- JSON Lines and JSON --------------------------------------------------------------

class JsonLinesWriter : public ExcerptWriter {
public:
  JsonLinesWriter(OutputSink& sink, ExcerptFormat format)
      : m_format(format), m_stream(sink, format) {}
  void add(const std::vector<Excerpt>& excerpts) override {
    m_out.clear();
    append_excerpt_records(m_out, excerpts, m_format);
    m_stream.add(m_out, excerpts.size());
  }
  void finish() override { m_stream.finish(); }

private:
  ExcerptFormat m_format;
  ExcerptRecordStream m_stream;
  std::string m_out;
};

// --- CSV and TSV ----------------------------------------------------------------------

class DelimitedExcerptWriter : public ExcerptWriter {
public:
  DelimitedExcerptWriter(OutputSink& sink, DelimitedWriter::Style style)
      : m_sink(sink), m_style(style) {}
  void add(const std::vector<Excerpt>& excerpts) override {
    for (const Excerpt& e : excerpts) {
      const corpus::Unit& unit = unit_of(e);
      Row row;
      row.attributes = coding::unit_attributes(*e.doc, unit);
      for (const auto& [key, value] : row.attributes)
        m_keys.insert(key);
      row.before = {e.doc->path, std::string(corpus::to_string(e.doc->kind)),
                    std::to_string(e.coding->unit), std::to_string(unit.line), unit.speaker};
      row.after = {e.code->path,
                   std::string(e.label),
                   std::string(coding::to_string(e.coding->valence)),
                   joined_terms(e),
                   std::string(e.cue),
                   std::to_string(unit.start),
                   std::to_string(unit.end),
                   std::string(e.doc->unit_text(unit))};
      m_rows.push_back(std::move(row));
    }
  }
  void finish() override {
    std::string out;
    DelimitedWriter writer(out, m_style);
    for (const char* name : {"doc", "kind", "unit", "line", "speaker"})
      writer.field(name);
    for (const std::string& key : m_keys)
      writer.field("attr:" + key);
    for (const char* name : {"code", "label", "valence", "terms", "cue", "start", "end", "text"})
      writer.field(name);
    writer.end_row();
    for (const Row& row : m_rows) {
      for (const std::string& f : row.before)
        writer.field(f);
      for (const std::string& key : m_keys) {
        auto it = row.attributes.find(key);
        writer.field(it == row.attributes.end() ? "" : it->second);
      }
      for (const std::string& f : row.after)
        writer.field(f);
      writer.end_row();
    }
    m_sink.write(out);
  }

private:
  struct Row {
    std::vector<std::string> before;
    corpus::Attributes attributes;
    std::vector<std::string> after;
  };
  OutputSink& m_sink;
  DelimitedWriter::Style m_style;
  std::set<std::string> m_keys;
  std::vector<Row> m_rows;
};

// --- grouped by code: table and Markdown ----------------------------------------------

struct Group {
  std::string path;
  std::string label;
  std::vector<std::string> blocks;
};

class GroupedWriter : public ExcerptWriter {
public:
  GroupedWriter(OutputSink& sink, bool markdown, ExcerptStyle style)
      : m_sink(sink), m_markdown(markdown), m_style(style) {}

  void add(const std::vector<Excerpt>& excerpts) override {
    for (const Excerpt& e : excerpts) {
      Group& group = m_groups[e.code_order];
      group.path = e.code->path;
      group.label = std::string(e.label);
      group.blocks.push_back(m_markdown ? markdown_block(e) : table_block(e));
    }
  }

  void finish() override {
    std::string out;
    if (m_groups.empty())
      out = m_markdown ? "No codings.\n" : "no codings\n";
    for (const auto& [order, group] : m_groups) {
      if (!out.empty())
        out += "\n";
      std::size_t n = group.blocks.size();
      if (m_markdown)
        out += fmt::format("## `{}` {} ({} excerpt{})\n\n", group.path, group.label, n,
                           n == 1 ? "" : "s");
      else
        out += fmt::format("{}{}{}  {}  ({} excerpt{})\n", bold_on(), group.path, bold_off(),
                           group.label, n, n == 1 ? "" : "s");
      for (const std::string& block : group.blocks)
        out += block;
    }
    m_sink.write(out);
  }

private:
  std::string_view bold_on() const { return m_style.color ? "\x1b[1m" : ""; }
  std::string_view bold_off() const { return m_style.color ? "\x1b[0m" : ""; }

  static std::string source(const Excerpt& e) {
    const corpus::Unit& unit = unit_of(e);
    return fmt::format("{}:{}{}", e.doc->path, unit.line,
                       unit.speaker.empty() ? std::string() : fmt::format(" {}", unit.speaker));
  }

  static std::string verdict(const Excerpt& e) {
    std::string v(coding::to_string(e.coding->valence));
    if (!e.cue.empty())
      v += fmt::format(" (cue: {})", e.cue);
    return v;
  }

  std::string table_block(const Excerpt& e) const {
    const corpus::Unit& unit = unit_of(e);
    std::string out = fmt::format("  {}  {}\n", source(e), verdict(e));
    const std::size_t indent = 4;
    const std::size_t width = m_style.width > indent + 20 ? m_style.width - indent : 60;
    for (const Span& line : wrap(e.doc->text, {unit.start, unit.end}, width)) {
      out.append(indent, ' ');
      out +=
          highlighted(e, line, m_style.color ? "\x1b[1;33m" : "«", m_style.color ? "\x1b[0m" : "»");
      out += "\n";
    }
    return out;
  }

  static std::string markdown_block(const Excerpt& e) {
    const corpus::Unit& unit = unit_of(e);
    std::string text;
    std::size_t pos = unit.start;
    for (const Span& m : e.coding->matched) {
      if (m.start < pos)
        continue;
      text += escape_markdown(text_of(*e.doc, {pos, m.start}));
      text += fmt::format("**{}**", escape_markdown(text_of(*e.doc, m)));
      pos = m.end;
    }
    text += escape_markdown(text_of(*e.doc, {pos, unit.end}));
    return fmt::format("- “{}” — {}; *{}*\n", text, source(e), verdict(e));
  }

  static std::string escape_markdown(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '\n') {
        out += ' ';
        continue;
      }
      if (c == '*' || c == '_' || c == '`' || c == '\\' || c == '[' || c == ']' || c == '<')
        out += '\\';
      out += c;
    }
    return out;
  }

  // The lines of `span` of `text` word-wrapped to `width` columns; line breaks in the text
  // are kept.
  static std::vector<Span> wrap(std::string_view text, Span span, std::size_t width) {
    std::vector<Span> lines;
    std::size_t pos = span.start;
    while (pos < span.end) {
      std::size_t hard = text.find('\n', pos);
      std::size_t line_end = hard == std::string_view::npos || hard > span.end ? span.end : hard;
      std::size_t start = pos;
      while (start < line_end) {
        std::size_t end = start;
        std::size_t last_break = std::string_view::npos;
        std::size_t used = 0;
        while (end < line_end) {
          std::size_t next = text.find(' ', end + 1);
          if (next == std::string_view::npos || next > line_end)
            next = line_end;
          std::size_t w = display_width(text.substr(end, next - end));
          if (used + w > width && last_break != std::string_view::npos)
            break;
          used += w;
          end = next;
          last_break = end;
        }
        lines.push_back({start, end});
        start = end;
        while (start < line_end && text[start] == ' ')
          ++start;
      }
      pos = line_end + 1;
    }
    return lines;
  }

  static std::string highlighted(const Excerpt& e, Span line, std::string_view on,
                                 std::string_view off) {
    std::string out;
    std::size_t pos = line.start;
    for (const Span& m : e.coding->matched) {
      std::size_t s = std::max(m.start, pos);
      std::size_t t = std::min(m.end, line.end);
      if (s >= t)
        continue;
      out += text_of(*e.doc, {pos, s});
      out += on;
      out += text_of(*e.doc, {s, t});
      out += off;
      pos = t;
    }
    out += text_of(*e.doc, {pos, line.end});
    return out;
  }

  OutputSink& m_sink;
  bool m_markdown;
  ExcerptStyle m_style;
  std::map<std::size_t, Group> m_groups;
};

// Appends `n` in decimal: this runs twice per unit of a large run, where fmt's parsing of
// a format string cost more than the digits.
void append_number(std::string& out, std::size_t n) {
  char digits[24];
  const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), n);
  out.append(digits, end);
}

// `"attrs":{…},` with `attributes` as the object.
void append_attrs_json(std::string& out, const corpus::Attributes& attributes) {
  out += "\"attrs\":{";
  bool first = true;
  for (const auto& [key, value] : attributes) {
    if (!first)
      out += ',';
    first = false;
    append_json_quoted(out, key);
    out += ':';
    append_json_quoted(out, value);
  }
  out += "},";
}

} // namespace

Excerpt make_excerpt(const corpus::Document& doc, const coding::Coding& coding,
                     const coding::CodeInfo& code, std::size_t code_order, std::string_view label) {
  Excerpt e;
  e.doc = &doc;
  e.coding = &coding;
  e.code = &code;
  e.code_order = code_order;
  e.label = label;
  for (const Span& span : coding.matched) {
    std::string_view term = text_of(doc, span);
    if (std::find(e.terms.begin(), e.terms.end(), term) == e.terms.end())
      e.terms.push_back(term);
  }
  if (coding.has_cue)
    e.cue = text_of(doc, coding.cue);
  return e;
}

ExcerptCodeJson excerpt_code_json(const coding::CodeInfo& code, std::string_view label) {
  ExcerptCodeJson json;
  for (coding::Valence v :
       {coding::Valence::neutral, coding::Valence::obstacle, coding::Valence::support}) {
    std::string& out = json.by_valence[static_cast<std::size_t>(v)];
    out = "\"code\":";
    append_json_quoted(out, code.path);
    out += ",\"label\":";
    append_json_quoted(out, label);
    out += ",\"valence\":\"";
    out += coding::to_string(v);
    out += "\",\"terms\":[";
  }
  return json;
}

void append_excerpt_json(std::string& out, const Excerpt& e, ExcerptJsonCache& cache) {
  const corpus::Unit& unit = unit_of(e);
  if (cache.doc != e.doc) {
    // The fields every unit of the document shares, quoted once.
    cache.doc_head.clear();
    cache.doc_head += "{\"doc\":";
    append_json_quoted(cache.doc_head, e.doc->path);
    cache.doc_head += ",\"kind\":\"";
    cache.doc_head += corpus::to_string(e.doc->kind);
    cache.doc_head += "\",";
    cache.doc_attrs.clear();
    append_attrs_json(cache.doc_attrs, e.doc->attributes);
  }
  if (cache.doc != e.doc || cache.unit != e.coding->unit) {
    // The fields every coding of this unit shares, quoted once.
    cache.doc = e.doc;
    cache.unit = e.coding->unit;
    cache.head.assign(cache.doc_head);
    cache.head += "\"unit\":";
    append_number(cache.head, e.coding->unit);
    cache.head += ",\"line\":";
    append_number(cache.head, unit.line);
    cache.head += ",\"speaker\":";
    append_json_quoted(cache.head, unit.speaker);
    cache.head += ',';
    auto speaker = unit.speaker.empty() ? e.doc->speaker_attributes.end()
                                        : e.doc->speaker_attributes.find(unit.speaker);
    if (speaker == e.doc->speaker_attributes.end())
      cache.head += cache.doc_attrs;
    else
      append_attrs_json(cache.head, coding::unit_attributes(*e.doc, unit));
    cache.tail.assign(",\"start\":");
    append_number(cache.tail, unit.start);
    cache.tail += ",\"end\":";
    append_number(cache.tail, unit.end);
    cache.tail += ",\"text\":";
    append_json_quoted(cache.tail, e.doc->unit_text(unit));
    cache.tail += '}';
  }
  // As few appends as may be: each costs more than the few bytes most of them copy.
  out += cache.head;
  const auto valence = static_cast<std::size_t>(e.coding->valence);
  if (e.code_json)
    out += e.code_json->by_valence[valence];
  else
    out += excerpt_code_json(*e.code, e.label).by_valence[valence];
  for (std::size_t i = 0; i < e.terms.size(); ++i) {
    if (i)
      out += ',';
    append_json_quoted(out, e.terms[i]);
  }
  if (e.cue.empty()) {
    out += "],\"cue\":\"\"";
  } else {
    out += "],\"cue\":";
    append_json_quoted(out, e.cue);
  }
  out += cache.tail;
}

std::string excerpt_json(const Excerpt& excerpt) {
  ExcerptJsonCache cache;
  std::string out;
  append_excerpt_json(out, excerpt, cache);
  return out;
}

void append_excerpt_records(std::string& out, const std::vector<Excerpt>& excerpts,
                            ExcerptFormat format) {
  // Room for every record at once (text, plus about 512 bytes of fields), so that a large
  // document's records are not copied again each time the string grows.
  std::size_t estimate = out.size();
  for (const Excerpt& e : excerpts) {
    const corpus::Unit& unit = unit_of(e);
    estimate += unit.end - unit.start + 512;
  }
  out.reserve(estimate);
  ExcerptJsonCache cache;
  for (std::size_t i = 0; i < excerpts.size(); ++i) {
    if (format == ExcerptFormat::json && i > 0)
      out += ",\n";
    append_excerpt_json(out, excerpts[i], cache);
    if (format != ExcerptFormat::json)
      out += '\n';
  }
}

void ExcerptRecordStream::add(std::string_view records, std::size_t count) {
  if (count == 0)
    return;
  if (m_array)
    m_sink.write(m_count == 0 ? "[\n" : ",\n");
  m_sink.write(records);
  m_count += count;
}

void ExcerptRecordStream::finish() {
  if (m_array)
    m_sink.write(m_count == 0 ? "[]\n" : "\n]\n");
}

std::unique_ptr<ExcerptWriter> make_excerpt_writer(ExcerptFormat format, OutputSink& sink,
                                                   const ExcerptStyle& style) {
  switch (format) {
  case ExcerptFormat::jsonl:
    return std::make_unique<JsonLinesWriter>(sink, format);
  case ExcerptFormat::json:
    return std::make_unique<JsonLinesWriter>(sink, format);
  case ExcerptFormat::csv:
    return std::make_unique<DelimitedExcerptWriter>(sink, DelimitedWriter::Style::csv);
  case ExcerptFormat::tsv:
    return std::make_unique<DelimitedExcerptWriter>(sink, DelimitedWriter::Style::tsv);
  case ExcerptFormat::md:
    return std::make_unique<GroupedWriter>(sink, true, style);
  case ExcerptFormat::table:
    return std::make_unique<GroupedWriter>(sink, false, style);
  }
  return nullptr;
}

} // namespace koda::report
