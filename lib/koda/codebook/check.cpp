// Checks on a parsed codebook: what the grammar cannot see.
//
// The grammar accepts `code Dana {`, `NEAR/0`, `/a(b/` and a code with no label; each is
// wrong in a way a researcher should hear about before any document is coded, with the
// place to fix it. Errors make the codebook unusable (a term that cannot compile, a code
// that can never match, ids that make paths ambiguous); warnings flag what is legal but
// almost certainly unintended — a term listed twice, a term whose stem is empty, a regex
// or a negation that matches nearly every unit — and fail only under --strict.
//
// Two terms count as the same when the matcher would treat them the same: stems of the
// case- and accent-folded words in the codebook's language, folded surface forms, folded
// prefixes. So `laksana | pelaksanaan` in an Indonesian codebook is reported: both stem to
// `laksana` and the second adds nothing. Only operands of one `|` or `&` are compared;
// the same term may well appear again inside a NEAR on purpose.
//
// Cue and negation lists are matched token by token around a code's match (DESIGN.md,
// Valence), so they may only list terms joined by `|`: `&`, `!`, NEAR and regexes have no
// meaning there and are rejected rather than silently ignored.

#include "koda/codebook/check.hpp"

#include "koda/codebook/source.hpp"
#include "koda/text/segment.hpp"
#include "koda/text/stem.hpp"

#include <fmt/format.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

namespace koda::codebook::detail {
namespace {

using Severity = Diagnostic::Severity;

// A term as the researcher wrote it, for messages: 'dana', '=SOP', 'sosial*', /RT\s*\d+/i.
std::string shown(const Term& term) {
  switch (term.kind) {
  case TermKind::surface:
    return fmt::format("'={}'", term.text);
  case TermKind::prefix:
    return fmt::format("'{}*'", term.text);
  case TermKind::regex: {
    std::string pattern;
    for (char c : term.text) {
      pattern += c == '/' ? "\\/" : std::string(1, c);
    }
    return fmt::format("/{}/{}", pattern, term.flags);
  }
  default:
    return fmt::format("'{}'", term.text);
  }
}

// A plain-words reading of the commonest ICU regex errors.
std::string_view regex_error_gloss(UErrorCode status) {
  switch (status) {
  case U_REGEX_MISMATCHED_PAREN:
    return " (unbalanced parentheses)";
  case U_REGEX_INVALID_BACK_REF:
    return " (a back-reference to a group that does not exist)";
  case U_REGEX_NUMBER_TOO_BIG:
    return " (a number is too large)";
  case U_REGEX_MISSING_CLOSE_BRACKET:
    return " (a '[' is never closed)";
  case U_REGEX_RULE_SYNTAX:
    return " (syntax error)";
  case U_REGEX_BAD_ESCAPE_SEQUENCE:
    return " (unknown escape sequence)";
  case U_REGEX_BAD_INTERVAL:
    return " (bad {min,max} repetition)";
  case U_REGEX_MAX_LT_MIN:
    return " (in {min,max}, max is less than min)";
  case U_REGEX_INVALID_RANGE:
    return " (a range in [...] runs backwards)";
  case U_REGEX_PROPERTY_SYNTAX:
    return " (bad \\p{...} property)";
  case U_REGEX_LOOK_BEHIND_LIMIT:
    return " (a look-behind must have a bounded length)";
  default:
    return "";
  }
}

bool is_valid_code_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// The first negation through which `expr` can match with none of its terms present, or null.
const Expr* unanchored(const Expr& expr) {
  switch (expr.op) {
  case Op::none_of:
    return &expr;
  case Op::any_of:
    for (const Expr& operand : expr.operands) {
      if (const Expr* negation = unanchored(operand)) {
        return negation;
      }
    }
    return nullptr;
  case Op::all_of: {
    const Expr* negation = nullptr;
    for (const Expr& operand : expr.operands) {
      const Expr* found = unanchored(operand);
      if (!found) {
        return nullptr;
      }
      negation = negation ? negation : found;
    }
    return negation;
  }
  default:
    return nullptr;
  }
}

class Checker {
public:
  Checker(const Codebook& codebook, const ParseFacts& facts, Strictness strictness,
          std::vector<Diagnostic>& diagnostics)
      : m_codebook(codebook), m_facts(facts), m_strictness(strictness), m_diagnostics(diagnostics) {
  }

