// Quotes for the summary: the sentence, the cut, the choice.
//
// A quote has to show the reader why a unit counts as an obstacle or a support, so the
// sentence that holds both the factor's matched term and the cue that set the valence is
// the one to quote: that is exactly the sentence the valence rule decided on. Under
// `valence scope unit` the cue may sit in another sentence than the term; then the cue's
// sentence is quoted, since the cue carries the finding. A sentence is cut only when it is
// longer than a reader takes in at once (240 characters), around the term and cue, at
// spaces, so that no word is cut and no UTF-8 sequence is split; "…" shows each cut.
//
// Which units to quote: a researcher cites several voices, not one talkative informant, so
// the quotes of one factor and valence come from distinct informants (units without one,
// such as minutes and observation notes, are told apart by document). Among candidates
// the better fit wins, then the shorter sentence (it says the thing most directly), then
// the earlier unit, which makes the choice independent of thread timing. The best few from
// distinct sources can be kept while streaming: a candidate that is not better than the
// worst kept one from another source can never enter the final list, so at most
// `capacity` candidates are held.

#include "koda/analysis/summary_quotes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace koda::analysis {
namespace {

using text::Span;

// The index of the sentence holding byte `offset`: the last one starting at or before it.
std::size_t sentence_at(std::span<const Span> sentences, std::size_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.start; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin()) - 1;
}

// Bytes between two spans; 0 when they overlap.
std::size_t gap(Span a, Span b) {
  if (a.end <= b.start)
    return b.start - a.end;
  if (b.end <= a.start)
    return a.start - b.end;
  return 0;
}

Span hull(Span a, Span b) { return {std::min(a.start, b.start), std::max(a.end, b.end)}; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `text` with every run of white space as one space, without leading or trailing space.
std::string squeeze_spaces(std::string_view text) {
  std::string out;
  bool pending = false;
  for (char c : text) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending)
      out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// The start of the window: `begin` moved forward past the word it cuts, but never past the
// focus (which starts at a token).
std::size_t snap_begin(std::string_view text, std::size_t begin, Span focus) {
  if (begin == 0 || is_space(text[begin - 1]))
    return begin;
  const std::size_t limit = std::max(begin, std::min(focus.start, text.size()));
  for (std::size_t i = begin; i < limit; ++i)
    if (is_space(text[i]))
      return i + 1;
  return limit;
}

// The end of the window: `end` moved back before the word it cuts, but never before the
// focus (which ends at a token) unless the focus itself is wider than the window.
std::size_t snap_end(std::string_view text, std::size_t begin, std::size_t end, Span focus) {
  if (end >= text.size() || is_space(text[end]))
    return end;
  const std::size_t floor = focus.end <= end ? std::max(begin, focus.end) : begin;
  for (std::size_t i = end; i > floor; --i)
    if (is_space(text[i - 1]))
      return i - 1;
  return focus.end <= end ? focus.end : end;
}

} // namespace

std::string citation(const SummaryQuote& quote) {
  std::string who = quote.speaker;
  if (!quote.role.empty())
    who += (who.empty() ? "" : ", ") + quote.role;
  return fmt::format("{}:{}{}", quote.doc, quote.line, who.empty() ? "" : " (" + who + ")");
}

QuoteSentence quote_sentence(std::span<const Span> sentences, const coding::Coding& coding) {
  const Span first_match = coding.matched.empty() ? Span{} : coding.matched.front();
  if (sentences.empty())
    return {first_match, first_match, QuoteFit::term};
  if (!coding.has_cue)
    return {sentences[sentence_at(sentences, first_match.start)], first_match, QuoteFit::term};
  const std::size_t s = sentence_at(sentences, coding.cue.start);
  const Span* nearest = nullptr;
  for (const Span& m : coding.matched)
    if (sentence_at(sentences, m.start) == s &&
        (!nearest || gap(m, coding.cue) < gap(*nearest, coding.cue)))
      nearest = &m;
  if (nearest)
    return {sentences[s], hull(*nearest, coding.cue), QuoteFit::term_and_cue};
  return {sentences[s], coding.cue, QuoteFit::cue};
}

std::string trim_quote(std::string_view sentence, Span focus, std::size_t max_chars) {
  // Byte offset of each code point, then the end: windows are counted in characters.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < sentence.size(); ++i)
    if (!is_continuation(sentence[i]))
      starts.push_back(i);
  const std::size_t chars = starts.size();
  starts.push_back(sentence.size());
  if (chars <= max_chars)
    return squeeze_spaces(sentence);
  auto char_at = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                                    starts.begin());
  };
  focus.end = std::min(focus.end, sentence.size());
  focus.start = std::min(focus.start, focus.end);
  const std::size_t focus_first = char_at(focus.start);
  const std::size_t focus_chars = char_at(focus.end) - focus_first;
  // Centre the focus in the window; a window past the end slides back.
  std::size_t first = focus_chars >= max_chars
                          ? focus_first
                          : focus_first - std::min(focus_first, (max_chars - focus_chars) / 2);
  const std::size_t last = std::min(chars, first + max_chars);
  first = last - std::min(last, max_chars);
  const std::size_t begin = snap_begin(sentence, starts[first], focus);
  const std::size_t end = snap_end(sentence, begin, starts[last], focus);
  std::string out = begin > 0 ? "…" : "";
  out += squeeze_spaces(sentence.substr(begin, end - begin));
  if (end < sentence.size())
    out += "…";
  return out;
}

bool QuoteRank::operator<(const QuoteRank& other) const {
  return std::tie(fit, length, order) < std::tie(other.fit, other.length, other.order);
}

bool QuoteSelector::wants(std::string_view source, const QuoteRank& rank) const {
  for (const Candidate& c : m_candidates)
    if (c.source == source)
      return rank < c.rank;
  if (m_candidates.size() < m_capacity)
    return true;
  return !m_candidates.empty() && rank < m_candidates.back().rank;
}

void QuoteSelector::offer(std::string source, const QuoteRank& rank, SummaryQuote quote) {
  if (!wants(source, rank))
    return;
  auto same = std::find_if(m_candidates.begin(), m_candidates.end(),
                           [&](const Candidate& c) { return c.source == source; });
  if (same != m_candidates.end())
    m_candidates.erase(same);
  else if (m_candidates.size() == m_capacity)
    m_candidates.pop_back();
  auto at = std::find_if(m_candidates.begin(), m_candidates.end(),
                         [&](const Candidate& c) { return rank < c.rank; });
  m_candidates.insert(at, {std::move(source), rank, std::move(quote)});
}

std::vector<SummaryQuote> QuoteSelector::quotes() const {
  std::vector<SummaryQuote> out;
  for (const Candidate& c : m_candidates)
    out.push_back(c.quote);
  return out;
}

} // namespace koda::analysis
