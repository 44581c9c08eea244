#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The codebook model: what a `.kcb` file says, after parsing and checking. The grammar
// (Boost.Spirit X3) lives in parse.cpp only; this header is all a caller needs.
namespace koda::codebook {

// A place in the codebook source: 1-based line, and 1-based column counted in code points.
struct SourceLocation {
  std::size_t line = 0;
  std::size_t column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// How a term matches tokens (see the README's codebook reference).
enum class TermKind {
  stem,    // `word` or `"word"`: any token with the same stem
  surface, // `=word`: the case-folded surface form only
  prefix,  // `word*`: a prefix of the case-folded surface form
  phrase,  // `"two words"`: consecutive tokens, each matched by stem
  regex,   // `/pattern/flags`: an ICU regular expression on the unit text
};

// One term of a match expression.
struct Term {
  TermKind kind = TermKind::stem;
  std::string text;               // as written, without quotes, `=`, `*` or slashes
  std::vector<std::string> words; // phrase: its words; stem/surface/prefix: the one word
  std::string flags;              // regex: flags as written after the closing slash (i, m, s, x)
  SourceLocation where;
};

// The operators of match expressions, by precedence: NOT > NEAR > AND > OR.
enum class Op { term, any_of, all_of, none_of, near };

// A match expression: a term, or an operator over operands.
struct Expr {
  Op op = Op::term;
  Term term;                  // op == term
  std::vector<Expr> operands; // any_of / all_of: two or more; none_of: one; near: two
  int distance = 0;           // near: the largest token distance allowed
  SourceLocation where;
};

// A code's label in one language.
struct Label {
  std::string language; // `id`, `en`, ...
  std::string text;
};

// One code of the tree.
struct Code {
  std::string id;   // [a-z0-9_-]+
  std::string path; // ids from the root joined by `/`: `sumberdaya/sdm`
  std::vector<Label> labels;
  std::string description;
  std::vector<std::string> include_notes;
  std::vector<std::string> exclude_notes;
  std::vector<std::string> examples;
  std::optional<Expr> match;  // several `match` lines are ORed into one expression
  std::optional<Expr> unless; // vetoes the code in a unit where it matches
  std::vector<Code> children;
  SourceLocation where;

  // The label in `language`, else the first label, else the id.
  const std::string& label(std::string_view language) const;
};

// Where valence cues are looked for around a code's match.
enum class ValenceScope { sentence, unit };

// A parsed codebook.
struct Codebook {
  std::string title;
  std::string version;
  std::string language = "none"; // stemmer for bare terms: a Snowball name, id, en, ... or none
  std::string source;
  ValenceScope valence_scope = ValenceScope::sentence;
  int negation_window = 3;
  std::vector<Code> codes;
  std::optional<Expr> obstacle_cues;
  std::optional<Expr> support_cues;
  std::optional<Expr> negation;
  SourceLocation where;
};

// A problem found in a codebook.
struct Diagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

// How strictly to check.
enum class Strictness { normal, strict };

// The codebook, when there were no errors, and every problem found.
struct ParseResult {
  std::optional<Codebook> codebook;
  std::vector<Diagnostic> diagnostics;
  Strictness strictness = Strictness::normal; // how the codebook was checked
  // No errors, and under Strictness::strict no warnings either.
  bool ok() const;
};

// Parses and checks the codebook `text`, read from `source_name`. Never throws for a
// problem in the text: every problem is a Diagnostic.
ParseResult parse_codebook(std::string_view text, std::string_view source_name,
                           Strictness strictness = Strictness::normal);

// `diagnostic` as the user sees it: `source:line:col: error: message`, then the source line,
// then a caret under the fault.
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view text,
                              std::string_view source_name);

// Every code of `codebook` in tree order (parents before children), depth-first.
std::vector<const Code*> all_codes(const Codebook& codebook);

// The number of terms in `expr`.
std::size_t count_terms(const Expr& expr);

} // namespace koda::codebook
