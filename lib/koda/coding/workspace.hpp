#pragma once

// Per-thread coding state and the unit scanner, shared by lib/koda/coding/*.cpp. Not a
// public header.

#include "koda/coding/program.hpp"
#include "koda/coding/token_cache.hpp"
#include "koda/text/segment.hpp"
#include "koda/text/stem.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace koda::coding {

namespace detail {

std::vector<CodeInfo> compile(const codebook::Codebook& codebook, Program& program);

// What one sentence's cues say about a coding (valence.cpp).
struct ValenceVerdict {
  bool found = false;
  std::size_t distance = 0;
  bool obstacle = false;
  Occurrence cue;
  bool cue_is_obstacle = false;
  bool negated = false;
  Occurrence negation;
};

// A set of small numbers (atoms, codes) as bits, empty between units: walking its bits
// puts a unit's few members in order without a comparison that could be mispredicted, as
// sorting them did.
class BitSet {
public:
  explicit BitSet(std::size_t size) : m_words((size + 63) / 64, 0) {}

  // Adds `n` if `member` (without a branch on it).
  void insert(std::uint32_t n, bool member = true) {
    m_words[n / 64] |= std::uint64_t{member} << (n % 64);
    m_low = std::min<std::size_t>(m_low, n / 64);
    m_high = std::max<std::size_t>(m_high, n / 64 + 1);
  }
  bool contains(std::uint32_t n) const { return (m_words[n / 64] >> (n % 64) & 1) != 0; }

  // Calls `each(n)` for every member, in increasing order; the set is empty afterwards.
  template <class Each> void drain(Each&& each) {
    for (std::size_t w = m_low; w < m_high; ++w) {
      for (std::uint64_t bits = m_words[w]; bits != 0; bits &= bits - 1)
        each(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
      m_words[w] = 0;
    }
    m_low = m_words.size();
    m_high = 0;
  }

  // Empties the set.
  void clear() {
    for (std::size_t w = m_low; w < m_high; ++w)
      m_words[w] = 0;
    m_low = m_words.size();
    m_high = 0;
  }

private:
  std::vector<std::uint64_t> m_words;
  std::size_t m_low = m_words.size(); // the words in [m_low, m_high) may hold members
  std::size_t m_high = 0;
};

} // namespace detail

struct Workspace::State {
  State(const detail::Program& program, detail::SharedTokenCache& shared_cache)
      : stemmer(program.language), shared(shared_cache), regex_matchers(program.regexes.size()),
        atom_seen(program.atoms.size(), 0), atom_stamp(program.atoms.size(), 0),
        atom_begin(program.atoms.size(), 0), atom_end(program.atoms.size(), 0),
        atom_set(program.atoms.size()), code_set(program.match_root.size()),
        sure_set(program.match_root.size()) {}

  text::WordSegmenter words;
  text::SentenceSegmenter sentences;
  text::Stemmer stemmer;
  // Token spelling → what it is: this thread's recent spellings, then the Matcher's table,
  // filled once per distinct spelling for all threads.
  detail::HotTable hot;
  detail::SharedTokenCache& shared;
  std::vector<std::uint32_t> new_atoms; // the atoms of the spelling being looked up
  std::vector<std::unique_ptr<icu::RegexMatcher>> regex_matchers;

