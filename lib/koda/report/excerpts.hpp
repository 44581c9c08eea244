#pragma once

#include "koda/coding/coding.hpp"
#include "koda/corpus/document.hpp"
#include "koda/report/output.hpp"

#include <boost/container/small_vector.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace koda::report {

// The part of an excerpt's JSON record that depends only on its code and valence, for each
// valence (indexed by coding::Valence): `"code":…,"label":…,"valence":"…","terms":[`.
struct ExcerptCodeJson {
  std::string by_valence[3];
};

// One coded excerpt as it is written out: a (unit, code) pair with its evidence.
struct Excerpt {
  const corpus::Document* doc = nullptr;
  const coding::Coding* coding = nullptr;
  const coding::CodeInfo* code = nullptr;
  std::size_t code_order = 0; // position of the code among all codes of all codebooks
  std::string_view label;     // owned by the codebook
  // Distinct matched surface forms, in text order (inline: one excerpt per record written).
  boost::container::small_vector<std::string_view, 2> terms;
  std::string_view cue; // the deciding cue as written, or empty
  // ExcerptCodeJson of the code, when the caller has it ready; else made from the fields.
  const ExcerptCodeJson* code_json = nullptr;
};

// Builds the Excerpt of `coding` in `doc` for `code` with label `label`.
Excerpt make_excerpt(const corpus::Document& doc, const coding::Coding& coding,
                     const coding::CodeInfo& code, std::size_t code_order, std::string_view label);

// The ExcerptCodeJson of `code` with label `label`.
ExcerptCodeJson excerpt_code_json(const coding::CodeInfo& code, std::string_view label);

// The output formats of coded excerpts.
enum class ExcerptFormat { table, csv, tsv, json, jsonl, md };

// How terminal output looks.
struct ExcerptStyle {
  bool color = false;      // ANSI highlighting of matched terms (else «term»)
  std::size_t width = 100; // terminal columns
};

// Writes excerpts in one format as documents arrive. JSON Lines and JSON are streamed;
// CSV/TSV (whose attribute columns depend on every document), Markdown and the table
// (grouped by code) are written by `finish`.
class ExcerptWriter {
public:
  virtual ~ExcerptWriter() = default;
  // Adds the excerpts of one document, in unit then code order.
  virtual void add(const std::vector<Excerpt>& excerpts) = 0;
  // Writes whatever is still held and the closing of the format.
  virtual void finish() = 0;
};

// Appends the records of `excerpts` as `format` (jsonl or json) streams them: JSON Lines
// each end with a line break; JSON array elements are joined by ",\n" (the stream adds the
// brackets and the separators between calls). Needs nothing but the excerpts, so it can run
// on the thread that coded the document.
void append_excerpt_records(std::string& out, const std::vector<Excerpt>& excerpts,
                            ExcerptFormat format);

// Streams JSON Lines or one JSON array of records made by append_excerpt_records.
class ExcerptRecordStream {
public:
  ExcerptRecordStream(OutputSink& sink, ExcerptFormat format)
      : m_sink(sink), m_array(format == ExcerptFormat::json) {}
  // Writes `records`, `count` of them.
  void add(std::string_view records, std::size_t count);
  // Closes the JSON array.
  void finish();

private:
  OutputSink& m_sink;
  bool m_array;
  std::size_t m_count = 0;
};

// A writer of `format` into `sink`.
std::unique_ptr<ExcerptWriter> make_excerpt_writer(ExcerptFormat format, OutputSink& sink,
                                                   const ExcerptStyle& style);

// The JSON object of `excerpt`, on one line, as in JSON Lines output.
std::string excerpt_json(const Excerpt& excerpt);

// The parts of a JSON record shared by the excerpts of one unit, kept between calls.
struct ExcerptJsonCache {
  const corpus::Document* doc = nullptr;
  std::size_t unit = 0;
  std::string doc_head;  // `{"doc":…,"kind":…,` of `doc`
  std::string doc_attrs; // `"attrs":{…},` of `doc`'s own attributes
  std::string head;      // `{"doc":…,"attrs":{…},` of the unit
  std::string tail;      // `,"start":…,"text":…}` of the unit
};

// Appends the JSON object of `excerpt` to `out`, reusing `cache` for its unit's fields.
void append_excerpt_json(std::string& out, const Excerpt& excerpt, ExcerptJsonCache& cache);

} // namespace koda::report
