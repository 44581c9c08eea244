// Coding one document. Per unit: tokenise, look each token up in the token caches (the
// thread's hot table, then the table the Matcher's threads share; a spelling is folded and
// stemmed once per run), collect the occurrences of codebook atoms, then evaluate only the
// rules that those atoms can make true. Most units hit nothing and cost only
// the tokenising and one cache probe per token.
//
// Rule semantics (README, "How coding works"): a term holds where it occurs; `|`, `&`, `!`
// combine truth over the whole unit; `a NEAR/n b` needs an occurrence of each at most n
// tokens apart. The evidence of a coding is every occurrence that made its rule true:
// the true operands of `|`, all operands of a true `&`, the close pairs of NEAR, and
// nothing under `!`.

#include "koda/coding/workspace.hpp"
#include "koda/error.hpp"

#include <algorithm>

namespace koda::coding {

using detail::k_none;
using detail::Node;
using detail::Occurrence;
using detail::Program;

Workspace::Workspace(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;

namespace detail {

UnitScanner::Lookup UnitScanner::lookup(const TokenKey& key) {
  Workspace::State& ws = m_ws;
  if (std::optional<TokenInfo> hit = ws.shared.find(key)) {
    ws.hot.put(key, *hit);
    return {*hit, ws.shared.atoms(*hit)};
  }
  const std::string_view surface = key.text;
  TokenInfo info;
  std::string folded = text::fold_for_match(surface);
  if (auto form = m_program.form_ids.find(folded); form != m_program.form_ids.end())
    info.form = form->second;
  if (!m_program.stem_ids.empty()) {
    std::string_view stem = ws.stemmer.stem(folded);
    if (auto id = m_program.stem_ids.find(stem); id != m_program.stem_ids.end())
      info.stem = id->second;
  }
  info.starts_phrase =
      (info.stem != k_none &&
       !m_program.stem_phrases[static_cast<std::size_t>(info.stem)].empty()) ||
      (info.form != k_none && !m_program.form_phrases[static_cast<std::size_t>(info.form)].empty());
  ws.new_atoms.clear();
  if (info.stem != k_none)
    for (std::uint32_t atom : m_program.stem_atoms[static_cast<std::size_t>(info.stem)])
      ws.new_atoms.push_back(atom);
  if (info.form != k_none)
    for (std::uint32_t atom : m_program.form_atoms[static_cast<std::size_t>(info.form)])
      ws.new_atoms.push_back(atom);
  // Wildcard prefixes: walk the folded form down the prefix trie, shortest prefix first.
  const std::vector<Program::PrefixNode>& trie = m_program.prefix_trie;
  std::uint32_t node = 0;
  for (std::size_t i = 0;; ++i) {
    for (std::uint32_t atom : trie[node].atoms)
      ws.new_atoms.push_back(atom);
    if (i == folded.size())
      break;
    const auto byte = static_cast<unsigned char>(folded[i]);
    const auto& children = trie[node].children;
    auto it = std::find_if(children.begin(), children.end(),
                           [&](const auto& child) { return child.first == byte; });
    if (it == children.end())
      break;
    node = it->second;
  }
  if (std::optional<TokenInfo> cached = ws.shared.insert(key, info, ws.new_atoms)) {
    ws.hot.put(key, *cached);
    return {*cached, ws.shared.atoms(*cached)};
  }
  // The cache is full: this spelling is worked out again each time it occurs.
  info.atoms_count = static_cast<std::uint16_t>(ws.new_atoms.size());
  return {info, ws.new_atoms.data()};
}

bool UnitScanner::phrase_at(const Atom& atom, std::size_t i) const {
  const Workspace::State& ws = m_ws;
  if (i + atom.words.size() > ws.tokens.size())
    return false;
  for (std::size_t k = 0; k < atom.words.size(); ++k) {
    const PhraseWord& word = atom.words[k];
    std::int32_t have = word.surface ? ws.token_forms[i + k] : ws.token_stems[i + k];
    if (have != word.id)
      return false;
  }
  return true;
}

void UnitScanner::add(std::uint32_t atom, std::size_t first, std::size_t last) {
  Workspace::State& ws = m_ws;
  ws.atom_seen[atom] = ws.seen_stamp;
  ws.occurrences.push_back({atom, static_cast<std::uint32_t>(first),
                            static_cast<std::uint32_t>(last), ws.tokens[first].start,
                            ws.tokens[last].end});
}

void UnitScanner::scan(std::string_view text, std::size_t slack, bool indexed) {
  Workspace::State& ws = m_ws;
  ws.words.words(text, ws.tokens);
  ws.occurrences.clear();
  ws.indexed = false;
  ++ws.seen_stamp;
  // Per-token scratch only grows: a unit's values overwrite the first tokens.size().
  const std::size_t n = ws.tokens.size();
  if (ws.token_stems.size() < n) {
    ws.token_stems.resize(n);
    ws.token_forms.resize(n);
    ws.token_keys.resize(n);
    ws.misses.resize(n);
    ws.phrase_starts.resize(n);
    ws.atom_tokens.resize(n);
  }
  // Lookups are bound by memory latency, so they go in passes: key every token and prefetch
  // its hot-table entry; answer what the hot table holds (most tokens); prefetch the shared
  // slots of the rest, then look those up.
  for (std::size_t i = 0; i < n; ++i) {
    const text::Span& span = ws.tokens[i];
    ws.token_keys[i] =
        TokenKey::of(std::string_view(text.data() + span.start, span.end - span.start),
                     text.size() - span.start + slack);
    ws.hot.prefetch(ws.token_keys[i]);
  }
  // The hot pass has no branch that depends on the token: which tokens missed, which can
  // start a phrase and which have one-word atoms are each appended to a list by writing
  // the index and advancing the list's end by 0 or 1. (Whether a token is known varies from
  // token to token, and mispredicted branches cost more than the probes.)
  std::size_t misses = 0;
  std::size_t starts = 0;
  std::size_t with_atoms = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const HotTable::Probe probe = ws.hot.probe(ws.token_keys[i]);
    const auto index = static_cast<std::uint32_t>(i);
    ws.token_stems[i] = probe.value.stem; // a miss's are replaced below
    ws.token_forms[i] = probe.value.form;
    ws.misses[misses] = index;
    misses += probe.hit ? 0 : 1;
    ws.phrase_starts[starts] = index;
    starts += (probe.hit & (probe.value.starts_phrase != 0)) ? 1 : 0;
    ws.atom_tokens[with_atoms] = index;
    with_atoms += (probe.hit & (probe.value.atoms_count > 0)) ? 1 : 0;
  }
  for (std::size_t k = 0; k < with_atoms; ++k) {
    const std::uint32_t i = ws.atom_tokens[k];
    const TokenInfo info = ws.hot.probe(ws.token_keys[i]).value; // no entry changed since
    const std::uint32_t* atoms = ws.shared.atoms(info);
    for (std::uint32_t a = 0; a < info.atoms_count; ++a)
      add(atoms[a], i, i);
  }
  for (std::size_t k = 0; k < misses; ++k)
    ws.shared.prefetch(ws.token_keys[ws.misses[k]]);
  for (std::size_t k = 0; k < misses; ++k) {
    const std::uint32_t i = ws.misses[k];
    const Lookup found = lookup(ws.token_keys[i]);
    ws.token_stems[i] = found.info.stem;
    ws.token_forms[i] = found.info.form;
    ws.phrase_starts[starts] = i;
    starts += found.info.starts_phrase;
    for (std::uint32_t a = 0; a < found.info.atoms_count; ++a)
      add(found.atoms[a], i, i);
  }
  // Phrases start at a token whose stem or folded form starts one.
  for (std::size_t k = 0; k < starts; ++k) {
    const std::uint32_t i = ws.phrase_starts[k];
    auto check = [&](const std::vector<std::uint32_t>& phrases) {
      for (std::uint32_t atom : phrases)
        if (phrase_at(m_program.atoms[atom], i))
          add(atom, i, i + m_program.atoms[atom].words.size() - 1);
    };
    if (ws.token_stems[i] != k_none)
      check(m_program.stem_phrases[static_cast<std::size_t>(ws.token_stems[i])]);
    if (ws.token_forms[i] != k_none)
      check(m_program.form_phrases[static_cast<std::size_t>(ws.token_forms[i])]);
  }
  if (!m_program.regex_atoms.empty())
    scan_regexes(text);
  if (indexed)
    index_occurrences();
}

void UnitScanner::scan_regexes(std::string_view text) {
  Workspace::State& ws = m_ws;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  for (std::uint32_t atom : m_program.regex_atoms) {
    std::size_t r = m_program.atoms[atom].regex;
    if (!ws.regex_matchers[r]) {
      ws.regex_matchers[r].reset(m_program.regexes[r]->matcher(status));
      if (U_FAILURE(status))
        throw Error("cannot create a regular expression matcher");
    }
    icu::RegexMatcher& matcher = *ws.regex_matchers[r];
    matcher.reset(utext);
    while (matcher.find(status) && U_SUCCESS(status)) {
      auto start = static_cast<std::size_t>(matcher.start64(status));
      auto end = static_cast<std::size_t>(matcher.end64(status));
      if (end == start)
        continue;
      // The tokens the match touches; a match inside punctuation has none and counts at the
      // token after it.
      auto first = std::lower_bound(ws.tokens.begin(), ws.tokens.end(), start,
                                    [](const text::Span& t, std::size_t s) { return t.end <= s; });
      auto after = std::lower_bound(ws.tokens.begin(), ws.tokens.end(), end,
                                    [](const text::Span& t, std::size_t e) { return t.start < e; });
      std::size_t f = static_cast<std::size_t>(first - ws.tokens.begin());
      std::size_t l = static_cast<std::size_t>(after - ws.tokens.begin());
      l = l > f ? l - 1 : f;
      ws.occurrences.push_back(
          {atom, static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(l), start, end});
      ws.atom_seen[atom] = ws.seen_stamp;
    }
  }
  utext_close(utext);
}

void UnitScanner::index_occurrences() const {
  // Occurrences come in token order per pass (hot hits, misses, phrases, regexes), so they
  // are put in (atom, first, last) order by counting them per atom, placing each atom's run,
  // and insertion-sorting the few occurrences of each atom.
  Workspace::State& ws = m_ws;
  ++ws.stamp;
  ws.unit_atoms.clear();
  for (const Occurrence& o : ws.occurrences) {
    if (ws.atom_stamp[o.atom] != ws.stamp) {
      ws.atom_stamp[o.atom] = ws.stamp;
      ws.atom_end[o.atom] = 0;
      ws.atom_set.insert(o.atom);
    }
    ++ws.atom_end[o.atom];
  }
  ws.atom_set.drain([&](std::uint32_t atom) { ws.unit_atoms.push_back(atom); });
  std::uint32_t at = 0;
  for (std::uint32_t atom : ws.unit_atoms) {
    ws.atom_begin[atom] = at;
    at += ws.atom_end[atom];
    ws.atom_end[atom] = ws.atom_begin[atom]; // the fill position, then the end
  }
  ws.sorted_occurrences.resize(ws.occurrences.size());
  for (const Occurrence& o : ws.occurrences)
    ws.sorted_occurrences[ws.atom_end[o.atom]++] = o;
  auto before = [](const Occurrence& a, const Occurrence& b) {
    return a.first != b.first ? a.first < b.first : a.last < b.last;
  };
  for (std::uint32_t atom : ws.unit_atoms) {
    Occurrence* run = ws.sorted_occurrences.data() + ws.atom_begin[atom];
    const std::size_t count = ws.atom_end[atom] - ws.atom_begin[atom];
    for (std::size_t i = 1; i < count; ++i)
      for (std::size_t j = i; j > 0 && before(run[j], run[j - 1]); --j)
        std::swap(run[j], run[j - 1]);
  }
  ws.occurrences.swap(ws.sorted_occurrences);
  ws.indexed = true;
}

std::span<const Occurrence> UnitScanner::occurrences_of(std::uint32_t atom) const {
  const Workspace::State& ws = m_ws;
  if (!ws.indexed)
    index_occurrences();
  if (ws.atom_stamp[atom] != ws.stamp)
    return {};
  return {ws.occurrences.data() + ws.atom_begin[atom], ws.atom_end[atom] - ws.atom_begin[atom]};
}

bool UnitScanner::is_term_set(const Node& node) const {
  if (node.op == codebook::Op::term)
    return true;
  if (node.op != codebook::Op::any_of)
    return false;
  for (std::uint32_t i = 0; i < node.child_count; ++i)
    if (m_program.nodes[m_program.children[node.first_child + i]].op != codebook::Op::term)
      return false;
  return true;
}

bool UnitScanner::term_set_occurs(const Node& node) const {
  if (node.op == codebook::Op::term)
    return occurs(node.atom);
  for (std::uint32_t i = 0; i < node.child_count; ++i)
    if (occurs(m_program.nodes[m_program.children[node.first_child + i]].atom))
      return true;
  return false;
}

bool UnitScanner::in_term_set(const Node& node, std::uint32_t atom) const {
  if (node.op == codebook::Op::term)
    return node.atom == atom;
  for (std::uint32_t i = 0; i < node.child_count; ++i)
    if (m_program.nodes[m_program.children[node.first_child + i]].atom == atom)
      return true;
  return false;
}

bool UnitScanner::eval(std::int32_t root, std::vector<Occurrence>* out) const {
  const Node& node = m_program.nodes[static_cast<std::size_t>(root)];
  auto child = [&](std::uint32_t i) {
    return static_cast<std::int32_t>(m_program.children[node.first_child + i]);
  };
  switch (node.op) {
  case codebook::Op::term: {
    if (!out)
      return occurs(node.atom);
    std::span<const Occurrence> found = occurrences_of(node.atom);
    out->insert(out->end(), found.begin(), found.end());
    return !found.empty();
  }
  case codebook::Op::none_of:
    return !eval(child(0), nullptr);
  case codebook::Op::any_of: {
    bool any = false;
    for (std::uint32_t i = 0; i < node.child_count; ++i) {
      const Node& operand = m_program.nodes[static_cast<std::size_t>(child(i))];
      if (operand.op == codebook::Op::term) { // most operands: no call for them
        if (!out) {
          if (occurs(operand.atom))
            return true;
          continue;
        }
        std::span<const Occurrence> found = occurrences_of(operand.atom);
        any = any || !found.empty();
        out->insert(out->end(), found.begin(), found.end());
        continue;
      }
      if (eval(child(i), out)) {
        any = true;
        if (!out)
          return true;
      }
    }
    return any;
  }
  case codebook::Op::all_of: {
    // Evidence goes straight into `out` and is taken back if an operand fails.
    const std::size_t mark = out ? out->size() : 0;
    for (std::uint32_t i = 0; i < node.child_count; ++i) {
      if (!eval(child(i), out)) {
        if (out)
          out->resize(mark);
        return false;
      }
    }
    return true;
  }
  case codebook::Op::near: {
    const Node& lhs = m_program.nodes[static_cast<std::size_t>(child(0))];
    const Node& rhs = m_program.nodes[static_cast<std::size_t>(child(1))];
    if (!out && !m_ws.indexed && is_term_set(lhs) && is_term_set(rhs)) {
      // Counting, with each side a term or `|` of terms: the unit's few occurrences, as
      // found, are searched for a close pair, if both sides occur at all.
      if (!term_set_occurs(lhs) || !term_set_occurs(rhs))
        return false;
      for (const Occurrence& x : m_ws.occurrences)
        if (in_term_set(lhs, x.atom))
          for (const Occurrence& y : m_ws.occurrences)
            if (token_gap(x, y) <= static_cast<std::size_t>(node.distance) &&
                in_term_set(rhs, y.atom))
              return true;
      return false;
    }
    if (lhs.op == codebook::Op::term && rhs.op == codebook::Op::term) {
      // Two terms (the common case): their occurrences are compared where they lie, without
      // copying them. The evidence is what the general case below gives: the left
      // occurrences with a partner, then the right ones, each in token order.
      if (!out) {
        for (const Occurrence& x : occurrences_of(lhs.atom))
          for (const Occurrence& y : occurrences_of(rhs.atom))
            if (token_gap(x, y) <= static_cast<std::size_t>(node.distance))
              return true;
        return false;
      }
      const std::span<const Occurrence> left = occurrences_of(lhs.atom);
      const std::span<const Occurrence> right = occurrences_of(rhs.atom);
      boost::container::small_vector<char, 16> used_right(right.size(), 0);
      bool found = false;
      for (const Occurrence& a : left) {
        bool a_used = false;
        for (std::size_t j = 0; j < right.size(); ++j)
          if (token_gap(a, right[j]) <= static_cast<std::size_t>(node.distance)) {
            used_right[j] = 1;
            found = a_used = true;
          }
        if (a_used)
          out->push_back(a);
      }
      for (std::size_t j = 0; j < right.size(); ++j)
        if (used_right[j])
          out->push_back(right[j]);
      return found;
    }
    std::vector<Occurrence> left;
    std::vector<Occurrence> right;
    if (!eval(child(0), &left) || !eval(child(1), &right))
      return false;
    bool found = false;
    std::vector<char> used_right(right.size(), 0);
    for (const Occurrence& a : left) {
      bool a_used = false;
      for (std::size_t j = 0; j < right.size(); ++j) {
        if (token_gap(a, right[j]) <= static_cast<std::size_t>(node.distance)) {
          found = a_used = true;
          used_right[j] = 1;
          if (!out)
            return true;
        }
      }
      if (a_used && out)
        out->push_back(a);
    }
    if (out)
      for (std::size_t j = 0; j < right.size(); ++j)
        if (used_right[j])
          out->push_back(right[j]);
    return found;
  }
  }
  return false;
}

} // namespace detail

std::vector<Coding> Matcher::code_document(const corpus::Document& doc, Interviewer interviewer,
                                           Workspace& workspace, Detail detail) const {
  const Program& program = m_impl->program;
  Workspace::State& ws = workspace.state();
  detail::UnitScanner scanner(program, ws);
  std::vector<Coding> codings;
  codings.reserve(doc.units.size() * 2); // few documents have more than two per unit
  std::vector<Occurrence> evidence;
  for (std::size_t u = 0; u < doc.units.size(); ++u) {
    const corpus::Unit& unit = doc.units[u];
    if (unit.interviewer && interviewer == Interviewer::skip)
      continue;
    std::string_view text = doc.unit_text(unit);
    // Counting leaves the occurrences unindexed unless a rule needs them in order.
    scanner.scan(text, doc.text.size() - unit.end, detail == Detail::full);
    if (ws.occurrences.empty() && program.always_codes.empty())
      continue;

    // The codes some occurring atom can make true, in code order, each as code << 1 | 1
    // when an occurring atom alone makes it true. Full detail needs each code's evidence:
    // what the terms under its rule's top-level `|` found is collected in `direct` for all
    // codes at once, so that only the rule's other operands are evaluated.
    ws.candidates.clear();
    ws.direct.clear();
    auto note = [&](std::uint32_t entry) {
      ws.code_set.insert(entry >> 1);
      ws.sure_set.insert(entry >> 1, (entry & 1) != 0);
    };
    for (std::uint32_t code : program.always_codes)
      note(code << 1);
    if (detail == Detail::full) {
      for (std::uint32_t atom : ws.unit_atoms)
        for (std::uint32_t entry : program.atom_codes[atom]) {
          note(entry);
          if (entry & 1)
            for (std::uint32_t i = ws.atom_begin[atom]; i < ws.atom_end[atom]; ++i)
              ws.direct.push_back(std::uint64_t{entry >> 1} << 32 | i);
        }
    } else {
      for (const Occurrence& o : ws.occurrences) // unindexed: an atom may come more than once
        for (std::uint32_t entry : program.atom_codes[o.atom])
          note(entry);
    }
    // Each code once, in code order, marked sure if any of its entries is.
    ws.code_set.drain([&](std::uint32_t code) {
      ws.candidates.push_back(code << 1 | (ws.sure_set.contains(code) ? 1u : 0u));
    });
    ws.sure_set.clear();
    std::sort(ws.direct.begin(), ws.direct.end());

    std::size_t next_direct = 0;

    std::size_t first_coding = codings.size();
    for (std::uint32_t entry : ws.candidates) {
      const std::uint32_t code = entry >> 1;
      evidence.clear();
      const std::vector<std::int32_t>& rest = program.match_rest[code];
      if (detail == Detail::codes) {
        // Counting needs no evidence: a rule an occurring atom makes true is not evaluated,
        // and in the others only the operands that are not terms can still hold.
        if ((entry & 1) == 0 && std::none_of(rest.begin(), rest.end(), [&](std::int32_t node) {
              return scanner.eval(node, nullptr);
            }))
          continue;
      } else {
        // The evidence of `a | b | …` is that of every true operand, so the sufficient
        // terms' occurrences plus the evidence of each other operand that holds.
        while (next_direct < ws.direct.size() && (ws.direct[next_direct] >> 32) < code)
          ++next_direct;
        for (; next_direct < ws.direct.size() && (ws.direct[next_direct] >> 32) == code;
             ++next_direct)
          evidence.push_back(ws.occurrences[ws.direct[next_direct] & 0xffffffffu]);
        bool holds = !evidence.empty();
        for (std::int32_t node : rest)
          holds = scanner.eval(node, &evidence) || holds;
        if (!holds)
          continue;
      }
      if (program.unless_root[code] != k_none && scanner.eval(program.unless_root[code], nullptr))
        continue;
      // The per-coding evidence lists are reused from unit to unit.
      const std::size_t slot = codings.size() - first_coding;
      Coding& coding = codings.emplace_back(); // built in place: no Coding is moved
      coding.unit = u;
      coding.code = code;
      if (detail == Detail::codes)
        continue;
      std::sort(evidence.begin(), evidence.end(), [](const Occurrence& a, const Occurrence& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
      });
      for (const Occurrence& o : evidence) {
        Span span{unit.start + o.start, unit.start + o.end};
        if (coding.matched.empty() || !(coding.matched.back() == span))
          coding.matched.push_back(span);
      }
      if (ws.evidence.size() <= slot)
        ws.evidence.emplace_back();
      ws.evidence[slot].assign(evidence.begin(), evidence.end());
    }
    if (codings.size() > first_coding && detail == Detail::full)
      detail::assign_valence(program, ws, scanner, text, unit.start, codings, first_coding,
                             nullptr);
  }
  return codings;
}

} // namespace koda::coding
