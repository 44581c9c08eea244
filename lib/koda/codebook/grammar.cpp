// The codebook's tokens and match expressions, in Boost.Spirit X3.
//
// A codebook is read in two layers. parse.cpp walks statements (`label`, `match`, `code x {`,
// `}`) by hand, because that is where recovery happens: after a syntax error it skips to the
// next statement and keeps going, so one run reports every mistake, and it always knows the
// enclosing code to name in a message. Everything inside a statement is read here, by X3:
// words, quoted strings, numbers, and the match-expression grammar
//
//   expr    = all_of  { ('|' | OR)  > all_of }       any_of, flattened
//   all_of  = near    { ('&' | AND) > near }         all_of, flattened
//   near    = unary   { NEAR/n > unary }              near, left to right
//   unary   = ('!' | NOT) > unary | '(' > expr > ')' | term
//
// which gives the documented precedence NOT > NEAR > AND > OR. The expectation points (`>`)
// make X3 throw where an operand or a ')' is missing; the rule names are the ends of the
// messages ("expected a number after NEAR/ (e.g. NEAR/3)"), and the few errors that need
// more context — which operator lacks an operand, which '(' is unclosed, which quote never
// closes — are composed from a small state threaded through X3's context.
//
// X3 iterates over bytes; the primitives (words, strings, regexes) scan them with the
// helpers of lexical.cpp, which decode UTF-8 so that a term can be written in any script
// (`đào`, `تدريب`). An expression has no terminator: it ends where no
// operator follows a term, so `match a | b unless c` reads as two statements. For the same
// reason a statement keyword that starts a line is never taken as a term: after a dangling
// `|`, `label id "…"` on the next line is reported as a missing term, not swallowed.

#include "koda/codebook/grammar.hpp"

#include "koda/codebook/expression.hpp"
#include "koda/codebook/lexical.hpp"

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

namespace koda::codebook::detail {
namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

bool is_reserved(std::string_view lower_word) {
  return lower_word == "or" || lower_word == "and" || lower_word == "not" || lower_word == "near";
}

// ---------------------------------------------------------------------------------------
// State shared by the parsers of one expect_ call, through X3's context

struct GrammarState {
  explicit GrammarState(const SourceText& source_, Keywords statement_keywords_ = {},
                        std::string_view last_op_ = {})
      : source(source_), statement_keywords(statement_keywords_), last_op(last_op_) {}

  const SourceText& source;
  Keywords statement_keywords;
  std::string last_op;                  // the operator or keyword before the next operand
  std::size_t open_nots = 0;            // '!' whose operand is being read
  std::vector<std::size_t> open_parens; // offsets of the '(' not yet closed

