// Reading a codebook: statements, blocks, recovery.
//
// A codebook is a sequence of keyword-led statements inside nested blocks (`codebook "…" {`,
// `code id {`, `cue obstacle {`, `negation {`), with no statement terminator: a statement
// ends where the next keyword or '}' begins, so two may share a line and a whole code may
// sit on one. This file walks that structure with a stack of open blocks; the pieces inside
// a statement (strings, words, match expressions) are read by the X3 grammar in grammar.cpp.
//
// The walk is by hand because of what a researcher needs when a codebook is wrong: every
// mistake at once, each naming the code it is in. After a syntax error the parser skips to
// the next place a statement can begin (a '}', a line starting with a keyword, a keyword of
// the current block after a blank), marks the enclosing code as incomplete so that the
// checks do not pile "has no match" on top of the real error, and carries on. A failed
// `code x {` whose '{' is on the line still opens a (discarded) block, so its body and '}'
// do not close the parent by accident. Semantic checks then run on whatever was read
// (check.cpp), and the codebook is returned only when no error was found.

#include "koda/codebook/check.hpp"
#include "koda/codebook/codebook.hpp"
#include "koda/codebook/expression.hpp"
#include "koda/codebook/grammar.hpp"
#include "koda/codebook/lexical.hpp"
#include "koda/codebook/source.hpp"
#include "koda/text/decode.hpp"
#include "koda/text/segment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <map>
#include <optional>
#include <utility>

namespace koda::codebook {
namespace {

using namespace std::string_view_literals;
using detail::ascii_lower;
using detail::contains;
using detail::Keywords;
using detail::SourceText;
using detail::SyntaxError;
using detail::Token;

constexpr std::size_t k_none = std::string_view::npos;

// Codes nest (and are walked) recursively; a codebook deeper than this is surely a mistake.
constexpr std::size_t k_max_code_depth = 32;

constexpr std::array k_codebook_keywords{"version"sv,  "language"sv, "source"sv, "valence"sv,
                                         "negation"sv, "code"sv,     "cue"sv};
constexpr std::array k_code_keywords{"label"sv,   "description"sv, "include"sv, "exclude"sv,
                                     "example"sv, "match"sv,       "unless"sv,  "code"sv};
constexpr std::array k_list_keywords{"match"sv};
constexpr std::array k_all_keywords{"codebook"sv, "version"sv,     "language"sv, "source"sv,
                                    "valence"sv,  "negation"sv,    "code"sv,     "cue"sv,
                                    "label"sv,    "description"sv, "include"sv,  "exclude"sv,
                                    "example"sv,  "match"sv,       "unless"sv};

enum class BlockKind { codebook, code, obstacle, support, negation };

// A block being read: the codebook, a code, a cue list or the negation list.
struct Block {
  Block(BlockKind kind_, std::size_t opened_) : kind(kind_), opened(opened_) {}

  BlockKind kind = BlockKind::codebook;
  std::size_t opened = 0; // byte offset of the keyword that opened it
  Code* code = nullptr;   // kind == code: the code being filled
  std::vector<Expr> match_lines;
  std::vector<Expr> unless_lines;
  bool broken = false;  // a syntax error occurred inside it
  bool discard = false; // its header was wrong or a duplicate: read, then dropped
  std::map<std::string, SourceLocation, std::less<>> first_given; // "'description'" → where
};

Keywords keywords_of(BlockKind kind) {
  switch (kind) {
  case BlockKind::codebook:
    return k_codebook_keywords;
  case BlockKind::code:
    return k_code_keywords;
  default:
    return k_list_keywords;
  }
}

// `keywords` as an English list: "a, b or c".
std::string join_keywords(Keywords keywords) {
  std::string joined;
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    joined += i == 0 ? "" : i + 1 == keywords.size() ? " or " : ", ";
    joined += keywords[i];
  }
  return joined;
}

std::string block_name(const Block& block) {
  switch (block.kind) {
  case BlockKind::codebook:
    return "the codebook";
  case BlockKind::code:
    return block.code->path.empty() ? "this code" : fmt::format("code '{}'", block.code->path);
  case BlockKind::obstacle:
    return "cue obstacle";
  case BlockKind::support:
    return "cue support";
  case BlockKind::negation:
    return "the negation block";
  }
  return {};
}

// Labels written without a language (`label "Dana"`) are in the codebook's language.
void give_labels_language(std::vector<Code>& codes, const std::string& language) {
  for (Code& code : codes) {
    for (Label& label : code.labels) {
      if (label.language.empty()) {
        label.language = language;
      }
    }
    give_labels_language(code.children, language);
  }
}

class Parser {
public:
  explicit Parser(std::string_view text) : m_source(text), m_scanner(m_source) {}
  ParseResult run(Strictness strictness);

private:
  bool parse_header();
  void parse_body();
  void parse_statement(std::size_t start);
  void recover(std::size_t start, const SyntaxError& failure);
  void close_block(std::size_t at);
  void finish_block(Block& block);
  void report_unclosed();

