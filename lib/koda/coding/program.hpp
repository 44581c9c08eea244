#pragma once

// The compiled form of a codebook, shared by the files of lib/koda/coding/. Not a public
// header: callers use coding.hpp.

#include "koda/coding/coding.hpp"

#include <unicode/regex.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace koda::coding::detail {

// Hash and equality that let unordered_map<std::string, …> be searched with string_views.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct StringEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, StringEqual>;

constexpr std::int32_t k_none = -1;

// One word of a phrase: matched by stem id or, for surface phrases, by folded-form id.
struct PhraseWord {
  bool surface = false;
  std::int32_t id = k_none;
};

// A distinct term of the codebook: what a token (or run of tokens) must be to match.
struct Atom {
  codebook::TermKind kind = codebook::TermKind::stem;
  std::vector<PhraseWord> words; // stem and surface: one word; phrase: several
  std::string prefix;            // prefix: the folded prefix
  std::size_t regex = 0;         // regex: index into Program::regexes
  std::string source;            // the term as written in the codebook, for explanations
};

// One node of a rule: a term, or an operator over children.
struct Node {
  codebook::Op op = codebook::Op::term;
  std::uint32_t atom = 0;
  int distance = 0;
  std::uint32_t first_child = 0; // into Program::children
  std::uint32_t child_count = 0;
};

// An occurrence of an atom in a unit: tokens [first, last] and bytes [start, end) of the
// unit text.
struct Occurrence {
  std::uint32_t atom = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::size_t start = 0;
  std::size_t end = 0;
};

// The number of tokens between two occurrences: 1 for neighbours, 0 when they overlap.
inline std::size_t token_gap(const Occurrence& a, const Occurrence& b) {
  if (a.last < b.first)
    return b.first - a.last;
  if (b.last < a.first)
    return a.first - b.last;
  return 0;
}

// The compiled codebook.
struct Program {
  std::vector<Atom> atoms;
  std::vector<Node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<std::int32_t> match_root;  // per code, or k_none
  std::vector<std::int32_t> unless_root; // per code, or k_none
  std::int32_t obstacle_root = k_none;
  std::int32_t support_root = k_none;
  std::int32_t negation_root = k_none;

  StringMap<std::int32_t> stem_ids;                     // stem → stem id
  StringMap<std::int32_t> form_ids;                     // folded surface form → form id
  std::vector<std::vector<std::uint32_t>> stem_atoms;   // stem id → one-word stem atoms
  std::vector<std::vector<std::uint32_t>> form_atoms;   // form id → one-word surface atoms
  std::vector<std::vector<std::uint32_t>> stem_phrases; // stem id → phrases starting with it
  std::vector<std::vector<std::uint32_t>> form_phrases; // form id → phrases starting with it
  // The folded prefixes of wildcard terms as a trie over their bytes: node 0 is the root; a
  // node's atoms are those whose prefix ends there. A token's wildcard atoms are found by
  // walking its folded form down from the root.
  struct PrefixNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children; // byte → node
    std::vector<std::uint32_t> atoms;
  };
  std::vector<PrefixNode> prefix_trie = std::vector<PrefixNode>(1);
  std::vector<std::unique_ptr<icu::RegexPattern>> regexes;
  std::vector<std::uint32_t> regex_atoms;

  // atom → codes whose rules use it, each as code << 1 | 1 when the atom's occurrence alone
  // makes the rule true (it is reached from the root through `|` only), else code << 1
  std::vector<std::vector<std::uint32_t>> atom_codes;
  // Per code, the operands of its rule's top-level disjunction that are not terms: where no
  // sufficient atom occurs, the rule holds exactly when one of these does.
  std::vector<std::vector<std::int32_t>> match_rest;
  std::vector<std::uint32_t> always_codes; // codes whose rule holds on no hits
  std::vector<char> cue_atom;              // atom used by cues or negation
  std::string language;
  int negation_window = 3;
  bool sentence_scope = true;
};

} // namespace koda::coding::detail
