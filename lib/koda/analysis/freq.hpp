#pragma once

#include "koda/coding/batch.hpp"
#include "koda/coding/coding.hpp"
#include "koda/coding/filter.hpp"
#include "koda/corpus/document.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Code frequencies for `koda freq`: how many units, documents and informants each code
// was applied to, crosstabs by a dimension of the corpus, and code co-occurrence. Pure
// counting over a stream of coded units; no I/O, no document text.
namespace koda::analysis {

// A code as the tables show it: the codes of every codebook of a run, flattened in tree
// order (parents before children) with `parent` indexing into the same list.
struct FreqCode {
  std::string path;  // `sumberdaya/sdm`
  std::string label; // in the label language of the run
  std::size_t depth = 0;
  std::ptrdiff_t parent = -1;
};

// What a crosstab splits the units by.
enum class FreqDimension { none, document, kind, speaker, attribute };

// What the cells of a crosstab count.
enum class FreqCount { units, documents, informants };

// What crosstab percentages are of: nothing, the row, the column or the whole table.
enum class FreqPercent { none, row, column, total };

// How sibling rows are ordered: codebook order, or most units first.
enum class FreqSort { code, count };

// What a frequency table shows.
struct FreqOptions {
  bool flat = false; // leaves only
  FreqDimension by = FreqDimension::none;
  std::string by_key; // with FreqDimension::attribute: the attribute key
  FreqCount count = FreqCount::units;
  FreqPercent percent = FreqPercent::none;
  FreqSort sort = FreqSort::code;
  std::uint64_t min_units = 0;      // rows with fewer units are left out
  std::vector<std::string> codes;   // rows only for these paths and their descendants
  std::optional<std::size_t> depth; // co-occurrence on codes at this depth (else leaves)
  bool cooccurrence = true;         // count co-occurrence (else cooccurrence() counts nothing)
};

// One code applied to a unit (after filtering), with the valence of that coding.
struct CodeHit {
  std::size_t code = 0; // index into the FreqCode list
  coding::Valence valence = coding::Valence::neutral;
};

// One coded unit, as the counter needs it: no text, only what is tabulated. The views
// need only live for the call to FreqCounter::add.
struct CodedUnit {
  std::size_t document = 0;       // the document's position in input order
  std::string_view document_name; // its path, for `--by document`
  corpus::Kind kind = corpus::Kind::document;
  std::string_view speaker;                       // the turn's speaker label, or empty
  std::string_view informant;                     // see informant_of; empty: none
  const corpus::Attributes* attributes = nullptr; // the unit's attributes, for `--by attr:KEY`
  std::span<const CodeHit> codes;                 // the codes applied to the unit
};

// A coding that passed the filters, placed in the run's code list.
struct RunCoding {
  std::size_t unit = 0;
  std::size_t code = 0; // index into the run's FreqCode list
  const coding::Coding* coding = nullptr;
};

// The codings of `coded` that `filter` accepts (the ones `koda code` reports), in unit order
// and codebook order within a unit, into `out` (cleared first): what the tables count.
// `codes` is the run's code list and `offsets[m]` the index in it of codebook m's first
// code.
void filtered_codings(const coding::CodedDocument& coded, const coding::CodingFilter& filter,
                      const std::vector<FreqCode>& codes, const std::vector<std::size_t>& offsets,
                      std::vector<RunCoding>& out);

// Calls `each` with the codings of each unit in turn (`codings` as filtered_codings leaves
// them).
template <class Each> void for_each_unit(std::span<const RunCoding> codings, Each&& each) {
  for (std::size_t i = 0; i < codings.size();) {
    std::size_t j = i;
    while (j < codings.size() && codings[j].unit == codings[i].unit)
      ++j;
    each(codings.subspan(i, j - i));
    i = j;
  }
}

// The informant `unit` of `doc` speaks for: none for interviewer turns and for units
// without a speaker (an interview's preamble, minutes, observations); in an interview, the
// `informant` attribute (the speaker's from --attributes, else the document's) when
// present; else the speaker label.
std::string_view informant_of(const corpus::Document& doc, const corpus::Unit& unit);

// informant_of for the units of one document, with the document's own attributes looked up
// once rather than per unit.
class Informants {
public:
  explicit Informants(const corpus::Document& doc);
  std::string_view of(const corpus::Unit& unit) const;

private:
  const corpus::Document& m_doc;
  std::string_view m_document_informant; // the document's `informant` attribute, or empty
};

// Counts for one code (or, in the totals row, for any code).
struct FreqCounts {
  std::uint64_t units = 0;
  std::uint64_t documents = 0;
  std::uint64_t informants = 0;
  std::uint64_t obstacle = 0; // units whose valence for the code is obstacle
  std::uint64_t support = 0;
  std::uint64_t neutral = 0;
};

// One row of a frequency table.
struct FreqRow {
  std::string path; // empty in the totals row
  std::string label;
  std::size_t depth = 0;
  FreqCounts counts;
  double share = 0;                 // percent of all coded units (0–100)
  std::vector<std::uint64_t> cells; // with `by`: one count per column, as FreqCount says
  std::uint64_t cells_total = 0;    // with `by`: the row's count over all columns
  std::vector<double> percents;     // with `by` and `percent`: one per column (0–100)
};

// A frequency table: rows in display order, a totals row, and crosstab column names.
struct FreqTable {
  std::vector<FreqRow> rows;
  FreqRow total;
  std::vector<std::string> columns; // with `by`: the dimension's values, in column order
};

// A code × code co-occurrence matrix: `both[i * codes.size() + j]` units coded with both
// codes i and j (the diagonal: units coded with i).
struct Cooccurrence {
  std::vector<FreqCode> codes;
  std::vector<std::uint64_t> both;

