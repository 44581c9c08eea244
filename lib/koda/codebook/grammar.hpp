#pragma once

#include "koda/codebook/codebook.hpp"
#include "koda/codebook/lexical.hpp"
#include "koda/codebook/source.hpp"

#include <cstddef>
#include <string>
#include <string_view>

// Internal to lib/koda/codebook: the lexical layer and the match-expression grammar
// (Boost.Spirit X3, in grammar.cpp) under the statement parser in parse.cpp.
namespace koda::codebook::detail {

// Why a statement could not be read: the message, and the byte offset the caret points at.
struct SyntaxError {
  std::size_t offset = 0;
  std::string message;
  std::size_t resume = std::string_view::npos; // where to continue, when the grammar knows
};

// A word, a number or a quoted string as read (quotes removed, escapes resolved), with the
// byte offset where it starts.
struct Token {
  std::size_t offset = 0;
  std::string text;
};

// Reads codebook source one piece at a time for the statement parser. Every `expect_`
// function skips whitespace and comments first, then reads one thing or throws SyntaxError
// with the message "expected <what>" (or a more precise one, such as an unterminated string).
class Scanner {
public:
  // A scanner at the start of `source`, which must outlive it.
  explicit Scanner(const SourceText& source) : m_source(source) {}

  // The byte offset of the next unread character.
  std::size_t offset() const { return m_offset; }

  // Continues reading at byte `offset`.
  void seek(std::size_t offset) { m_offset = offset; }

  // Skips whitespace and comments; false when nothing else remains.
  bool skip_blanks();

  // The next character after blanks, not consumed; '\0' at the end.
  char peek();

  // The next bare word (a letter or digit, then letters, digits, marks and the joiners
  // - _ ' ’ .), not consumed; "" when the next character starts no word.
  std::string_view peek_word();

  // Consumes and returns the next bare word, or throws "expected `what`".
  Token expect_word(std::string_view what);

  // Consumes and returns the next quoted string.
  Token expect_quoted(std::string_view what);

  // Consumes and returns the next run of ASCII digits.
  Token expect_number(std::string_view what);

  // Consumes everything up to a blank, brace, parenthesis, quote or '#': a code id as
  // written, to be validated by the checks so that `code Dana {` still opens a code.
  Token expect_code_id(std::string_view what);

  // Consumes the character `c`.
  void expect_char(char c, std::string_view what);

  // Consumes a match expression that follows `keyword` (as written, for messages). A bare
  // word that starts a line and is one of `statement_keywords` begins the next statement.
  Expr expect_expression(std::string_view keyword, Keywords statement_keywords);

private:
  const SourceText& m_source;
  std::size_t m_offset = 0;
};

} // namespace koda::codebook::detail
