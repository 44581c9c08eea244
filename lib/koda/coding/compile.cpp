// Compiling a codebook into a Program. Matching must cost almost nothing per token, so
// everything that can be decided once is decided here:
//
// - Every distinct term becomes an Atom. A term is tokenised with the same segmenter as
//   the documents, so `sumber-daya` or `"petunjuk teknis"` become phrases of two words and
//   a term can never disagree with the text about where words end.
// - Stems and folded forms get small integer ids. A token is later looked up once per
//   distinct spelling (Workspace's cache) and reduced to (stem id, form id, one-word atoms);
//   from then on matching compares integers.
// - Phrases are indexed by their first word, prefixes kept in a trie, regexes compiled once.
// - Each code's rule becomes a node array; atom → codes tells which rules a hit can make
//   true, so a unit only evaluates the rules of the terms it contains.

#include "koda/codebook/print.hpp"
#include "koda/coding/program.hpp"
#include "koda/error.hpp"
#include "koda/text/stem.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::coding::detail {
namespace {

using codebook::Expr;
using codebook::Op;
using codebook::TermKind;

class Compiler {
public:
  Compiler(Program& program, std::string_view language) : m_program(program), m_stemmer(language) {}

  std::int32_t rule(const Expr& expr) {
    auto index = static_cast<std::int32_t>(m_program.nodes.size());
    m_program.nodes.emplace_back();
    Node node;
    node.op = expr.op;
    node.distance = expr.distance;
    if (expr.op == Op::term) {
      node.atom = atom(expr.term);
    } else {
      std::vector<std::uint32_t> kids;
      for (const Expr& operand : expr.operands)
        kids.push_back(static_cast<std::uint32_t>(rule(operand)));
      node.first_child = static_cast<std::uint32_t>(m_program.children.size());
      node.child_count = static_cast<std::uint32_t>(kids.size());
      m_program.children.insert(m_program.children.end(), kids.begin(), kids.end());
    }
    m_program.nodes[static_cast<std::size_t>(index)] = node;
    return index;
  }

private:
  std::uint32_t atom(const codebook::Term& term) {
    Atom atom;
    atom.kind = term.kind;
    atom.source = codebook::to_source(term);
    switch (term.kind) {
    case TermKind::regex:
      atom.regex = regex(term);
      break;
    case TermKind::prefix:
      atom.prefix = text::fold_for_match(term.text);
      break;
    case TermKind::stem:
    case TermKind::phrase:
    case TermKind::surface:
      atom.words = words(term.text, term.kind == TermKind::surface);
      if (atom.words.size() > 1)
        atom.kind = TermKind::phrase;
      break;
    }
    if (auto it =
            m_atom_ids.find(atom.source + '\x1f' + std::to_string(static_cast<int>(atom.kind)));
        it != m_atom_ids.end())
      return it->second;
    auto id = static_cast<std::uint32_t>(m_program.atoms.size());
    m_atom_ids.emplace(atom.source + '\x1f' + std::to_string(static_cast<int>(atom.kind)), id);
    index(atom, id);
    m_program.atoms.push_back(std::move(atom));
    return id;
  }

  std::vector<PhraseWord> words(std::string_view text, bool surface) {
    std::vector<PhraseWord> result;
    for (const text::Span& span : m_segmenter.words(text)) {
      std::string folded = text::fold_for_match(text.substr(span.start, span.end - span.start));
      if (surface)
        result.push_back({true, intern(m_program.form_ids, m_program.form_atoms,
                                       m_program.form_phrases, folded)});
      else
        result.push_back(
            {false, intern(m_program.stem_ids, m_program.stem_atoms, m_program.stem_phrases,
                           std::string(m_stemmer.stem(folded)))});
    }
    return result;
  }