  std::uint64_t at(std::size_t i, std::size_t j) const { return both[i * codes.size() + j]; }
  // Jaccard similarity of codes `i` and `j`: units with both / units with either; 0 when
  // neither was applied.
  double jaccard(std::size_t i, std::size_t j) const;
};

// Counts coded units as they arrive (units of one document contiguously, documents in
// any order) and builds tables from the counts. Memory grows with codes × columns ×
// distinct informants, never with the number of units or the text.
class FreqCounter {
public:
  // Counts for `codes` as `options` says (`by`, `by_key` and `depth` decide what is kept).
  FreqCounter(std::vector<FreqCode> codes, FreqOptions options);

  // Counts `unit`; a unit without codes is ignored.
  void add(const CodedUnit& unit);

  // The frequency table.
  FreqTable table() const;
  // The co-occurrence matrix, on leaves or on codes at `options.depth`.
  Cooccurrence cooccurrence() const;

private:
  struct Cell {
    std::uint64_t units = 0;
    std::uint64_t documents = 0;
    std::size_t last_document = static_cast<std::size_t>(-1);
    std::uint64_t informants = 0;
    std::int64_t last_informant = -1; // the informant of the last unit counted here
    std::vector<std::uint64_t> seen;  // bit i: informant id i counted here
    void add(std::size_t document, std::int64_t informant);
  };
  struct Stats {
    Cell all;
    std::uint64_t valence[3] = {0, 0, 0};
    std::vector<Cell> columns;
  };

  std::size_t column_of(const CodedUnit& unit);
  void count(Stats& stats, const CodedUnit& unit, std::size_t column, std::int64_t informant,
             coding::Valence valence);
  FreqRow make_row(const Stats& stats, std::uint64_t coded_units) const;
  std::vector<std::size_t> row_order() const;

  std::vector<FreqCode> m_codes;
  std::vector<bool> m_leaf;
  FreqOptions m_options;
  std::vector<Stats> m_stats; // one per code, then the totals
  // Looked up by string_view: a unit's informant is interned without building a string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> m_informant_ids;
  std::string m_last_informant; // the informant of the last unit added, and its id
  std::uint32_t m_last_informant_id = 0;
  std::vector<std::string> m_columns;
  std::unordered_map<std::string, std::size_t> m_column_ids;
  // Per-unit scratch: which codes the unit hit, with their rolled-up valence.
  std::vector<std::uint64_t> m_mark;
  std::vector<coding::Valence> m_valence;
  std::vector<std::size_t> m_touched;
  std::uint64_t m_stamp = 0;
  // Co-occurrence: the matrix row each code counts in, or -1.
  std::vector<std::ptrdiff_t> m_target;
  std::vector<std::size_t> m_targets;
  std::vector<std::uint64_t> m_target_mark;
  std::vector<std::size_t> m_unit_rows;
  std::vector<std::uint64_t> m_both;
};

} // namespace koda::analysis
