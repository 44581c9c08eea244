#pragma once

#include "koda/analysis/freq.hpp"
#include "koda/analysis/summary_quotes.hpp"
#include "koda/coding/batch.hpp"
#include "koda/coding/filter.hpp"
#include "koda/text/segment.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

// The obstacle / support summary of `koda summary`: factors ranked by obstacle units with
// their terms and representative quotes, a table of programme stages, a co-occurrence
// matrix of the factors and a closing paragraph. Every count comes from FreqCounter, fed
// the same codings `koda freq --valence-columns` counts, so each number can be traced to
// `koda code` output. Pure: documents in, a Summary out; writers live in report/.
namespace koda::analysis {

// The language of generated sentences and headings.
enum class SummaryLanguage { id, en };

// The summary language `name` names (`id`, `indonesian`, `en`, `english`), if any.
std::optional<SummaryLanguage> parse_summary_language(std::string_view name);

// `id` or `en`.
std::string_view to_string(SummaryLanguage language);

// A surface form that triggered a factor, folded to lower case, with the number of the
// factor's coded units it occurs in.
struct SummaryTerm {
  std::string term;
  std::uint64_t units = 0;
};

// A top-level factor (or one of its children) in the ranking.
struct SummaryFactor {
  std::string code; // path, `sumberdaya/sdm`
  std::string label;
  std::uint64_t units = 0; // coded units, as `koda freq` counts them
  std::uint64_t obstacle_units = 0;
  std::uint64_t support_units = 0;
  std::uint64_t documents = 0;
  std::uint64_t informants = 0;
  std::vector<SummaryTerm> terms;      // the most frequent first, at most five
  std::vector<SummaryQuote> quotes;    // obstacle quotes, then support quotes, best first
  std::vector<SummaryFactor> children; // ranked the same way
};

// One code of a stage codebook, a row of the stage table.
struct SummaryStage {
  std::string code;
  std::string label;
  std::size_t depth = 0;
  std::uint64_t units = 0;
  std::uint64_t documents = 0;
  std::uint64_t obstacle_units = 0;
  std::uint64_t support_units = 0;
  std::string first_date; // ISO `YYYY-MM-DD`, empty when no dated evidence
};

// Everything a summary report shows, in the order a reader meets it.
struct Summary {
  SummaryLanguage language = SummaryLanguage::id;
  std::string codebook;               // the factor codebook's title
  std::uint64_t documents_total = 0;  // documents in the run (after --kind / --where)
  std::uint64_t informants_total = 0; // distinct informants of those documents
  std::vector<SummaryFactor> ranking; // top-level factors, most obstacle units first
  bool has_stages = false;            // a stage codebook was given
  std::vector<SummaryStage> stages;   // every stage code, in codebook order
  Cooccurrence cooccurrence;          // top-level factors × factors, in codebook order
  std::string closing;                // the closing paragraph
};

// One codebook of a summary run: its title and codes (labels in the label language).
struct SummaryCodebook {
  std::string title;
  std::vector<FreqCode> codes; // tree order; `parent` indexes into this list
};

// What a summary is built from besides the documents.
struct SummaryOptions {
  SummaryLanguage language = SummaryLanguage::id;
  coding::CodingFilter filter; // the filters of `koda code`
};

// Builds a Summary from coded documents as they arrive (in input order). The first
// codebook holds the factors, any further codebook the stages. Memory grows with codes ×
// distinct terms and with informants, never with the number of units: each factor keeps
// at most three quote candidates per valence.
class SummaryBuilder {
public:
  // A summary over `codebooks` (at least one), as `options` says.
  SummaryBuilder(std::vector<SummaryCodebook> codebooks, SummaryOptions options);

  // Counts `coded`, whose codings are by one matcher per codebook, in codebook order.
  void add(const coding::CodedDocument& coded);

  // The summary of every document added.
  Summary summary() const;

private:
  struct FactorState {
    std::map<std::string, std::uint64_t> terms;
    QuoteSelector obstacle_quotes;
    QuoteSelector support_quotes;
  };

  void add_unit(const corpus::Document& doc, std::size_t document, std::span<const RunCoding> hits);
  // `factors`: the factor codes `hits` touch (see `touched`).
  void note_terms(const corpus::Document& doc, std::span<const RunCoding> hits,
                  const std::vector<std::size_t>& factors);
  void note_quotes(const corpus::Document& doc, const corpus::Unit& unit, const std::string& source,
                   std::span<const RunCoding> hits, const std::vector<std::size_t>& factors);
  SummaryQuote make_quote(const corpus::Document& doc, const corpus::Unit& unit,
                          const QuoteSentence& sentence, coding::Valence valence) const;
  void note_dates(const corpus::Document& doc, const corpus::Unit& unit,
                  std::span<const RunCoding> hits);
  // Whether `code` is `ancestor` or below it.
  bool under(std::size_t code, std::size_t ancestor) const;
  // Which codebooks' codes `touched` returns.
  enum class Part { factors, stages };
  // The codes of `part` that `hits` apply, with their ancestors, each once, in code order.
  std::vector<std::size_t> touched(std::span<const RunCoding> hits, Part part) const;
  std::vector<FreqCounts> counts() const;
  SummaryFactor factor(std::size_t code, const std::vector<FreqCounts>& counts) const;
  std::vector<SummaryFactor> ranked(std::ptrdiff_t parent,
                                    const std::vector<FreqCounts>& counts) const;
  Cooccurrence factor_cooccurrence() const;
  bool kept(std::size_t code) const;

  std::vector<FreqCode> m_codes;      // every codebook's codes, flattened
  std::vector<std::size_t> m_offsets; // per codebook: the index of its first code
  std::size_t m_factor_codes = 0;     // the first codebook's codes come first
  std::string m_title;
  SummaryOptions m_options;
  FreqCounter m_counter;
  std::vector<FactorState> m_factors;     // per factor code
  std::vector<std::string> m_first_dates; // per stage code
  std::uint64_t m_documents = 0;
  std::unordered_set<std::string> m_informants;
  std::string m_document_date;
  std::uint64_t m_sequence = 0; // units seen, for quote order
  // Scratch reused between documents and units.
  std::vector<RunCoding> m_hits;
  std::vector<analysis::CodeHit> m_unit_codes;
  text::SentenceSegmenter m_segmenter;
};

// The date `text` starts with, as ISO `YYYY-MM-DD`: `2008-04-10 19:30`, `10/04/2008`,
// `Sabtu, 15 Maret 2008`, `Tanggal: 8 Juni 2008; Lokasi: …`, `3 March 2009` (Indonesian
// and English month names, full or three-letter); nullopt for anything else.
std::optional<std::string> iso_date(std::string_view text);

// The closing paragraph of `summary` (its ranking and totals) in `summary.language`.
std::string closing_statement(const Summary& summary);

} // namespace koda::analysis