  static std::int32_t intern(StringMap<std::int32_t>& ids,
                             std::vector<std::vector<std::uint32_t>>& atoms,
                             std::vector<std::vector<std::uint32_t>>& phrases,
                             const std::string& key) {
    auto [it, inserted] = ids.emplace(key, static_cast<std::int32_t>(ids.size()));
    if (inserted) {
      atoms.emplace_back();
      phrases.emplace_back();
    }
    return it->second;
  }

  std::size_t regex(const codebook::Term& term) {
    uint32_t flags = 0;
    for (char f : term.flags) {
      if (f == 'i')
        flags |= UREGEX_CASE_INSENSITIVE;
      else if (f == 'm')
        flags |= UREGEX_MULTILINE;
      else if (f == 's')
        flags |= UREGEX_DOTALL;
      else if (f == 'x')
        flags |= UREGEX_COMMENTS;
    }
    UErrorCode status = U_ZERO_ERROR;
    UParseError where;
    std::unique_ptr<icu::RegexPattern> pattern(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(term.text), flags, where, status));
    if (U_FAILURE(status))
      throw Error(fmt::format("cannot compile the regular expression /{}/: {}", term.text,
                              u_errorName(status)));
    m_program.regexes.push_back(std::move(pattern));
    return m_program.regexes.size() - 1;
  }

  void index(const Atom& atom, std::uint32_t id) {
    switch (atom.kind) {
    case TermKind::stem:
      m_program.stem_atoms[static_cast<std::size_t>(atom.words[0].id)].push_back(id);
      break;
    case TermKind::surface:
      m_program.form_atoms[static_cast<std::size_t>(atom.words[0].id)].push_back(id);
      break;
    case TermKind::phrase: {
      const PhraseWord& first = atom.words[0];
      (first.surface ? m_program.form_phrases
                     : m_program.stem_phrases)[static_cast<std::size_t>(first.id)]
          .push_back(id);
      break;
    }
    case TermKind::prefix:
      add_prefix(atom.prefix, id);
      break;
    case TermKind::regex:
      m_program.regex_atoms.push_back(id);
      break;
    }
  }

  // Adds `prefix` to the prefix trie, with `atom` at its end. Atoms are made in increasing
  // id order, so a node lists its atoms in that order.
  void add_prefix(std::string_view prefix, std::uint32_t atom) {
    std::vector<Program::PrefixNode>& trie = m_program.prefix_trie;
    std::uint32_t node = 0;
    for (char c : prefix) {
      const auto byte = static_cast<unsigned char>(c);
      const auto& children = trie[node].children;
      auto it = std::find_if(children.begin(), children.end(),
                             [&](const auto& child) { return child.first == byte; });
      if (it != children.end()) {
        node = it->second;
        continue;
      }
      const auto child = static_cast<std::uint32_t>(trie.size());
      trie[node].children.emplace_back(byte, child);
      trie.emplace_back();
      node = child;
    }
    trie[node].atoms.push_back(atom);
  }

  Program& m_program;
  text::Stemmer m_stemmer;
  text::WordSegmenter m_segmenter;
  StringMap<std::uint32_t> m_atom_ids;
};

// Every atom the rule at `root` refers to.
void atoms_of(const Program& program, std::int32_t root, std::vector<std::uint32_t>& out) {
  if (root == k_none)
    return;
  const Node& node = program.nodes[static_cast<std::size_t>(root)];
  if (node.op == Op::term) {
    out.push_back(node.atom);
    return;
  }
  for (std::uint32_t i = 0; i < node.child_count; ++i)
    atoms_of(program, static_cast<std::int32_t>(program.children[node.first_child + i]), out);
}

// The rule at `root` as the disjunction it is: the terms reached from it through `|` only
// (`atoms`: each alone makes the rule true) and the other operands so reached (`rest`).
void split_disjuncts(const Program& program, std::int32_t root, std::vector<std::uint32_t>& atoms,
                     std::vector<std::int32_t>& rest) {
  if (root == k_none)
    return;
  const Node& node = program.nodes[static_cast<std::size_t>(root)];
  if (node.op == Op::term) {
    atoms.push_back(node.atom);
    return;
  }
  if (node.op != Op::any_of) {
    rest.push_back(root);
    return;
  }
  for (std::uint32_t i = 0; i < node.child_count; ++i)
    split_disjuncts(program, static_cast<std::int32_t>(program.children[node.first_child + i]),
                    atoms, rest);
}