  std::size_t offset(Iterator it) const {
    return static_cast<std::size_t>(it - source.text().data());
  }
  SourceLocation locate(Iterator it) const { return source.locate(offset(it)); }
};

struct state_tag;

template <typename Context> GrammarState& state_of(const Context& context) {
  return x3::get<state_tag>(context);
}

// ---------------------------------------------------------------------------------------
// Primitive parsers: each skips blanks, then scans bytes itself

// A primitive with attribute `Attribute` (which has an `offset`); `Derived::scan` reads it.
template <typename Derived, typename Attribute> struct Primitive : x3::parser<Derived> {
  using attribute_type = Attribute;
  static bool const has_attribute = true;

  template <typename Context, typename RContext, typename Attr>
  bool parse(Iterator& first, Iterator const& last, const Context& context, RContext&,
             Attr& attr) const {
    x3::skip_over(first, last, context);
    Attribute value;
    value.offset = state_of(context).offset(first);
    if (first == last ||
        !static_cast<const Derived&>(*this).scan(first, last, state_of(context), value)) {
      return false;
    }
    x3::traits::move_to(std::move(value), attr);
    return true;
  }
};

// The last '}' in [open, end): where a one-line code resumes after a quote left open.
std::size_t last_brace(const GrammarState& state, Iterator open, Iterator end) {
  const std::string_view rest(open, static_cast<std::size_t>(end - open));
  const std::size_t brace = rest.rfind('}');
  return brace == std::string_view::npos ? brace : state.offset(open) + brace;
}

struct WordParser : Primitive<WordParser, Token> {
  bool scan(Iterator& first, Iterator last, GrammarState&, Token& word) const {
    const Iterator end = word_end(first, last);
    word.text.assign(first, end);
    first = end;
    return !word.text.empty();
  }
};

// A bare word that can be a term: not an operator word, not a keyword starting a line.
struct BareTermParser : Primitive<BareTermParser, Token> {
  bool scan(Iterator& first, Iterator last, GrammarState& state, Token& word) const {
    const Iterator end = word_end(first, last);
    const std::string lower =
        ascii_lower(std::string_view(first, static_cast<std::size_t>(end - first)));
    if (end == first || is_reserved(lower) ||
        (starts_line(state.source.text(), state.offset(first)) &&
         contains(state.statement_keywords, lower))) {
      return false;
    }
    word.text.assign(first, end);
    first = end;
    return true;
  }
};

struct QuotedParser : Primitive<QuotedParser, Token> {
  bool scan(Iterator& first, Iterator last, GrammarState& state, Token& quoted) const {
    if (*first != '"') {
      return false;
    }
    const Iterator open = first++;
    for (;;) {
      if (first == last || *first == '\n' || *first == '\r') {
        throw SyntaxError{state.offset(first),
                          fmt::format("unterminated string: the '\"' at {} is never closed",
                                      SourceText::cite(state.locate(open))),
                          last_brace(state, open, first)};
      }
      if (*first == '"') {
        ++first;
        return true;
      }
      if (*first == '\\' && first + 1 != last && (first[1] == '"' || first[1] == '\\')) {
        ++first;
      }
      quoted.text += *first++;
    }
  }
};

struct RegexToken {
  std::size_t offset = 0;
  std::string pattern; // `\/` unescaped to `/`; every other escape kept for ICU
  std::string flags;
};

struct RegexParser : Primitive<RegexParser, RegexToken> {
  bool scan(Iterator& first, Iterator last, GrammarState& state, RegexToken& regex) const {
    if (*first != '/') {
      return false;
    }
    const Iterator open = first++;
    for (;;) {
      if (first == last || *first == '\n' || *first == '\r') {
        throw SyntaxError{state.offset(first),
                          fmt::format("unterminated regex: the '/' at {} is never closed",
                                      SourceText::cite(state.locate(open))),
                          last_brace(state, open, first)};
      }
      if (*first == '/') {
        ++first;
        break;
      }
      if (*first == '\\' && first + 1 != last && first[1] != '\n' && first[1] != '\r') {
        if (first[1] != '/') {
          regex.pattern += '\\';
        }
        ++first;
      }
      regex.pattern += *first++;
    }
    while (first != last && is_ascii_alnum(*first)) {
      regex.flags += *first++;
    }
    return true;
  }
};

struct NumberParser : Primitive<NumberParser, Token> {
  bool scan(Iterator& first, Iterator last, GrammarState&, Token& number) const {
    while (first != last && *first >= '0' && *first <= '9') {
      number.text += *first++;
    }
    return !number.text.empty();
  }
};

struct CodeIdParser : Primitive<CodeIdParser, Token> {
  bool scan(Iterator& first, Iterator last, GrammarState&, Token& id) const {
    constexpr std::string_view k_stops = " \t\r\n\v\f{}()\"#";
    while (first != last && k_stops.find(*first) == std::string_view::npos) {
      id.text += *first++;
    }
    return !id.text.empty();
  }
};

// An operator or mark: the character `symbol`, or the whole bare word `word` in any case
// (`or`, `AND`, `Near`). The token keeps the text as written, for messages.
struct OperatorParser : Primitive<OperatorParser, Token> {
  char symbol = '\0';
  std::string_view word;

  constexpr OperatorParser(char symbol_, std::string_view lower_word)
      : symbol(symbol_), word(lower_word) {}