  void run() {
    check_language();
    check_codes(m_codebook.codes, "the codebook");
    if (m_strictness == Strictness::strict) {
      check_label_languages();
    }
    check_list(m_codebook.obstacle_cues, "cue obstacle");
    check_list(m_codebook.support_cues, "cue support");
    check_list(m_codebook.negation, "the negation block");
  }

private:
  void add(Severity severity, SourceLocation where, std::string message) {
    m_diagnostics.push_back({severity, where, std::move(message)});
  }

  bool is_incomplete(const Code& code) const {
    return std::find(m_facts.incomplete_codes.begin(), m_facts.incomplete_codes.end(),
                     code.where) != m_facts.incomplete_codes.end();
  }

  // Whether `a` and `b` name the same language (`id` and `indonesian` do).
  bool same_language(const std::string& a, const std::string& b) {
    return a == b || (!a.empty() && canonical_language(a) == canonical_language(b));
  }

  const std::string& canonical_language(const std::string& language) {
    auto [known, inserted] = m_canonical_languages.try_emplace(language, language);
    if (inserted && text::Stemmer::is_known(language)) {
      known->second = text::Stemmer(language).algorithm();
    }
    return known->second;
  }

  void check_language() {
    if (!m_facts.language_given) {
      add(Severity::warning, m_codebook.where,
          "no 'language' given: bare terms will match surface forms, without stemming "
          "(write e.g. language id, or language none)");
    } else if (!text::Stemmer::is_known(m_codebook.language)) {
      add(Severity::error, m_facts.language_at,
          fmt::format("unknown language '{}' (expected a Snowball stemmer name such as "
                      "indonesian or english, a code such as id or en, or none)",
                      m_codebook.language));
    } else {
      m_stemmer.emplace(m_codebook.language);
    }
  }

  void check_codes(const std::vector<Code>& codes, const std::string& parent) {
    std::map<std::string_view, SourceLocation> first_defined;
    for (const Code& code : codes) {
      const auto [first, inserted] = first_defined.try_emplace(code.id, code.where);
      if (!inserted) {
        add(Severity::error, code.where,
            fmt::format("duplicate code id '{}' in {} (first defined at {})", code.id, parent,
                        SourceText::cite(first->second)));
      }
      check_code(code);
      check_codes(code.children, fmt::format("'{}'", code.path));
    }
  }

  void check_code(const Code& code) {
    const std::string owner = fmt::format("code '{}'", code.path);
    if (!is_valid_code_id(code.id)) {
      add(Severity::error, code.where,
          fmt::format("invalid code id '{}' (use only lowercase letters a-z, digits 0-9, '_' "
                      "and '-')",
                      code.id));
    }
    if (!is_incomplete(code)) {
      if (code.children.empty() && !code.match) {
        add(Severity::error, code.where,
            fmt::format("{} has no match (a code without child codes needs at least one "
                        "'match')",
                        owner));
      }
      check_own_label(code, owner);
    }
    if (code.match) {
      check_rule(*code.match, owner);
      if (const Expr* negation = unanchored(*code.match)) {
        add(Severity::warning, negation->where,
            fmt::format("the match of {} can succeed with none of its terms present (through "
                        "this negation), so it codes almost every unit",
                        owner));
      }
    }
    if (code.unless) {
      check_rule(*code.unless, owner);
    }
  }

  void check_own_label(const Code& code, const std::string& owner) {
    const std::string& language = m_codebook.language;
    if (m_stemmer && language != "none") {
      const bool found = std::any_of(code.labels.begin(), code.labels.end(), [&](const Label& l) {
        return same_language(l.language, language);
      });
      if (!found) {
        add(Severity::error, code.where,
            fmt::format("{} has no label in the codebook's language '{}' (add label {} \"…\")",
                        owner, language, language));
      }
    } else if (code.labels.empty()) {
      add(Severity::error, code.where,
          fmt::format("{} has no label (add label LANGUAGE \"…\")", owner));
    }
  }

  // Under --strict: every code is labelled in every language some code is labelled in.
  void check_label_languages() {
    std::vector<std::pair<std::string, const Code*>> languages; // first code labelled in each
    const std::vector<const Code*> codes = all_codes(m_codebook);
    for (const Code* code : codes) {
      for (const Label& label : code->labels) {
        const bool seen = std::any_of(languages.begin(), languages.end(), [&](const auto& known) {
          return same_language(known.first, label.language);
        });
        if (!seen && !label.language.empty()) {
          languages.emplace_back(label.language, code);
        }
      }
    }
    for (const Code* code : codes) {
      for (const auto& [language, example] : languages) {
        const bool has = std::any_of(code->labels.begin(), code->labels.end(), [&](const Label& l) {
          return same_language(l.language, language);
        });
        const bool reported = m_stemmer && same_language(language, m_codebook.language);
        if (!has && !reported && !is_incomplete(*code)) {
          add(Severity::error, code->where,
              fmt::format("code '{}' has no label in '{}', which other codes have (e.g. '{}' at "
                          "{})",
                          code->path, language, example->path, SourceText::cite(example->where)));
        }
      }
    }
  }