// Whether the rule at `root` holds in a unit where no term occurs (`!x` does).
bool holds_on_nothing(const Program& program, std::int32_t root) {
  const Node& node = program.nodes[static_cast<std::size_t>(root)];
  auto child = [&](std::uint32_t i) {
    return static_cast<std::int32_t>(program.children[node.first_child + i]);
  };
  switch (node.op) {
  case Op::term:
  case Op::near:
    return false;
  case Op::none_of:
    return !holds_on_nothing(program, child(0));
  case Op::any_of:
    for (std::uint32_t i = 0; i < node.child_count; ++i)
      if (holds_on_nothing(program, child(i)))
        return true;
    return false;
  case Op::all_of:
    for (std::uint32_t i = 0; i < node.child_count; ++i)
      if (!holds_on_nothing(program, child(i)))
        return false;
    return true;
  }
  return false;
}

void flatten_codes(const std::vector<codebook::Code>& codes, std::ptrdiff_t parent,
                   std::size_t depth, std::vector<CodeInfo>& out) {
  for (const codebook::Code& code : codes) {
    CodeInfo info;
    info.code = &code;
    info.path = code.path;
    info.depth = depth;
    info.parent = parent;
    info.has_rule = code.match.has_value();
    out.push_back(info);
    flatten_codes(code.children, static_cast<std::ptrdiff_t>(out.size() - 1), depth + 1, out);
  }
}

} // namespace

std::vector<CodeInfo> compile(const codebook::Codebook& codebook, Program& program) {
  std::vector<CodeInfo> codes;
  flatten_codes(codebook.codes, -1, 0, codes);
  program.language = codebook.language;
  program.negation_window = codebook.negation_window;
  program.sentence_scope = codebook.valence_scope == codebook::ValenceScope::sentence;

  Compiler compiler(program, codebook.language);
  for (const CodeInfo& info : codes) {
    program.match_root.push_back(info.code->match ? compiler.rule(*info.code->match) : k_none);
    program.unless_root.push_back(info.code->unless ? compiler.rule(*info.code->unless) : k_none);
  }
  if (codebook.obstacle_cues)
    program.obstacle_root = compiler.rule(*codebook.obstacle_cues);
  if (codebook.support_cues)
    program.support_root = compiler.rule(*codebook.support_cues);
  if (codebook.negation)
    program.negation_root = compiler.rule(*codebook.negation);

  program.atom_codes.assign(program.atoms.size(), {});
  program.cue_atom.assign(program.atoms.size(), 0);
  for (std::size_t c = 0; c < codes.size(); ++c) {
    std::vector<std::uint32_t> used;
    atoms_of(program, program.match_root[c], used);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    std::vector<std::uint32_t> sufficient;
    program.match_rest.emplace_back();
    split_disjuncts(program, program.match_root[c], sufficient, program.match_rest.back());
    for (std::uint32_t atom : used) {
      const bool alone = std::find(sufficient.begin(), sufficient.end(), atom) != sufficient.end();
      program.atom_codes[atom].push_back(static_cast<std::uint32_t>(c) << 1 | (alone ? 1u : 0u));
    }
    if (program.match_root[c] != k_none && holds_on_nothing(program, program.match_root[c]))
      program.always_codes.push_back(static_cast<std::uint32_t>(c));
  }
  std::vector<std::uint32_t> cue_atoms;
  for (std::int32_t root : {program.obstacle_root, program.support_root, program.negation_root})
    atoms_of(program, root, cue_atoms);
  for (std::uint32_t atom : cue_atoms)
    program.cue_atom[atom] = 1;
  return codes;
}

} // namespace koda::coding::detail