  bool scan(Iterator& first, Iterator last, GrammarState&, Token& op) const {
    if (symbol != '\0' && *first == symbol) {
      op.text = *first++;
      return true;
    }
    const Iterator end = word_end(first, last);
    if (word.empty() ||
        ascii_lower(std::string_view(first, static_cast<std::size_t>(end - first))) != word) {
      return false;
    }
    op.text.assign(first, end);
    first = end;
    return true;
  }
};

// One blank code point: ASCII whitespace, no-break and other Unicode spaces.
struct BlankParser : x3::parser<BlankParser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Context, typename RContext, typename Attr>
  bool parse(Iterator& first, Iterator const& last, const Context&, RContext&, Attr&) const {
    const Iterator end = blank_end(first, last);
    if (end == first) {
      return false;
    }
    first = end;
    return true;
  }
};

auto const skipper = BlankParser{} | (x3::lit('#') >> *(x3::char_ - x3::lit('\n')));

// ---------------------------------------------------------------------------------------
// Match expressions

struct NearOp {
  std::size_t offset = 0;
  std::string distance;
};

Expr term_expr(TermKind kind, Token token, const GrammarState& state) {
  Expr expr;
  expr.term.kind = kind;
  expr.term.text = std::move(token.text);
  expr.where = expr.term.where = state.source.locate(token.offset);
  return expr;
}

int parse_distance(const std::string& digits) {
  int distance = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), distance);
  return error == std::errc() && end == digits.data() + digits.size() ? distance : -1;
}

auto const assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };

auto const record_op = [](auto& ctx) { state_of(ctx).last_op = x3::_attr(ctx).text; };

// Parentheses and '!' recurse in the grammar (and later in every walk of the tree), so
// their nesting is bounded rather than left to exhaust the stack on a hostile file.
constexpr std::size_t k_max_nesting = 100;

void count_nesting(GrammarState& state, std::size_t offset) {
  if (state.open_parens.size() + state.open_nots > k_max_nesting) {
    throw SyntaxError{offset, fmt::format("expression nested more than {} levels deep "
                                          "(in '(' and '!')",
                                          k_max_nesting)};
  }
}

auto const open_not = [](auto& ctx) {
  GrammarState& state = state_of(ctx);
  state.last_op = x3::_attr(ctx).text;
  ++state.open_nots;
  count_nesting(state, x3::_attr(ctx).offset);
};

template <Op op>
auto const join = [](auto& ctx) { join_into(x3::_val(ctx), op, std::move(x3::_attr(ctx))); };

auto const make_not = [](auto& ctx) {
  --state_of(ctx).open_nots;
  Expr expr;
  expr.op = Op::none_of;
  expr.where = state_of(ctx).source.locate(boost::fusion::at_c<0>(x3::_attr(ctx)).offset);
  expr.operands.push_back(std::move(boost::fusion::at_c<1>(x3::_attr(ctx))));
  x3::_val(ctx) = std::move(expr);
};

auto const make_near_op = [](auto& ctx) {
  GrammarState& state = state_of(ctx);
  const Token& keyword = boost::fusion::at_c<0>(x3::_attr(ctx));
  const std::string& distance = boost::fusion::at_c<1>(x3::_attr(ctx)).text;
  state.last_op = keyword.text + "/" + distance;
  x3::_val(ctx) = NearOp{keyword.offset, distance};
};

auto const make_near = [](auto& ctx) {
  const NearOp& op = boost::fusion::at_c<0>(x3::_attr(ctx));
  Expr expr;
  expr.op = Op::near;
  expr.where = state_of(ctx).source.locate(op.offset);
  expr.distance = parse_distance(op.distance);
  expr.operands.push_back(std::move(x3::_val(ctx)));
  expr.operands.push_back(std::move(boost::fusion::at_c<1>(x3::_attr(ctx))));
  x3::_val(ctx) = std::move(expr);
};

auto const push_paren = [](auto& ctx) {
  GrammarState& state = state_of(ctx);
  state.open_parens.push_back(x3::_attr(ctx).offset);
  state.last_op = "(";
  count_nesting(state, x3::_attr(ctx).offset);
};

auto const pop_paren = [](auto& ctx) { state_of(ctx).open_parens.pop_back(); };