  void parse_version(std::size_t start);
  void parse_language(std::size_t start);
  void parse_source(std::size_t start);
  void parse_valence(std::size_t start);
  void parse_negation(std::size_t start);
  void parse_cue(std::size_t start);
  void open_code(std::size_t start);
  void parse_label(std::size_t start);
  void parse_text(std::size_t start, std::string_view keyword);
  void parse_rule(std::string_view keyword, std::string_view written);

  std::string expect_choice(Keywords choices, std::string_view what);
  bool first_time(const std::string& what, std::size_t at);
  std::string unexpected(const Block& block, std::string_view word, std::size_t at) const;
  std::size_t indentation(std::size_t offset) const;
  void error(std::size_t offset, std::string message);
  Code& current_code() { return *m_stack.back().code; }

  SourceText m_source;
  detail::Scanner m_scanner;
  Codebook m_codebook;
  detail::ParseFacts m_facts;
  std::vector<Diagnostic> m_diagnostics;
  std::vector<Block> m_stack;
  std::deque<Code> m_discarded;          // codes whose header was wrong: read, then dropped
  std::string m_statement;               // the keyword of the statement being read
  std::size_t m_expression_end = k_none; // where the last match/unless expression ended
  std::size_t m_closed_at = 0;           // the codebook's closing '}'
  // The first `code` that opened inside a code although it is indented like its sibling:
  // where a missing '}' most likely belongs when the file ends with blocks open.
  std::optional<std::pair<std::size_t, std::string>> m_misplaced_code;
  text::WordSegmenter m_words;
};

void Parser::error(std::size_t offset, std::string message) {
  m_diagnostics.push_back(
      {Diagnostic::Severity::error, m_source.locate(offset), std::move(message)});
}

ParseResult Parser::run(Strictness strictness) {
  const std::string_view text = m_source.text();
  if (const std::size_t bad = text::find_invalid_utf8(text); bad != k_none) {
    error(bad, fmt::format("invalid UTF-8 byte 0x{:02X} (save the codebook as UTF-8)",
                           static_cast<unsigned char>(text[bad])));
    return {std::nullopt, std::move(m_diagnostics), strictness};
  }
  if (!m_scanner.skip_blanks()) {
    m_diagnostics.push_back({Diagnostic::Severity::error,
                             {1, 1},
                             "empty codebook: expected `codebook \"TITLE\" { ... }`"});
    return {std::nullopt, std::move(m_diagnostics), strictness};
  }
  if (!parse_header()) {
    return {std::nullopt, std::move(m_diagnostics), strictness};
  }
  parse_body();
  if (m_codebook.language != "none") {
    give_labels_language(m_codebook.codes, m_codebook.language);
  }
  detail::check_codebook(m_codebook, m_facts, strictness, m_diagnostics);
  std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), [](const auto& a, const auto& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  ParseResult result{std::nullopt, std::move(m_diagnostics), strictness};
  const bool failed =
      std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                  [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
  if (!failed) {
    result.codebook = std::move(m_codebook);
  }
  return result;
}

bool Parser::parse_header() {
  const std::size_t start = m_scanner.offset();
  const std::string_view word = m_scanner.peek_word();
  if (ascii_lower(word) != "codebook") {
    error(start, fmt::format("expected `codebook \"TITLE\" {{` at the start of the file, found {}",
                             detail::describe_token(m_source.text(), start)));
    return false;
  }
  m_scanner.seek(start + word.size());
  m_codebook.where = m_source.locate(start);
  m_stack.push_back(Block{BlockKind::codebook, start});
  try {
    m_codebook.title = m_scanner
                           .expect_quoted("the codebook's title in quotes after 'codebook' "
                                          "(e.g. codebook \"Faktor implementasi\" {)")
                           .text;
    m_scanner.expect_char('{', "'{' after the codebook's title");
  } catch (const SyntaxError& failure) {
    error(failure.offset, failure.message);
    m_stack.back().broken = true;
    const std::size_t brace = detail::brace_on_line(m_source.text(), start);
    m_scanner.seek(brace != k_none ? brace + 1
                                   : detail::resume_point(m_source.text(), failure.offset,
                                                          k_all_keywords, k_codebook_keywords));
  }
  return true;
}

void Parser::parse_body() {
  while (m_scanner.skip_blanks()) {
    const std::size_t start = m_scanner.offset();
    if (m_stack.empty()) {
      error(start, fmt::format("unexpected {} after the end of the codebook (its '}}' is at {})",
                               detail::describe_token(m_source.text(), start),
                               SourceText::cite(m_source.locate(m_closed_at))));
      return;
    }
    try {
      parse_statement(start);
    } catch (const SyntaxError& failure) {
      error(failure.offset, failure.message);
      recover(start, failure);
    }
  }
  report_unclosed();
}

void Parser::parse_statement(std::size_t start) {
  m_statement.clear();
  const std::size_t expression_end = std::exchange(m_expression_end, k_none);
  if (m_scanner.peek() == '}') {
    m_scanner.seek(start + 1);
    close_block(start);
    return;
  }
  const std::string_view written = m_scanner.peek_word();
  m_statement = ascii_lower(written);
  const BlockKind kind = m_stack.back().kind;
  if (written.empty() || !contains(keywords_of(kind), m_statement)) {
    const bool same_line =
        expression_end != k_none && m_source.text()[start] != ')' &&
        m_source.text().substr(expression_end, start - expression_end).find('\n') == k_none;
    throw SyntaxError{start, same_line
                                 ? fmt::format("expected an operator (|, &, NEAR/n) before {}",
                                               detail::describe_token(m_source.text(), start))
                                 : unexpected(m_stack.back(), written, start)};
  }
  m_scanner.seek(start + written.size());
  const std::string_view keyword = m_statement;
  if (keyword == "match" || keyword == "unless") {
    parse_rule(keyword, written);
  } else if (keyword == "code") {
    open_code(start);
  } else if (keyword == "label") {
    parse_label(start);
  } else if (keyword == "description" || keyword == "include" || keyword == "exclude" ||
             keyword == "example") {
    parse_text(start, keyword);
  } else if (keyword == "version") {
    parse_version(start);
  } else if (keyword == "language") {
    parse_language(start);
  } else if (keyword == "source") {
    parse_source(start);
  } else if (keyword == "valence") {
    parse_valence(start);
  } else if (keyword == "negation") {
    parse_negation(start);
  } else if (keyword == "cue") {
    parse_cue(start);
  }
}

std::string Parser::unexpected(const Block& block, std::string_view word, std::size_t at) const {
  const std::string expected = join_keywords(keywords_of(block.kind));
  if (m_source.text()[at] == ')') {
    return "unexpected ')' without a matching '('";
  }
  if (word.empty()) {
    return fmt::format("unexpected {} in {} (expected {})",
                       detail::describe_token(m_source.text(), at), block_name(block), expected);
  }
  if (contains(k_all_keywords, ascii_lower(word))) {
    return fmt::format("'{}' is not allowed in {} (expected {})", word, block_name(block),
                       expected);
  }
  return fmt::format("unknown keyword '{}' in {} (expected {})", word, block_name(block), expected);
}

void Parser::recover(std::size_t start, const SyntaxError& failure) {
  m_expression_end = k_none;
  m_stack.back().broken = true;
  const bool opens_block =
      m_statement == "code" || m_statement == "cue" ||
      (m_statement == "negation" && detail::brace_on_line(m_source.text(), start) != k_none);
  if (opens_block) {
    if (const std::size_t brace = detail::brace_on_line(m_source.text(), start); brace != k_none) {
      Block block{m_statement == "code"  ? BlockKind::code
                  : m_statement == "cue" ? BlockKind::obstacle
                                         : BlockKind::negation,
                  start};
      block.broken = block.discard = true;
      if (block.kind == BlockKind::code) {
        block.code = &m_discarded.emplace_back();
      }
      m_stack.push_back(std::move(block));
      m_scanner.seek(brace + 1);
      return;
    }
  }
  if (failure.resume != k_none) {
    m_scanner.seek(failure.resume);
    return;
  }
  const std::size_t from =
      failure.offset > start ? failure.offset : detail::token_end(m_source.text(), start);
  m_scanner.seek(detail::resume_point(m_source.text(), from, k_all_keywords,
                                      keywords_of(m_stack.back().kind)));
}

void Parser::close_block(std::size_t at) {
  Block block = std::move(m_stack.back());
  m_stack.pop_back();
  if (block.kind == BlockKind::codebook) {
    m_closed_at = at;
  }
  finish_block(block);
}

void Parser::finish_block(Block& block) {
  if (block.kind == BlockKind::code) {
    block.code->match = detail::any_of_lines(std::move(block.match_lines));
    block.code->unless = detail::any_of_lines(std::move(block.unless_lines));
    if (block.broken) {
      m_facts.incomplete_codes.push_back(block.code->where);
    }
    return;
  }
  if (block.kind == BlockKind::codebook || block.discard) {
    return;
  }
  if (block.match_lines.empty() && !block.broken) {
    m_diagnostics.push_back({Diagnostic::Severity::warning, m_source.locate(block.opened),
                             fmt::format("{} has no match, so it is ignored", block_name(block))});
  }
  std::optional<Expr>& list = block.kind == BlockKind::obstacle  ? m_codebook.obstacle_cues
                              : block.kind == BlockKind::support ? m_codebook.support_cues
                                                                 : m_codebook.negation;
  list = detail::any_of_lines(std::move(block.match_lines));
}

void Parser::report_unclosed() {
  if (m_stack.empty()) {
    return;
  }
  const std::string_view text = m_source.text();
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                     text[end - 1] == '\r')) {
    --end;
  }
  const Block& open = m_stack.back();
  if (m_misplaced_code) {
    error(m_misplaced_code->first, m_misplaced_code->second);
  } else {
    error(end, fmt::format("expected '}}' to close {} opened at {}", block_name(open),
                           SourceText::cite(m_source.locate(open.opened))));
  }
  while (!m_stack.empty()) {
    close_block(end);
  }
}

