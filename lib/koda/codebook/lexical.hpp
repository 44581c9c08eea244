#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

// Internal to lib/koda/codebook: the characters and tokens of codebook source, scanned as
// plain text. The X3 grammar (grammar.cpp) builds on these; messages and error recovery
// (parse.cpp) use them to quote a token or find where the next statement starts.
namespace koda::codebook::detail {

// Keywords that begin statements, lowercase.
using Keywords = std::span<const std::string_view>;

// The end of the bare word at `first` (a letter or digit, then letters, digits, combining
// marks and the joiners - _ ' ’ .), or `first` when no word starts there.
const char* word_end(const char* first, const char* last);

// The end of the blank code point at `first` (ASCII whitespace, no-break and other Unicode
// spaces, a byte-order mark), or `first` when it is not blank.
const char* blank_end(const char* first, const char* last);

// Whether `c` is an ASCII letter or digit.
bool is_ascii_alnum(char c);

// `text` with ASCII letters in lowercase.
std::string ascii_lower(std::string_view text);

// Whether `word` is one of `keywords`.
bool contains(Keywords keywords, std::string_view word);

// Whether only spaces and tabs stand between the start of its line and byte `at` of `text`.
bool starts_line(std::string_view text, std::size_t at);

// The byte offset just past the token at `offset` of `text`: a bare word, a quoted string
// (up to the end of the line when unterminated) or one character.
std::size_t token_end(std::string_view text, std::size_t offset);

// The token at `offset` as a message quotes it: 'word', "string", '}' or "the end of the
// file".
std::string describe_token(std::string_view text, std::size_t offset);

// Where to continue after a syntax error at byte `offset`: the next '}', the next line
// whose first word is one of `any_keywords`, or the next word after a blank that is one of
// `block_keywords`, whichever comes first; strings and comments are skipped.
std::size_t resume_point(std::string_view text, std::size_t offset, Keywords any_keywords,
                         Keywords block_keywords);

// The byte offset of the first '{' at or after `offset` on the same line, outside strings
// and comments, or npos.
std::size_t brace_on_line(std::string_view text, std::size_t offset);

} // namespace koda::codebook::detail