auto const make_regex = [](auto& ctx) {
  RegexToken& regex = x3::_attr(ctx);
  Expr expr =
      term_expr(TermKind::regex, Token{regex.offset, std::move(regex.pattern)}, state_of(ctx));
  expr.term.flags = std::move(regex.flags);
  x3::_val(ctx) = std::move(expr);
};

auto const make_surface = [](auto& ctx) {
  GrammarState& state = state_of(ctx);
  Expr expr =
      term_expr(TermKind::surface, std::move(boost::fusion::at_c<1>(x3::_attr(ctx))), state);
  expr.where = expr.term.where = state.source.locate(boost::fusion::at_c<0>(x3::_attr(ctx)).offset);
  x3::_val(ctx) = std::move(expr);
};

auto const make_quoted = [](auto& ctx) {
  x3::_val(ctx) = term_expr(TermKind::stem, std::move(x3::_attr(ctx)), state_of(ctx));
};

auto const make_bare = [](auto& ctx) {
  const bool prefix = boost::fusion::at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = term_expr(prefix ? TermKind::prefix : TermKind::stem,
                            std::move(boost::fusion::at_c<0>(x3::_attr(ctx))), state_of(ctx));
};

// Every expression rule is named "term": that is what is missing when one fails to start
// after an operator, and expectation_error() turns it into "expected a term after '|'".
x3::rule<class expr_rule, Expr> const expr = "term";
x3::rule<class all_of_rule, Expr> const all_of = "term";
x3::rule<class near_rule, Expr> const near = "term";
x3::rule<class unary_rule, Expr> const unary = "term";
x3::rule<class term_rule, Expr> const term = "term";
x3::rule<class near_op_rule, NearOp> const near_op = "NEAR";

auto const or_op = x3::omit[OperatorParser('|', "or")[record_op]];
auto const and_op = x3::omit[OperatorParser('&', "and")[record_op]];
auto const not_op = OperatorParser('!', "not")[open_not];
auto const open_paren = x3::omit[OperatorParser('(', "")[push_paren]];
auto const close_paren = x3::rule<class close_paren_rule>{"')'"} = x3::lit(')')[pop_paren];
auto const near_slash =
    x3::rule<class near_slash_rule>{"'/' and a distance after NEAR (e.g. NEAR/3)"} = x3::lit('/');
auto const near_distance =
    x3::rule<class near_distance_rule, Token>{"a number after NEAR/ (e.g. NEAR/3)"} =
        NumberParser{};
auto const surface_word =
    x3::rule<class surface_word_rule, Token>{"a word or a quoted word after '=' (e.g. =SOP)"} =
        WordParser{} | QuotedParser{};

auto const expr_def = all_of[assign] >> *(or_op > all_of)[join<Op::any_of>];
auto const all_of_def = near[assign] >> *(and_op > near)[join<Op::all_of>];
auto const near_def = unary[assign] >> *(near_op > unary)[make_near];
auto const near_op_def =
    x3::lexeme[OperatorParser('\0', "near") > near_slash > near_distance][make_near_op];
auto const unary_def =
    (not_op > unary)[make_not] | (open_paren > expr > close_paren)[assign] | term[assign];
auto const term_def = RegexParser{}[make_regex] |
                      x3::lexeme[OperatorParser('=', "") > surface_word][make_surface] |
                      QuotedParser{}[make_quoted] |
                      x3::lexeme[BareTermParser{} >> x3::matches[x3::lit('*')]][make_bare];

BOOST_SPIRIT_DEFINE(expr, all_of, near, unary, term, near_op)

// ---------------------------------------------------------------------------------------
// Running a parser and turning failures into messages

// Where the caret goes for something missing at `at`: on the next token when it is on the
// same line, else right after the previous one.
std::size_t caret_offset(std::string_view text, std::size_t at) {
  std::size_t next = at;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) {
    ++next;
  }
  return next == text.size() || text[next] == '\n' || text[next] == '\r' || text[next] == '#'
             ? at
             : next;
}

std::size_t skip_blanks_from(std::string_view text, std::size_t at) {
  Iterator first = text.data() + at;
  x3::parse(first, text.data() + text.size(), *skipper);
  return static_cast<std::size_t>(first - text.data());
}