// ---------------------------------------------------------------------------------------
// Statements

std::string Parser::expect_choice(Keywords choices, std::string_view what) {
  const Token word = m_scanner.expect_word(what);
  std::string lower = ascii_lower(word.text);
  if (!contains(choices, lower)) {
    throw SyntaxError{word.offset, fmt::format("expected {}", what)};
  }
  return lower;
}

bool Parser::first_time(const std::string& what, std::size_t at) {
  Block& block = m_stack.back();
  const auto [first, inserted] = block.first_given.try_emplace(what, m_source.locate(at));
  if (!inserted) {
    error(at, fmt::format("duplicate {}{} (the first is at {})", what,
                          block.kind == BlockKind::code ? " in " + block_name(block) : "",
                          SourceText::cite(first->second)));
  }
  return inserted;
}

void Parser::parse_version(std::size_t start) {
  Token version =
      m_scanner.expect_quoted("the version in quotes after 'version' (e.g. version \"1.0\")");
  if (first_time("'version'", start)) {
    m_codebook.version = std::move(version.text);
  }
}

void Parser::parse_language(std::size_t start) {
  const Token language = m_scanner.expect_word("a language after 'language' (e.g. language id)");
  if (first_time("'language'", start)) {
    m_codebook.language = ascii_lower(language.text);
    m_facts.language_given = true;
    m_facts.language_at = m_source.locate(language.offset);
  }
}

