#pragma once

#include "koda/coding/coding.hpp"
#include "koda/text/segment.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Quotes for `koda summary`: which sentence of a coded unit to quote, how to cut it to a
// readable length, and which few units of a factor to quote at all. The rules are in the
// README ("koda summary"); summary_quotes.cpp explains why they are what they are.
namespace koda::analysis {

// A quoted sentence with its source.
struct SummaryQuote {
  std::string doc;      // the document's path
  std::size_t line = 0; // 1-based line where the quoted sentence starts
  std::string speaker;  // the turn's speaker label, or empty
  std::string role;     // the unit's `role` attribute, or empty
  coding::Valence valence = coding::Valence::neutral;
  std::string text; // the sentence, cut with "…" where it was too long
};

// `doc:line (speaker, role)`, leaving out what is missing.
std::string citation(const SummaryQuote& quote);

// Why a sentence was chosen, best first.
enum class QuoteFit {
  term_and_cue, // it holds both a matched term and the valence cue
  cue,          // it holds the cue (the term is in another sentence: `valence scope unit`)
  term,         // it holds a matched term (a coding without a cue)
};

// The sentence to quote for a coding and what to centre the quote on; absolute byte
// offsets into the document's text.
struct QuoteSentence {
  text::Span sentence;
  text::Span focus;
  QuoteFit fit = QuoteFit::term;
};

// The sentence of `sentences` (a unit's sentences in order, absolute offsets) to quote for
// `coding`: the one holding its cue and a matched term, else the cue's, else the first
// matched term's.
QuoteSentence quote_sentence(std::span<const text::Span> sentences, const coding::Coding& coding);

// The longest quote, in characters (code points), before "…" marks are added.
constexpr std::size_t k_max_quote_chars = 240;

// `sentence` with line breaks and runs of white space as single spaces, cut at word
// boundaries to at most `max_chars` code points around `focus` (byte offsets into
// `sentence`), with "…" where it was cut.
std::string trim_quote(std::string_view sentence, text::Span focus,
                       std::size_t max_chars = k_max_quote_chars);

// How good a quote candidate is: a better fit, then a shorter sentence, then an earlier
// unit.
struct QuoteRank {
  QuoteFit fit = QuoteFit::term;
  std::size_t length = 0;  // the sentence's code points
  std::uint64_t order = 0; // the unit's position in the input
  bool operator<(const QuoteRank& other) const;
};

// Keeps the best quotes of one factor and valence from distinct sources (an informant,
// or a document for units without one) while units stream past: at most `capacity`
// candidates are held, so memory does not grow with the corpus.
class QuoteSelector {
public:
  explicit QuoteSelector(std::size_t capacity = 3) : m_capacity(capacity) {}

  // Whether a candidate from `source` ranked `rank` would be kept (so its text is worth
  // building).
  bool wants(std::string_view source, const QuoteRank& rank) const;
  // Keeps `quote` from `source` if it is among the best from distinct sources so far.
  void offer(std::string source, const QuoteRank& rank, SummaryQuote quote);
  // The quotes kept, best first.
  std::vector<SummaryQuote> quotes() const;

private:
  struct Candidate {
    std::string source;
    QuoteRank rank;
    SummaryQuote quote;
  };
  std::size_t m_capacity;
  std::vector<Candidate> m_candidates; // best first
};

} // namespace koda::analysis