SyntaxError missing_term(const GrammarState& state, std::size_t at) {
  const std::string_view text = state.source.text();
  std::string message = fmt::format("expected a term after '{}'", state.last_op);
  const std::size_t next = skip_blanks_from(text, at);
  const Iterator begin = text.data() + next;
  const std::string_view word(
      begin, static_cast<std::size_t>(word_end(begin, text.data() + text.size()) - begin));
  const std::string lower = ascii_lower(word);
  if (is_reserved(lower)) {
    message += fmt::format(" ('{}' is an operator; write \"{}\" to match the word)", word, word);
    return {next, message};
  }
  if (!word.empty() && starts_line(text, next) && contains(state.statement_keywords, lower)) {
    message +=
        fmt::format(" ('{}' starts a new statement; write \"{}\" to match the word)", word, word);
    return {next, message};
  }
  return {caret_offset(text, at), message};
}

SyntaxError expectation_error(const x3::expectation_failure<Iterator>& failure,
                              const GrammarState& state) {
  const std::size_t at = state.offset(failure.where());
  if (failure.which() == "term") {
    return missing_term(state, at);
  }
  const std::size_t caret = caret_offset(state.source.text(), at);
  if (failure.which() == "')'" && !state.open_parens.empty()) {
    return {caret, fmt::format("expected ')' to close the '(' at {}",
                               SourceText::cite(state.source.locate(state.open_parens.back())))};
  }
  return {caret, "expected " + failure.which()};
}

// Runs `parser` at `offset`; on success moves `offset` past what it read. An expectation
// failure becomes a SyntaxError, and so does a plain failure, as "expected `what`".
template <typename Parser, typename Attribute>
void run(const Parser& parser, GrammarState& state, std::size_t& offset, std::string_view what,
         Attribute& attribute) {
  const std::string_view text = state.source.text();
  Iterator first = text.data() + offset;
  bool parsed = false;
  try {
    parsed = x3::phrase_parse(first, text.data() + text.size(), x3::with<state_tag>(state)[parser],
                              skipper, attribute, x3::skip_flag::dont_post_skip);
  } catch (const x3::expectation_failure<Iterator>& failure) {
    throw expectation_error(failure, state);
  }
  if (!parsed) {
    throw SyntaxError{caret_offset(text, offset), fmt::format("expected {}", what)};
  }
  offset = state.offset(first);
}

} // namespace

// ---------------------------------------------------------------------------------------
// Scanner

bool Scanner::skip_blanks() {
  m_offset = skip_blanks_from(m_source.text(), m_offset);
  return m_offset < m_source.text().size();
}

char Scanner::peek() { return skip_blanks() ? m_source.text()[m_offset] : '\0'; }

std::string_view Scanner::peek_word() {
  skip_blanks();
  const std::string_view text = m_source.text();
  const Iterator begin = text.data() + m_offset;
  return {begin, static_cast<std::size_t>(word_end(begin, text.data() + text.size()) - begin)};
}

Token Scanner::expect_word(std::string_view what) {
  GrammarState state(m_source);
  Token token;
  run(WordParser{}, state, m_offset, what, token);
  return token;
}

Token Scanner::expect_quoted(std::string_view what) {
  GrammarState state(m_source);
  Token token;
  run(QuotedParser{}, state, m_offset, what, token);
  return token;
}

Token Scanner::expect_number(std::string_view what) {
  GrammarState state(m_source);
  Token token;
  run(NumberParser{}, state, m_offset, what, token);
  return token;
}

Token Scanner::expect_code_id(std::string_view what) {
  GrammarState state(m_source);
  Token token;
  run(CodeIdParser{}, state, m_offset, what, token);
  return token;
}

void Scanner::expect_char(char c, std::string_view what) {
  GrammarState state(m_source);
  x3::unused_type nothing;
  run(x3::lit(c), state, m_offset, what, nothing);
}

Expr Scanner::expect_expression(std::string_view keyword, Keywords statement_keywords) {
  GrammarState state(m_source, statement_keywords, keyword);
  Expr expression;
  run(x3::expect[expr], state, m_offset, "a term", expression);
  return expression;
}

} // namespace koda::codebook::detail