  void check_rule(const Expr& expr, const std::string& owner) {
    switch (expr.op) {
    case Op::term:
      check_term(expr.term);
      return;
    case Op::near:
      check_near(expr);
      break;
    case Op::any_of:
    case Op::all_of:
      check_duplicates(expr, owner);
      break;
    case Op::none_of:
      break;
    }
    for (const Expr& operand : expr.operands) {
      check_rule(operand, owner);
    }
  }

  // NEAR measures token distances between occurrences of its operands; a negation has no
  // occurrence, so a NEAR with a negated operand (`!a NEAR/3 b`, which is how NOT > NEAR
  // reads it) can never match. Legal, certainly unintended: a warning with the rewrite.
  void check_near(const Expr& near) {
    if (near.distance <= 0) {
      add(Severity::error, near.where,
          near.distance == 0
              ? "NEAR/0: the distance must be a positive number of tokens (e.g. NEAR/3)"
              : "NEAR: the distance is too large (at most 2147483647 tokens)");
    }
    for (const Expr& operand : near.operands) {
      if (const Expr* negation = unanchored(operand)) {
        add(Severity::warning, negation->where,
            "a negation has no position in the text, so this NEAR can never match (for "
            "'b with no a nearby' write b & !(a NEAR/3 b))");
        return;
      }
    }
  }

  // Cue and negation lists: terms joined by `|` only.
  void check_list(const std::optional<Expr>& list, const std::string& name) {
    if (!list) {
      return;
    }
    const Expr& expr = *list;
    if (expr.op == Op::all_of || expr.op == Op::none_of || expr.op == Op::near) {
      add(Severity::error, expr.where,
          fmt::format("{} may only list terms joined by '|', not {}", name,
                      expr.op == Op::all_of    ? "'&'"
                      : expr.op == Op::none_of ? "'!'"
                                               : "NEAR"));
    } else if (expr.op == Op::term && expr.term.kind == TermKind::regex) {
      add(Severity::error, expr.where,
          fmt::format("a regex cannot be used in {}: its terms are matched token by token", name));
    } else if (expr.op == Op::term) {
      check_term(expr.term);
    } else {
      check_duplicates(expr, name);
      for (const Expr& operand : expr.operands) {
        check_list(operand, name);
      }
    }
  }

  void check_term(const Term& term) {
    if (term.kind == TermKind::regex) {
      check_regex(term);
      return;
    }
    if ((term.kind == TermKind::surface || term.kind == TermKind::prefix) &&
        term.words.size() > 1) {
      std::string words;
      for (std::size_t i = 0; i < term.words.size(); ++i) {
        words += fmt::format("{}'{}'",
                             i == 0                       ? ""
                             : i + 1 == term.words.size() ? " and "
                                                          : ", ",
                             term.words[i]);
      }
      add(Severity::error, term.where,
          fmt::format("{} term {} must be one word, but it splits into {}",
                      term.kind == TermKind::surface ? "a surface" : "a prefix", shown(term),
                      words));
      return;
    }
    if (term.words.empty()) {
      add(Severity::warning, term.where,
          term.text.empty() ? std::string("empty term \"\" can never match")
                            : fmt::format("term {} has no letters or digits, so it can never match",
                                          shown(term)));
      return;
    }
    if (m_stemmer && (term.kind == TermKind::stem || term.kind == TermKind::phrase)) {
      for (const std::string& word : term.words) {
        if (m_stemmer->stem(text::fold_for_match(word)).empty()) {
          add(Severity::warning, term.where,
              fmt::format("the stem of '{}' in {} is empty, so term {} can never match", word,
                          m_stemmer->algorithm(), shown(term)));
        }
      }
    }
  }