void Parser::parse_source(std::size_t start) {
  Token source = m_scanner.expect_quoted("the source in quotes after 'source'");
  if (first_time("'source'", start)) {
    m_codebook.source = std::move(source.text);
  }
}

void Parser::parse_valence(std::size_t start) {
  expect_choice(std::array{"scope"sv}, "'scope' after 'valence' (e.g. valence scope sentence)");
  const std::string scope = expect_choice(std::array{"sentence"sv, "unit"sv},
                                          "'sentence' or 'unit' after 'valence scope'");
  if (first_time("'valence scope'", start)) {
    m_codebook.valence_scope = scope == "unit" ? ValenceScope::unit : ValenceScope::sentence;
  }
}

void Parser::parse_negation(std::size_t start) {
  if (m_scanner.peek() == '{') {
    m_scanner.seek(m_scanner.offset() + 1);
    Block block{BlockKind::negation, start};
    block.discard = !first_time("'negation' block", start);
    m_stack.push_back(std::move(block));
    return;
  }
  expect_choice(std::array{"window"sv},
                "'window' or '{' after 'negation' (e.g. negation window 3)");
  const Token number =
      m_scanner.expect_number("a number after 'negation window' (e.g. negation window 3)");
  int window = 0;
  const auto [end, failure] =
      std::from_chars(number.text.data(), number.text.data() + number.text.size(), window);
  if (failure != std::errc() || window < 1) {
    error(number.offset,
          fmt::format("negation window {}: {}", number.text,
                      failure != std::errc() ? "the number is too large"
                                             : "the window must be a positive number of tokens "
                                               "(e.g. negation window 3)"));
  } else if (first_time("'negation window'", start)) {
    m_codebook.negation_window = window;
  }
}