  // Scratch for the unit being coded.
  std::vector<text::Span> tokens;
  // Per token of the unit (the first tokens.size() entries; these vectors only grow).
  std::vector<std::int32_t> token_stems;
  std::vector<std::int32_t> token_forms;
  std::vector<std::uint32_t> phrase_starts; // tokens a phrase can start with
  std::vector<detail::TokenKey> token_keys;
  std::vector<std::uint32_t> misses;                  // tokens the hot table did not answer
  std::vector<std::uint32_t> atom_tokens;             // tokens the hot table gave one-word atoms
  std::vector<detail::Occurrence> occurrences;        // indexed: by atom, then position
  std::vector<detail::Occurrence> sorted_occurrences; // index_occurrences' other buffer
  std::vector<std::uint32_t> unit_atoms;              // the atoms that occur, ascending
  std::vector<std::uint32_t> atom_seen;               // == seen_stamp: atom occurs in this unit
  std::uint32_t seen_stamp = 0;                       // one per scanned unit
  bool indexed = false;                  // occurrences are in (atom, first, last) order
  std::vector<std::uint32_t> atom_stamp; // == stamp: atom's entries in the index are current
  std::vector<std::uint32_t> atom_begin;
  std::vector<std::uint32_t> atom_end;
  std::uint32_t stamp = 0;
  detail::BitSet atom_set; // index_occurrences: the atoms that occur
  detail::BitSet code_set; // code_document: the codes some occurring atom can make true
  detail::BitSet sure_set; // of those, the codes an occurring atom alone makes true
  std::vector<std::uint32_t> candidates;
  // (code << 32 | occurrence index) for each occurrence of an atom sufficient for the code,
  // sorted: the evidence a rule's top-level `|` gets from its terms, without walking it.
  std::vector<std::uint64_t> direct;
  // Evidence per coding of the unit being coded: entry k for its k-th coding. Entries are
  // reused between units (only the first n, n = the unit's codings, are meaningful).
  std::vector<std::vector<detail::Occurrence>> evidence;
  // Valence scratch for the unit being coded.
  std::vector<detail::Occurrence> obstacles;
  std::vector<detail::Occurrence> supports;
  std::vector<detail::Occurrence> negations;
  std::vector<detail::ValenceVerdict> verdicts;
  std::vector<text::Span> sentence_spans;
};

struct Matcher::Impl {
  const codebook::Codebook* codebook = nullptr;
  detail::Program program;
  std::vector<CodeInfo> codes;
  detail::SharedTokenCache cache; // shared by the workspaces of every thread
};

namespace detail {

// Finds the atoms of a Program in one unit's text and evaluates rules on them.
class UnitScanner {
public:
  UnitScanner(const Program& program, Workspace::State& ws) : m_program(program), m_ws(ws) {}

  // Tokenises `text` and records every atom occurrence in it. `slack` bytes after the text
  // may be read (a unit's text is followed by the rest of its document). With `indexed`
  // false the occurrences are put in order only when a rule needs an atom's occurrences
  // (counting mostly asks whether atoms occur, or compares two terms' positions).
  void scan(std::string_view text, std::size_t slack = 0, bool indexed = true);

  // Whether the rule at `root` holds in the scanned unit; its evidence is appended to `out`.
  bool eval(std::int32_t root, std::vector<Occurrence>* out) const;

  // The occurrences of `atom` in the scanned unit, in token order.
  std::span<const Occurrence> occurrences_of(std::uint32_t atom) const;

  // Whether `atom` occurs in the scanned unit.
  bool occurs(std::uint32_t atom) const { return m_ws.atom_seen[atom] == m_ws.seen_stamp; }

private:
  // What a token's spelling is, and its one-word atoms (valid until the next lookup).
  struct Lookup {
    TokenInfo info;
    const std::uint32_t* atoms = nullptr;
  };
  Lookup lookup(const TokenKey& key);
  bool phrase_at(const Atom& atom, std::size_t i) const;
  // Whether `node` is a term or `|` over terms only; whether such a node holds `atom`; whether
  // one of its terms occurs.
  bool is_term_set(const Node& node) const;
  bool in_term_set(const Node& node, std::uint32_t atom) const;
  bool term_set_occurs(const Node& node) const;
  void add(std::uint32_t atom, std::size_t first, std::size_t last);
  void scan_regexes(std::string_view text);
  void index_occurrences() const; // changes the workspace only

  const Program& m_program;
  Workspace::State& m_ws;
};

// Sets the valence of `codings[first…]`, the codings of one unit (`text`, starting at byte
// `unit_start` of its document), whose evidence is in `ws.evidence`. With `trace`, writes
// the reasoning for each coding there.
void assign_valence(const Program& program, Workspace::State& ws, const UnitScanner& scanner,
                    std::string_view text, std::size_t unit_start, std::vector<Coding>& codings,
                    std::size_t first, std::string* trace);

} // namespace detail
} // namespace koda::coding