  void check_regex(const Term& term) {
    std::uint32_t flags = 0;
    for (const char flag : term.flags) {
      switch (flag) {
      case 'i':
        flags |= UREGEX_CASE_INSENSITIVE;
        break;
      case 'm':
        flags |= UREGEX_MULTILINE;
        break;
      case 's':
        flags |= UREGEX_DOTALL;
        break;
      case 'x':
        flags |= UREGEX_COMMENTS;
        break;
      default:
        add(Severity::error, term.where,
            fmt::format("unknown regex flag '{}' in {} (expected i, m, s or x)", flag,
                        shown(term)));
        return;
      }
    }
    if (term.text.empty()) {
      add(Severity::error, term.where, "an empty regex // would match every unit");
      return;
    }
    UParseError position{};
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(term.text), flags, position, status));
    if (U_FAILURE(status)) {
      add(Severity::error, regex_error_location(term, position),
          fmt::format("invalid regex {}: {}{}", shown(term), u_errorName(status),
                      regex_error_gloss(status)));
      return;
    }
    const icu::UnicodeString empty;
    const std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(empty, status));
    if (U_SUCCESS(status) && matcher->find()) {
      add(Severity::warning, term.where,
          fmt::format("regex {} matches empty text, so it matches every unit", shown(term)));
    }
  }

  // Where in the codebook ICU's error `position` within the pattern of `term` lies: after
  // the opening '/', counting each '/' of the pattern twice (it was written `\/`).
  static SourceLocation regex_error_location(const Term& term, const UParseError& position) {
    SourceLocation where = term.where;
    if (position.offset < 0) {
      return where;
    }
    where.column += 1;
    std::int32_t code_points = 0;
    for (std::size_t at = 0; at < term.text.size() && code_points < position.offset; ++at) {
      if ((static_cast<unsigned char>(term.text[at]) & 0xC0) != 0x80) {
        ++code_points;
        where.column += term.text[at] == '/' ? 2 : 1;
      }
    }
    return where;
  }

  // What the matcher compares for `term`, and the stem shown when stems coincide.
  std::string match_key(const Term& term) {
    auto stem = [&](const std::string& word) {
      const std::string folded = text::fold_for_match(word);
      return m_stemmer ? std::string(m_stemmer->stem(folded)) : folded;
    };
    switch (term.kind) {
    case TermKind::stem:
    case TermKind::phrase: {
      std::string key = "stem:";
      for (const std::string& word : term.words) {
        key += stem(word) + " ";
      }
      return key;
    }
    case TermKind::surface:
      return "surface:" + text::fold_case(term.words.empty() ? term.text : term.words.front());
    case TermKind::prefix:
      return "prefix:" + text::fold_for_match(term.text);
    case TermKind::regex:
      return "regex:" + term.flags + "/" + term.text;
    }
    return {};
  }

  // Warns about terms among the operands of one `|` or `&` that the matcher cannot tell apart.
  void check_duplicates(const Expr& expr, const std::string& owner) {
    std::map<std::string, const Term*> first_with_key;
    for (const Expr& operand : expr.operands) {
      if (operand.op != Op::term || operand.term.words.size() > 1 ||
          (operand.term.words.empty() && operand.term.kind != TermKind::regex)) {
        continue;
      }
      const Term& term = operand.term;
      const std::string key = match_key(term);
      const auto [first, inserted] = first_with_key.try_emplace(key, &term);
      if (inserted) {
        continue;
      }
      const Term& earlier = *first->second;
      const std::string at = SourceText::cite(earlier.where);
      if (text::fold_case(shown(term)) == text::fold_case(shown(earlier))) {
        add(Severity::warning, term.where,
            fmt::format("duplicate term {} in {} (the first is at {})", shown(term), owner, at));
      } else if (term.kind == TermKind::stem) {
        add(Severity::warning, term.where,
            fmt::format("term {} in {} is redundant: it has the same stem, '{}', as {} at {}",
                        shown(term), owner, key.substr(5, key.size() - 6), shown(earlier), at));
      } else {
        add(Severity::warning, term.where,
            fmt::format("term {} in {} is redundant: it matches the same as {} at {}", shown(term),
                        owner, shown(earlier), at));
      }
    }
  }

  const Codebook& m_codebook;
  const ParseFacts& m_facts;
  Strictness m_strictness;
  std::vector<Diagnostic>& m_diagnostics;
  std::optional<text::Stemmer> m_stemmer; // the codebook's language, when it is known
  std::map<std::string, std::string> m_canonical_languages;
};

} // namespace

void check_codebook(const Codebook& codebook, const ParseFacts& facts, Strictness strictness,
                    std::vector<Diagnostic>& diagnostics) {
  Checker(codebook, facts, strictness, diagnostics).run();
}

} // namespace koda::codebook::detail