void Parser::parse_cue(std::size_t start) {
  const std::string kind =
      expect_choice(std::array{"obstacle"sv, "support"sv}, "'obstacle' or 'support' after 'cue'");
  m_scanner.expect_char('{', fmt::format("'{{' after 'cue {}'", kind));
  Block block{kind == "obstacle" ? BlockKind::obstacle : BlockKind::support, start};
  block.discard = !first_time(fmt::format("'cue {}' block", kind), start);
  m_stack.push_back(std::move(block));
}

void Parser::open_code(std::size_t start) {
  const Token id = m_scanner.expect_code_id("a code id after 'code' (e.g. code dana {)");
  m_scanner.expect_char('{', fmt::format("'{{' after 'code {}'", id.text));
  if (m_stack.size() > k_max_code_depth) {
    throw SyntaxError{start,
                      fmt::format("codes nested more than {} levels deep", k_max_code_depth)};
  }
  Block& parent = m_stack.back();
  const bool top_level = parent.kind == BlockKind::codebook;
  Code& code = parent.discard
                   ? m_discarded.emplace_back()
                   : (top_level ? m_codebook.codes : parent.code->children).emplace_back();
  code.id = id.text;
  code.path = top_level ? id.text : parent.code->path + "/" + id.text;
  code.where = m_source.locate(id.offset);
  if (!top_level && !m_misplaced_code && indentation(start) != k_none &&
      indentation(start) <= indentation(parent.opened)) {
    m_misplaced_code.emplace(start, fmt::format("expected '}}' to close {} opened at {}: this "
                                                "'code' is indented like its sibling",
                                                block_name(parent),
                                                SourceText::cite(m_source.locate(parent.opened))));
  }
  Block block{BlockKind::code, start};
  block.code = &code;
  block.discard = parent.discard;
  m_stack.push_back(std::move(block));
}

std::size_t Parser::indentation(std::size_t offset) const {
  const SourceLocation where = m_source.locate(offset);
  const std::string_view line = m_source.line(where.line);
  const std::size_t first = line.find_first_not_of(" \t");
  return m_source.line_start(where.line) + first == offset ? first : k_none;
}

void Parser::parse_label(std::size_t start) {
  std::string language;
  if (m_scanner.peek() != '"') {
    language = ascii_lower(
        m_scanner.expect_word("a language or a quoted label after 'label' (e.g. label id \"Dana\")")
            .text);
  }
  Token text =
      m_scanner.expect_quoted(fmt::format("the label in quotes after 'label {}'", language));
  if (first_time(language.empty() ? "'label'" : fmt::format("'label {}'", language), start)) {
    current_code().labels.push_back({std::move(language), std::move(text.text)});
  }
}

void Parser::parse_text(std::size_t start, std::string_view keyword) {
  Token text = m_scanner.expect_quoted(
      keyword == "description" ? "the description in quotes after 'description'"
      : keyword == "example"   ? "the example in quotes after 'example'"
                               : fmt::format("the note in quotes after '{}'", keyword));
  Code& code = current_code();
  if (keyword == "description") {
    if (first_time("'description'", start)) {
      code.description = std::move(text.text);
    }
  } else {
    (keyword == "include"   ? code.include_notes
     : keyword == "exclude" ? code.exclude_notes
                            : code.examples)
        .push_back(std::move(text.text));
  }
}

void Parser::parse_rule(std::string_view keyword, std::string_view written) {
  Expr rule = m_scanner.expect_expression(written, keywords_of(m_stack.back().kind));
  detail::split_words(rule, m_words);
  m_expression_end = m_scanner.offset();
  Block& block = m_stack.back();
  (keyword == "match" ? block.match_lines : block.unless_lines).push_back(std::move(rule));
}

} // namespace

// Diagnostics carry positions only; format_diagnostic() adds the source name.
ParseResult parse_codebook(std::string_view text, std::string_view /*source_name*/,
                           Strictness strictness) {
  return Parser(text).run(strictness);
}

} // namespace koda::codebook
